namespace ComputeGap.Core.Sampling;

/// <summary>
/// Point <c>index</c> of a Sobol sequence, one coordinate at a time, straight from the index: no state,
/// so every scenario of a sweep computes its own point. Device safe: <see cref="uint"/> XORs and shifts,
/// the table read through <see cref="IUIntTable"/>.
/// </summary>
/// <remarks>
/// Points come in Gray-code order, the order of Joe and Kuo's reference program and of
/// scipy.stats.qmc.Sobol: point i XORs the direction numbers of the set bits of g = i ⊕ (i ≫ 1). Its first
/// points are 0, 1/2, 3/4, 1/4, 3/8, 7/8, 5/8, 1/8 in dimension 1 and 0, 1/2, 1/4, 3/4, 3/8, 7/8, 1/8, 5/8
/// in dimension 2. The first 2^m points are the same set as in natural order (g permutes [0, 2^m)), so
/// every power-of-two prefix keeps the net's stratification.
/// </remarks>
public static class Sobol
{
    /// <summary>
    /// The 32 binary digits of coordinate <paramref name="dimension"/> (0-based) of point
    /// <paramref name="index"/>: <paramref name="shift"/> XOR the direction numbers (from
    /// <see cref="SobolDirections"/>) of the set bits of index's Gray code. Pass shift 0 with
    /// <see cref="SobolDirections.Unscrambled"/>, the dimension's shift word with
    /// <see cref="SobolDirections.Scrambled"/>.
    /// </summary>
    public static uint Bits<TTable>(in TTable directions, int dimension, uint index, uint shift)
        where TTable : struct, IUIntTable
    {
        var gray = index ^ (index >> 1);
        var at = dimension * SobolDirections.BitsPerDimension;
        var x = shift;
        while (gray != 0)
        {
            if ((gray & 1u) != 0)
            {
                x ^= directions[at];
            }

            gray >>= 1;
            at++;
        }

        return x;
    }

    /// <summary>
    /// The coordinate as a float in [0, 1): the leading 24 digits, exact (<see cref="UnitInterval.HalfOpen"/>).
    /// The unscrambled point 0 is exactly 0, so map through <see cref="UnitCentred"/> before an inverse CDF.
    /// </summary>
    public static float Unit(uint bits) => UnitInterval.HalfOpen(bits);

    /// <summary>
    /// The coordinate as the centre of its cell of width 2^−23, strictly inside (0, 1)
    /// (<see cref="UnitInterval.Open"/>): point i of 2^m ≤ 2^23 points still lands one per stratum
    /// [j/2^m, (j+1)/2^m), and the value is safe for an inverse CDF.
    /// </summary>
    public static float UnitCentred(uint bits) => UnitInterval.Open(bits);
}

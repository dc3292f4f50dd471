using System.Numerics;

namespace ComputeGap.Core.Designs;

/// <summary>
/// <see cref="Quantile"/> for a run of probabilities of one parameter, the CPU's form: a uniform
/// parameter's run in <see cref="Vector{T}"/> lanes (one multiply and one add, unfused, as the scalar
/// form), every other kind value by value through <see cref="Quantile"/> (the exponential, logarithm and
/// normal quantile have no vector form with the same bits).
/// </summary>
public static partial class DistributionTable
{
    /// <summary>Replaces each probability in <paramref name="values"/> by parameter <paramref name="k"/>'s <see cref="Quantile"/> there.</summary>
    /// <param name="tables">The design's tables.</param>
    /// <param name="k">The uncertain parameter.</param>
    /// <param name="values">Probabilities in, values out.</param>
    public static void Quantiles<TTables>(in TTables tables, int k, Span<float> values)
        where TTables : struct, IDesignTables
    {
        var j = 0;
        if (tables.Distribution(k) == (int)DistributionKind.Uniform && Vector.IsHardwareAccelerated)
        {
            var from = new Vector<float>(tables.Constant(k, 0));
            var span = new Vector<float>(tables.Constant(k, 1));
            for (; j + Vector<float>.Count <= values.Length; j += Vector<float>.Count)
            {
                (from + (new Vector<float>(values[j..]) * span)).CopyTo(values[j..]);
            }
        }

        for (; j < values.Length; j++)
        {
            values[j] = Quantile(tables, k, values[j]);
        }
    }
}

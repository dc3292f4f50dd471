using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The moments statistic of a block: the scenario count, and per outcome column the finite count, the
/// sum of the finite values in scenario order, and the least and greatest finite value. Its section of
/// the record is <see cref="PartialLayout.Count"/>, then <see cref="PartialLayout.Finite"/>,
/// <see cref="PartialLayout.Sum"/>, <see cref="PartialLayout.Min"/> and <see cref="PartialLayout.Max"/> of each column.
/// </summary>
/// <remarks>
/// The scalar form (<see cref="Add"/>) is what the GPU runs, one column per thread. The vector form
/// (<see cref="Lanes"/>) counts and bounds eight scenarios of a column at once; its sums are the
/// row sums of <see cref="RowSums"/>, which add each column's values in the same order as the scalar form.
/// </remarks>
public struct Moments
{
    /// <summary>Finite values seen.</summary>
    public double Finite;

    /// <summary>Their sum, in scenario order.</summary>
    public double Sum;

    /// <summary>The least (+∞ when none).</summary>
    public double Min;

    /// <summary>The greatest (−∞ when none).</summary>
    public double Max;

    /// <summary>Doubles the statistic keeps per block for <paramref name="outcomes"/> columns.</summary>
    public static int Slots(int outcomes) => 1 + (4 * outcomes);

    /// <summary>The identity: nothing seen.</summary>
    public static Moments Identity => new() { Min = double.PositiveInfinity, Max = double.NegativeInfinity };

    /// <summary>True for a finite value (NaN and ±∞ are counted by the scenario count only).</summary>
    public static bool IsFinite(float value) => value - value == 0f;

    /// <summary>The scalar form: adds one value (skipped when not finite).</summary>
    public void Add(float value)
    {
        if (!IsFinite(value))
        {
            return;
        }

        Finite += 1;
        Sum += value;
        Min = value < Min ? value : Min;
        Max = value > Max ? value : Max;
    }

    /// <summary>Writes column <paramref name="column"/>'s slots.</summary>
    public readonly void Write<TPart>(ref TPart part, in PartialLayout layout, int column)
        where TPart : struct, IPartialRecord
    {
        part[PartialLayout.Finite(column)] = Finite;
        part[layout.Sum(column)] = Sum;
        part[layout.Min(column)] = Min;
        part[layout.Max(column)] = Max;
    }

    /// <summary>
    /// The vector form over one column: finite counts and bounds in eight lanes. Min and max keep the
    /// scalar <c>value &lt; min ? value : min</c> per lane, which keeps the first of equal values;
    /// <see cref="Fold"/> takes the lanes in order, so the result is the scalar form's but for the sign
    /// of a zero extreme, which the caller takes from the block's first zero.
    /// </summary>
    public struct Lanes
    {
        /// <summary>The finite values per lane.</summary>
        public Vector256<int> Finite;

        /// <summary>The least finite value per lane.</summary>
        public Vector256<float> Min;

        /// <summary>The greatest finite value per lane.</summary>
        public Vector256<float> Max;

        /// <summary>The identity: nothing seen in any lane.</summary>
        public static Lanes Identity => new()
        {
            Min = Vector256.Create(float.PositiveInfinity),
            Max = Vector256.Create(float.NegativeInfinity),
        };

        /// <summary>The finite lanes of <paramref name="values"/>: all bits set where finite.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> FiniteLanes(Vector256<float> values) => Vector256.Equals(values - values, Vector256<float>.Zero);

        /// <summary>Adds eight values whose finite lanes are <paramref name="finite"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector256<float> values, Vector256<float> finite)
        {
            // A comparison's all-ones lane is −1.
            Finite -= finite.AsInt32();
            var low = Vector256.ConditionalSelect(finite, values, Vector256.Create(float.PositiveInfinity));
            Min = Vector256.ConditionalSelect(Vector256.LessThan(low, Min), low, Min);
            var high = Vector256.ConditionalSelect(finite, values, Vector256.Create(float.NegativeInfinity));
            Max = Vector256.ConditionalSelect(Vector256.GreaterThan(high, Max), high, Max);
        }

        /// <summary>
        /// The lanes folded into the scalar form's result with the given in-order <paramref name="sum"/>;
        /// a zero extreme takes its sign from the first zero of <paramref name="block"/>, the column's
        /// values over the block (±0 compare equal, and the scalar form keeps the first).
        /// </summary>
        public readonly Moments Fold(double sum, ReadOnlySpan<float> block)
        {
            var min = float.PositiveInfinity;
            var max = float.NegativeInfinity;
            for (var lane = 0; lane < Vector256<float>.Count; lane++)
            {
                var low = Min.GetElement(lane);
                var high = Max.GetElement(lane);
                min = low < min ? low : min;
                max = high > max ? high : max;
            }

            if (min == 0f || max == 0f)
            {
                var zero = FirstZero(block);
                min = min == 0f ? zero : min;
                max = max == 0f ? zero : max;
            }

            return new Moments { Finite = Vector256.Sum(Finite), Sum = sum, Min = min, Max = max };
        }

        private static float FirstZero(ReadOnlySpan<float> block)
        {
            foreach (var value in block)
            {
                if (value == 0f)
                {
                    return value;
                }
            }

            throw new InvalidOperationException("The column's least or greatest value is zero but it holds no zero.");
        }
    }
}

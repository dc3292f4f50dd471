using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Designs;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The Morris statistic of a unit of trajectories: per uncertain parameter k, the count, sum, sum of
/// absolute values and sum of squares of its elementary effects (slots 4k … 4k + 3), in trajectory
/// order. Parameter k moves once in each trajectory, at step m = <see cref="DesignPoint.MorrisPosition"/>,
/// by +Δ or −Δ (<see cref="DesignPoint.MorrisUp(in DesignHeader, long, int)"/>), Δ = p / (2(p − 1)); its
/// elementary effect is (f(row m + 1) − f(row m)) / ±Δ in float64. This is the record the sensitivity
/// table stores and <c>MorrisSums.Add</c> reads.
/// </summary>
/// <remarks>
/// The identity is 0 in every slot. The scalar form (<see cref="Effect"/>) is one trajectory's effect of
/// one parameter, what a GPU thread adds; the vector form (<see cref="Effects"/>) is four trajectories'
/// (one per lane) with their moves worked out once for every column (<see cref="Move"/>), each lane the
/// scalar form's arithmetic, so a lane's sums are the scalar form's bits.
/// </remarks>
public static class ElementaryEffects
{
    /// <summary>Slots of a record: four per parameter.</summary>
    public static int Slots(int dimensions) => 4 * dimensions;

    /// <summary>The step Δ = p / (2(p − 1)) of a <paramref name="levels"/>-level grid.</summary>
    public static double Delta(int levels) => levels / (double)(2 * (levels - 1));

    /// <summary>
    /// The scalar form: parameter <paramref name="k"/>'s elementary effect in trajectory
    /// <paramref name="trajectory"/>, whose d + 1 rows start at chunk position <paramref name="start"/> of <paramref name="column"/>.
    /// </summary>
    public static double Effect<TSource>(in TSource outcomes, int column, int start, in DesignHeader design, long trajectory, int k)
        where TSource : struct, IOutcomeSource
    {
        var step = DesignPoint.MorrisPosition(design, DesignPoint.MorrisOrderSeed(design, trajectory), k);
        var delta = Delta(design.Levels);
        return (outcomes.Get(column, start + step + 1) - (double)outcomes.Get(column, start + step))
            / (DesignPoint.MorrisUp(design, trajectory, k) ? delta : -delta);
    }

    /// <summary>
    /// The vector form: <see cref="Effect"/> of four trajectories at once, lane l's parameter moving between
    /// rows <paramref name="before"/>[l] and the next of <paramref name="values"/> by <paramref name="signedDelta"/>[l]
    /// (from <see cref="Move"/>: the move depends on the design alone, so one serves every outcome column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Effects(float[] values, in GroupStarts before, Vector256<double> signedDelta) =>
        (before.Rows(values, 1) - before.Rows(values, 0)) / signedDelta;

    /// <summary>Where parameter <paramref name="k"/> moves in a trajectory (the row before, counted from its first) and by ±Δ.</summary>
    public static (int Step, double SignedDelta) Move(in DesignHeader design, long trajectory, int k)
    {
        var delta = Delta(design.Levels);
        return (DesignPoint.MorrisPosition(design, DesignPoint.MorrisOrderSeed(design, trajectory), k), DesignPoint.MorrisUp(design, trajectory, k) ? delta : -delta);
    }

    /// <summary>Adds an elementary effect to a parameter's four sums (count, sum, absolute sum, squares; the square by <paramref name="products"/>, rounded on its own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TProducts>(ref double count, ref double sum, ref double absolute, ref double squares, double effect, TProducts products)
        where TProducts : struct, IProducts
    {
        count += 1;
        sum += effect;
        absolute += Math.Abs(effect);
        squares += products.Multiply(effect, effect);
    }

    /// <summary>The vector form of <see cref="Add{TProducts}(ref double, ref double, ref double, ref double, double, TProducts)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref Vector256<double> count, ref Vector256<double> sum, ref Vector256<double> absolute, ref Vector256<double> squares, Vector256<double> effects)
    {
        count += Vector256<double>.One;
        sum += effects;
        absolute += Vector256.Abs(effects);
        squares += effects * effects;
    }
}

using System.Runtime.CompilerServices;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The main-effects statistic of a block: for each axis value v, the scenarios taking it
/// (<see cref="PartialLayout.EffectCount"/>) and per outcome column the sum and count of their finite
/// values (<see cref="PartialLayout.EffectSum"/>, <see cref="PartialLayout.EffectFinite"/>).
/// </summary>
/// <remarks>
/// An axis that keeps one value over the block (its stride spans the whole block) needs no
/// per-scenario work: its sums receive the same values in the same order as the column's block sum,
/// so they equal it bit for bit (<see cref="CopyConstantAxes"/>). Every form decides which axes vary
/// the same way (<see cref="Varies"/>).
/// </remarks>
public static class MainEffects
{
    /// <summary>Most axes that get main effects (the GPU's cursor needs two scratch slots per axis).</summary>
    public const int MaxAxes = 32;

    /// <summary>Doubles the statistic keeps per block.</summary>
    public static int Slots(int outcomes, int axisValues) => axisValues * (1 + (2 * outcomes));

    /// <summary>The identity of what column <paramref name="column"/> owns (column 0 also owns the scenario counts).</summary>
    public static void Clear<TPart>(ref TPart part, in PartialLayout layout, int column)
        where TPart : struct, IPartialRecord
    {
        for (var v = 0; v < layout.AxisValues; v++)
        {
            if (column == 0)
            {
                part[layout.EffectCount(v)] = 0;
            }

            part[layout.EffectSum(v, column)] = 0;
            part[layout.EffectFinite(v, column)] = 0;
        }
    }

    /// <summary>
    /// Whether an axis of stride <paramref name="stride"/> takes more than one value over scenarios
    /// <c>[first, first + count)</c>.
    /// </summary>
    public static bool Varies(long stride, long first, int count) =>
        count > 0 && first / stride != (first + count - 1) / stride;

    /// <summary>Bit a is set when axis a takes more than one value over the block.</summary>
    public static int VaryingAxes<TAxes>(in TAxes axes, long first, int count)
        where TAxes : struct, IAxisSource
    {
        var mask = 0;
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if (Varies(axes.Stride(a), first, count))
            {
                mask |= 1 << a;
            }
        }

        return mask;
    }

    /// <summary>The scalar form: adds one scenario's value of one column to the varying axes' values at the cursor.</summary>
    public static void Add<TAxes, TCursor, TPart>(in TAxes axes, ref TCursor cursor, int varying, ref TPart part, in PartialLayout layout, int column, float value)
        where TAxes : struct, IAxisSource
        where TCursor : struct, IAxisCursor
        where TPart : struct, IPartialRecord
    {
        var isFinite = Moments.IsFinite(value);
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) == 0)
            {
                continue;
            }

            var v = cursor.ValueIndex(a);
            if (column == 0)
            {
                part[layout.EffectCount(v)] = part[layout.EffectCount(v)] + 1;
            }

            if (isFinite)
            {
                part[layout.EffectSum(v, column)] = part[layout.EffectSum(v, column)] + value;
                part[layout.EffectFinite(v, column)] = part[layout.EffectFinite(v, column)] + 1;
            }
        }
    }

    /// <summary>Sets the effects of the axes that keep one value over the block from the column's block totals, already written.</summary>
    public static void CopyConstantAxes<TAxes, TCursor, TPart>(in TAxes axes, ref TCursor cursor, int varying, ref TPart part, in PartialLayout layout, int column, long first)
        where TAxes : struct, IAxisSource
        where TCursor : struct, IAxisCursor
        where TPart : struct, IPartialRecord
    {
        cursor.Start(first);
        for (var a = 0; a < axes.AxisCount; a++)
        {
            if ((varying & (1 << a)) != 0)
            {
                continue;
            }

            var v = cursor.ValueIndex(a);
            if (column == 0)
            {
                part[layout.EffectCount(v)] = part[PartialLayout.Count];
            }

            part[layout.EffectSum(v, column)] = part[layout.Sum(column)];
            part[layout.EffectFinite(v, column)] = part[PartialLayout.Finite(column)];
        }
    }

    /// <summary>
    /// The vector form for one varying axis: adds rows <c>[0, valid)</c> of a group (see
    /// <see cref="RowSums"/>) to the sums of the value each takes, <paramref name="values"/>[r]. Each sum
    /// takes a run of rows sharing its value in registers and is stored once per run (an axis that
    /// changes value every scenario has runs of one). Sums of value v are at <c>v · width</c> of
    /// <paramref name="sums"/>, its scenario count at <paramref name="counts"/>[v]. Unchecked, like
    /// <see cref="RowSums"/>: the caller guarantees every value's slots exist.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddRows<TWidth>(ref double sums, ref int counts, ref double rows, ref int values, int valid)
        where TWidth : struct, IRowWidth
    {
        for (var r = 0; r < valid;)
        {
            var v = Unsafe.Add(ref values, r);
            var end = r + 1;
            while (end < valid && Unsafe.Add(ref values, end) == v)
            {
                end++;
            }

            RowSums.Add<TWidth>(ref Unsafe.Add(ref sums, v * TWidth.Vectors * 4), ref rows, r, end);
            Unsafe.Add(ref counts, v) += end - r;
            r = end;
        }
    }

    /// <summary>The vector form for one row of any <paramref name="width"/>, taking axis value <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddRow(ref double sums, ref int counts, ref double row, int width, int v)
    {
        Unsafe.Add(ref counts, v)++;
        RowSums.Add(ref Unsafe.Add(ref sums, v * width), ref row, width);
    }
}

using System.Numerics;

namespace ComputeGap.IO.Discovery;

/// <summary>
/// A grid sweep's condition as one bit per scenario (<c>sweep --where</c>): bit s of the words is 1 where
/// the condition held in scenario s. Scenarios are numbered with the last axis fastest, so scenario
/// s takes index (s / stride_k) mod n_k on axis k, stride_k being the product of the later axes' sizes.
/// </summary>
public sealed class GridBitmap
{
    /// <summary>Pairs the axes (values in grid order) with the bits of every scenario.</summary>
    /// <exception cref="ArgumentException">An axis is empty or repeats a value, names and values differ in count, or the words do not cover the grid.</exception>
    public GridBitmap(IReadOnlyList<string> axes, IReadOnlyList<double[]> values, ulong[] words, bool fromFloat32 = true)
    {
        if (axes.Count == 0 || axes.Count != values.Count || axes.Count > PrimData.MaxInputs)
        {
            throw new ArgumentException($"a grid bitmap needs 1 to {PrimData.MaxInputs} axes, each with its values", nameof(values));
        }

        long scenarios = 1;
        for (var k = 0; k < axes.Count; k++)
        {
            if (values[k].Length == 0 || values[k].Distinct().Count() != values[k].Length || values[k].Length > ColumnCoder.MaxCodes)
            {
                throw new ArgumentException($"axis {axes[k]} must have 1 to {ColumnCoder.MaxCodes} distinct values", nameof(values));
            }

            scenarios = checked(scenarios * values[k].Length);
        }

        if (words.LongLength * 64 < scenarios)
        {
            throw new ArgumentException($"{words.LongLength:N0} words hold fewer bits than the grid's {scenarios:N0} scenarios", nameof(words));
        }

        Axes = axes;
        Values = values;
        Words = words;
        Scenarios = scenarios;
        FromFloat32 = fromFloat32;
        long holds = 0;
        for (long w = 0; w < (scenarios + 63) / 64; w++)
        {
            holds += BitOperations.PopCount(w == (scenarios - 1) / 64 && scenarios % 64 != 0 ? words[w] & ((1UL << (int)(scenarios % 64)) - 1) : words[w]);
        }

        Holds = holds;
    }

    /// <summary>Axis names (the row files' column names).</summary>
    public IReadOnlyList<string> Axes { get; }

    /// <summary>Each axis's values, in grid index order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    /// <summary>The bits, scenario s at bit s mod 64 of word s / 64.</summary>
    public ulong[] Words { get; }

    /// <summary>Scenarios in the grid.</summary>
    public long Scenarios { get; }

    /// <summary>Scenarios where the condition held.</summary>
    public long Holds { get; }

    /// <summary>True when the axis values are float32 (as the model computes), so limits print as float32 decimals.</summary>
    public bool FromFloat32 { get; }

    /// <summary>Whether the condition held in scenario <paramref name="scenario"/>.</summary>
    public bool Get(long scenario) => ((Words[scenario >> 6] >> (int)(scenario & 63)) & 1) != 0;

    /// <summary>
    /// The rows <paramref name="rows"/> (scenario numbers, which may repeat) as coded inputs and flags, as a
    /// row file of the same grid would give them: the resamples of <see cref="PrimStability"/>.
    /// </summary>
    internal PrimData Gather(long[] rows, IReadOnlyList<CodedInput> inputs, int[][] codeOfIndex)
    {
        var d = Axes.Count;
        var codes = new ushort[d][];
        for (var k = 0; k < d; k++)
        {
            codes[k] = new ushort[rows.Length];
        }

        var flags = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var rest = rows[i];
            for (var k = d - 1; k >= 0; k--)
            {
                var n = Values[k].Length;
                codes[k][i] = (ushort)codeOfIndex[k][(int)(rest % n)];
                rest /= n;
            }

            flags[i] = Get(rows[i]);
        }

        return new PrimData([.. inputs.Select((input, k) => input.WithCodes(codes[k]))], flags);
    }
}

using System.Numerics;

namespace ComputeGap.IO.Discovery;

/// <summary>
/// <see cref="IPrimCounts"/> over a grid's condition bitmap. On a grid every box is a sub-grid, so the
/// cases of a box taking one value of an axis are the product of the other axes' kept values, and only
/// the cases of interest need counting: one scan of the box's bits gives every axis's counts at once
/// (whole rows of the last, fastest axis by popcount; its own counts by walking the set bits).
/// </summary>
internal sealed class GridCounts : IPrimCounts
{
    private readonly GridBitmap _grid;
    private readonly int[][] _codeOfIndex;
    private readonly int[][] _indexOfCode;
    private readonly int _d;
    private BoxLimits _box;
    private long[][]? _interest;

    public GridCounts(GridBitmap grid)
    {
        _grid = grid;
        _d = grid.Axes.Count;
        var inputs = new CodedInput[_d];
        _codeOfIndex = new int[_d][];
        _indexOfCode = new int[_d][];
        for (var k = 0; k < _d; k++)
        {
            var values = grid.Values[k];
            var sorted = values.Order().ToArray();
            _codeOfIndex[k] = [.. values.Select(v => Array.BinarySearch(sorted, v))];
            _indexOfCode[k] = [.. sorted.Select(v => Array.IndexOf(values, v))];
            inputs[k] = CodedInput.OfValues(grid.Axes[k], sorted, grid.FromFloat32);
        }

        Inputs = inputs;
        Initial = BoxLimits.Full(inputs);
        _box = Initial;
    }

    public IReadOnlyList<CodedInput> Inputs { get; }

    public long Cases => _grid.Scenarios;

    public long CasesOfInterest => _grid.Holds;

    public BoxLimits Initial { get; }

    /// <summary>Each axis's code of each grid index.</summary>
    public int[][] CodeOfIndex => _codeOfIndex;

    public long[] Count(int k) => CellsPerCode(_box, k, inside: true);

    /// <remarks>The box is scanned on first use after it changes, so uses that need only the inputs (resampling) scan nothing.</remarks>
    public long[] Interest(int k) => (_interest ??= Scan(Masks(_box), marginals: true).Marginals)[k];

    public void Shrink(BoxLimits box, int k, int index)
    {
        _box = box;
        _interest = null;
    }

    public (long[]?[] Count, long[]?[] Interest) PasteCandidates(BoxLimits box, int[] restricted)
    {
        var count = new long[]?[_d];
        var interest = new long[]?[_d];
        foreach (var u in restricted)
        {
            var masks = Masks(box);
            masks[u] = [.. masks[u].Select(m => !m)];
            interest[u] = Scan(masks, marginals: true).Marginals[u];
            count[u] = CellsPerCode(box, u, inside: false);
        }

        return (count, interest);
    }

    public void AddQuasiP(List<PrimBox> trajectory, int peeled)
    {
        for (var b = 0; b < trajectory.Count; b++)
        {
            var box = trajectory[b];
            var values = new Dictionary<int, double>();
            for (var k = 0; k < _d; k++)
            {
                if (!box.Limits.Restricts(k, Initial))
                {
                    continue;
                }

                var without = box.Limits.Without(k, Initial);
                var interest = Scan(Masks(without), marginals: false).Total;
                values[k] = PrimQuasiP.Value(box.Cases, box.CasesOfInterest, (double)interest / Cells(without));
            }

            trajectory[b] = box with { QuasiP = values };
        }
    }

    /// <summary>Per code of axis <paramref name="k"/>: the box's cells taking it (inside the box on k), or the cells outside the box on k alone.</summary>
    private long[] CellsPerCode(BoxLimits box, int k, bool inside)
    {
        long others = 1;
        for (var j = 0; j < _d; j++)
        {
            if (j != k)
            {
                others *= box.High(j) - box.Low(j) + 1;
            }
        }

        var count = new long[Inputs[k].CodeCount];
        for (var c = 0; c < count.Length; c++)
        {
            count[c] = box.Contains(k, c) == inside ? others : 0;
        }

        return count;
    }

    private long Cells(BoxLimits box)
    {
        long cells = 1;
        for (var j = 0; j < _d; j++)
        {
            cells *= box.High(j) - box.Low(j) + 1;
        }

        return cells;
    }

    /// <summary>Per axis and grid index: inside the box.</summary>
    private bool[][] Masks(BoxLimits box) =>
        [.. Enumerable.Range(0, _d).Select(k => _codeOfIndex[k].Select(code => box.Contains(k, code)).ToArray())];

    /// <summary>
    /// The cases of interest in the sub-grid of <paramref name="masks"/>, and (when asked) per axis and
    /// code. Parallel over blocks of rows of the last axis; each worker sums its own counts.
    /// </summary>
    private (long Total, long[][] Marginals) Scan(bool[][] masks, bool marginals)
    {
        var last = _d - 1;
        var n = _grid.Values[last].Length;
        var runs = Runs(masks[last]);
        long prefixes = 1;
        for (var k = 0; k < last; k++)
        {
            prefixes *= _grid.Values[k].Length;
        }

        var gate = new object();
        long total = 0;
        var sums = NewMarginals();
        var words = _grid.Words;
        const long block = 4096;
        Parallel.For(0, (prefixes + block - 1) / block, () => (Total: 0L, Marginals: marginals ? NewMarginals() : null), (b, _, local) =>
        {
            var index = new int[last];
            var start = b * block;
            var rest = start;
            for (var k = last - 1; k >= 0; k--)
            {
                index[k] = (int)(rest % _grid.Values[k].Length);
                rest /= _grid.Values[k].Length;
            }

            var end = Math.Min(prefixes, start + block);
            for (var prefix = start; prefix < end; prefix++)
            {
                var inside = true;
                for (var k = 0; k < last && inside; k++)
                {
                    inside = masks[k][index[k]];
                }

                if (inside)
                {
                    var row = prefix * n;
                    long count = 0;
                    foreach (var (from, to) in runs)
                    {
                        count += marginals
                            ? WalkBits(words, row + from, row + to, row, local.Marginals![last], _codeOfIndex[last])
                            : CountBits(words, row + from, row + to);
                    }

                    local.Total += count;
                    if (marginals)
                    {
                        for (var k = 0; k < last; k++)
                        {
                            local.Marginals![k][_codeOfIndex[k][index[k]]] += count;
                        }
                    }
                }

                for (var k = last - 1; k >= 0 && ++index[k] == _grid.Values[k].Length; k--)
                {
                    index[k] = 0;
                }
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                total += local.Total;
                if (local.Marginals is { } m)
                {
                    for (var k = 0; k < _d; k++)
                    {
                        for (var c = 0; c < m[k].Length; c++)
                        {
                            sums[k][c] += m[k][c];
                        }
                    }
                }
            }
        });
        return (total, sums);
    }

    private long[][] NewMarginals() => [.. Inputs.Select(i => new long[i.CodeCount])];

    /// <summary>The runs of consecutive true entries, as inclusive index ranges.</summary>
    private static List<(long From, long To)> Runs(bool[] mask)
    {
        var runs = new List<(long, long)>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] && (i == 0 || !mask[i - 1]))
            {
                var j = i;
                while (j + 1 < mask.Length && mask[j + 1])
                {
                    j++;
                }

                runs.Add((i, j));
            }
        }

        return runs;
    }

    /// <summary>Set bits from bit <paramref name="from"/> to bit <paramref name="to"/>, inclusive.</summary>
    private static long CountBits(ulong[] words, long from, long to)
    {
        long count = 0;
        for (var w = from >> 6; w <= to >> 6; w++)
        {
            count += BitOperations.PopCount(words[w] & Mask(w, from, to));
        }

        return count;
    }

    /// <summary>Counts the set bits from <paramref name="from"/> to <paramref name="to"/> into <paramref name="perCode"/> by the last axis's code of each.</summary>
    private static long WalkBits(ulong[] words, long from, long to, long row, long[] perCode, int[] codeOfIndex)
    {
        long count = 0;
        for (var w = from >> 6; w <= to >> 6; w++)
        {
            var bits = words[w] & Mask(w, from, to);
            while (bits != 0)
            {
                var bit = (w << 6) + BitOperations.TrailingZeroCount(bits);
                perCode[codeOfIndex[bit - row]]++;
                count++;
                bits &= bits - 1;
            }
        }

        return count;
    }

    /// <summary>The bits of word <paramref name="w"/> that lie in [from, to].</summary>
    private static ulong Mask(long w, long from, long to)
    {
        var mask = ulong.MaxValue;
        if (w == from >> 6)
        {
            mask &= ulong.MaxValue << (int)(from & 63);
        }

        if (w == to >> 6)
        {
            mask &= ulong.MaxValue >> (63 - (int)(to & 63));
        }

        return mask;
    }
}

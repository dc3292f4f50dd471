using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// Reduces one block of a grid's scenarios into <see cref="GridCells"/>: the one definition of the
/// cells' block sums, which the CPU backend runs on each block while it is in cache and GPU backends
/// run on the outcomes they copy back. Within a block every sum adds the block's finite values in
/// scenario order as doubles, so a block gives the same doubles whoever reduces it, and the cells add
/// them exactly. Axes that keep one value over the block (<see cref="MainEffects.Varies"/>) take the
/// block's totals; a pair with one such axis takes the other axis's per-value sums; only pairs of two
/// varying axes are summed scenario by scenario. One instance per thread: it holds the scratch it reuses.
/// </summary>
/// <remarks>
/// The block is first turned into rows: each scenario's kept outcomes side by side as doubles (a
/// non-finite value as +0.0, which leaves a sum unchanged, and a finite flag of 0 or 1 beside it), so
/// each pass over the block finds a scenario's cell once for all outcomes. Scenarios in one cell one
/// after another (as many as the inner axis's stride) are summed in registers and added to the cell
/// once: adding each into memory would wait on the previous store.
/// </remarks>
public sealed class GridCellReducer
{
    private readonly GridCells _layout;
    private readonly int _outcomes;

    /// <summary>Doubles per row: the outcomes rounded up to whole <see cref="Vector256{T}"/> of doubles.</summary>
    private readonly int _width;
    private readonly int[][] _positions;
    private readonly double[][] _axisSums;
    private readonly double[][] _axisCounts;
    private readonly double[][] _pairSums;
    private readonly double[][] _pairCounts;
    private readonly int[] _start;
    private readonly bool[] _varies;
    private readonly double[] _rows;
    private readonly double[] _finite;
    private readonly double[] _totals;
    private readonly double[] _totalCounts;
    private readonly double[] _squares;
    private readonly double[] _totalsLow;
    private readonly double[] _squaresLow;

    /// <summary>True when every kept value of the block is finite: one count per cell then serves every outcome.</summary>
    private bool _allFinite;

    /// <summary>A reducer for cells laid out as <paramref name="layout"/>'s.</summary>
    public GridCellReducer(GridCells layout)
    {
        _layout = layout;
        _outcomes = layout.Outcomes;
        _width = (_outcomes + 3) / 4 * 4;
        var axes = layout.Counts.Count;
        _positions = new int[axes][];
        _axisSums = [.. layout.Counts.Select(n => new double[n * _width])];
        _axisCounts = [.. layout.Counts.Select(n => new double[n * _width])];
        _pairSums = [.. layout.Pairs.Select(p => new double[layout.Counts[p.A] * layout.Counts[p.B] * _width])];
        _pairCounts = [.. layout.Pairs.Select(p => new double[layout.Counts[p.A] * layout.Counts[p.B] * _width])];
        _start = new int[axes];
        _varies = new bool[axes];
        _rows = new double[PartialLayout.BlockSize * _width];
        _finite = new double[PartialLayout.BlockSize * _width];
        _totals = new double[_outcomes];
        _totalCounts = new double[_outcomes];
        _squares = new double[_outcomes];
        _totalsLow = new double[_outcomes];
        _squaresLow = new double[_outcomes];
    }

    /// <summary>
    /// Empties <paramref name="target"/> and reduces a chunk's scenarios <c>[first, first + count)</c>
    /// (<paramref name="first"/> on a block boundary), <paramref name="columns"/>[o][i] holding scenario
    /// first + i, block by block on every core: what GPU backends do with the outcomes they copy back.
    /// Each thread takes a reducer and its own cells from <paramref name="pool"/> (kept from chunk to chunk
    /// by the caller; made when missing) and merges its cells into the target when it is done.
    /// </summary>
    public static void ReduceChunk(float[][] columns, long first, int count, GridCells target, ConcurrentBag<(GridCellReducer Reducer, GridCells Cells)> pool)
    {
        target.Clear();
        var blocks = (count + PartialLayout.BlockSize - 1) / PartialLayout.BlockSize;
        Parallel.For(0, blocks, () => Rent(pool, target), (b, _, worker) =>
        {
            var local = b * PartialLayout.BlockSize;
            worker.Reducer.Reduce(columns, local, first + local, Math.Min(PartialLayout.BlockSize, count - local), worker.Cells);
            return worker;
        },
        worker =>
        {
            lock (target)
            {
                target.Merge(worker.Cells);
            }

            pool.Add(worker);
        });
    }

    /// <summary>A pooled reducer and emptied cells laid out as <paramref name="target"/>'s, or new ones.</summary>
    private static (GridCellReducer Reducer, GridCells Cells) Rent(ConcurrentBag<(GridCellReducer Reducer, GridCells Cells)> pool, GridCells target)
    {
        while (pool.TryTake(out var worker))
        {
            if (worker.Cells.SameLayout(target))
            {
                worker.Cells.Clear();
                return worker;
            }
        }

        return (new GridCellReducer(target), target.EmptyLike());
    }

    /// <summary>
    /// Reduces block scenarios <c>[first, first + count)</c> (at most one block, inside it), held in
    /// <paramref name="columns"/>[o][<paramref name="local"/> + i], into <paramref name="target"/> (one
    /// thread's own cells: merge them into the chunk's when the thread is done).
    /// </summary>
    public void Reduce(float[][] columns, int local, long first, int count, GridCells target)
    {
        if (count <= 0)
        {
            return;
        }

        Place(first, count);
        ToRows(columns, local, count);
        // The total and the sum of squares as compensated sums (both parts), so the variance of a share
        // that varies little is not lost to the block's rounding (GridCells.Variance).
        for (var o = 0; o < _outcomes; o++)
        {
            target.AddSquares(o, _squares[o]);
            target.AddSquares(o, _squaresLow[o]);
            if (_totalCounts[o] != 0)
            {
                target.Add(o, 0, (long)_totalCounts[o], _totals[o], _totalsLow[o]);
            }
        }

        // Pairs of two varying axes scenario by scenario; a varying axis's sums then come from one of
        // them (a marginal of a few hundred cells instead of another pass over the block) if it can.
        for (var k = 0; k < _layout.Pairs.Count; k++)
        {
            var (a, b) = _layout.Pairs[k];
            if (_varies[a] && _varies[b])
            {
                SumBy(count, _positions[a], _positions[b], _layout.Counts[b], _pairSums[k], _pairCounts[k], _layout.Strides[b] == 1);
            }
        }

        for (var a = 0; a < _layout.Counts.Count; a++)
        {
            if (!_varies[a])
            {
                Emit(target, _layout.AxisCell(a, _start[a]), _totalCounts, _totals, 0);
                continue;
            }

            if (!Marginal(a))
            {
                SumBy(count, _positions[a], null, 0, _axisSums[a], _axisCounts[a], _layout.Strides[a] == 1);
            }

            for (var p = 0; p < _layout.Counts[a]; p++)
            {
                Emit(target, _layout.AxisCell(a, p), _axisCounts[a], _axisSums[a], p);
            }
        }

        for (var k = 0; k < _layout.Pairs.Count; k++)
        {
            var (a, b) = _layout.Pairs[k];
            if (!_varies[a] && !_varies[b])
            {
                Emit(target, _layout.PairCell(k, _start[a], _start[b]), _totalCounts, _totals, 0);
            }
            else if (!_varies[a])
            {
                for (var q = 0; q < _layout.Counts[b]; q++)
                {
                    Emit(target, _layout.PairCell(k, _start[a], q), _axisCounts[b], _axisSums[b], q);
                }
            }
            else if (!_varies[b])
            {
                for (var p = 0; p < _layout.Counts[a]; p++)
                {
                    Emit(target, _layout.PairCell(k, p, _start[b]), _axisCounts[a], _axisSums[a], p);
                }
            }
            else
            {
                var cells = _layout.Counts[a] * _layout.Counts[b];
                for (var c = 0; c < cells; c++)
                {
                    Emit(target, _layout.PairCell(k, 0, 0) + c, _pairCounts[k], _pairSums[k], c);
                }
            }
        }
    }

    /// <summary>
    /// Axis <paramref name="axis"/>'s per-value sums and counts as the marginal of the smallest kept pair
    /// (the first of equal ones) whose two axes vary over the block and which contains it; false when there is none.
    /// </summary>
    private bool Marginal(int axis)
    {
        var best = -1;
        for (var k = 0; k < _layout.Pairs.Count; k++)
        {
            var (a, b) = _layout.Pairs[k];
            if (_varies[a] && _varies[b] && (a == axis || b == axis) && (best < 0 || _pairSums[k].Length < _pairSums[best].Length))
            {
                best = k;
            }
        }

        if (best < 0)
        {
            return false;
        }

        var (first, second) = _layout.Pairs[best];
        var (na, nb) = (_layout.Counts[first], _layout.Counts[second]);
        var lanes = _width / Vector256<double>.Count;
        var sums = MemoryMarshal.Cast<double, Vector256<double>>(_axisSums[axis].AsSpan());
        var counts = MemoryMarshal.Cast<double, Vector256<double>>(_axisCounts[axis].AsSpan());
        var pairSums = MemoryMarshal.Cast<double, Vector256<double>>(_pairSums[best].AsSpan());
        var pairCounts = MemoryMarshal.Cast<double, Vector256<double>>(_pairCounts[best].AsSpan());
        sums.Clear();
        counts.Clear();
        for (var p = 0; p < na; p++)
        {
            for (var q = 0; q < nb; q++)
            {
                var into = (axis == first ? p : q) * lanes;
                var from = ((p * nb) + q) * lanes;
                for (var v = 0; v < lanes; v++)
                {
                    sums[into + v] += pairSums[from + v];
                    counts[into + v] += pairCounts[from + v];
                }
            }
        }

        return true;
    }

    /// <summary>Each axis's position at the block's start, whether it varies, and if so its position at every scenario.</summary>
    private void Place(long first, int count)
    {
        for (var a = 0; a < _layout.Counts.Count; a++)
        {
            var (stride, n) = (_layout.Strides[a], _layout.Counts[a]);
            _start[a] = ScenarioDesign.Position(_layout.Shape, a, first);
            _varies[a] = MainEffects.Varies(stride, first, count);
            if (_varies[a])
            {
                // An odometer instead of a division per scenario: the position steps every stride scenarios.
                // (AxisCursor, the reductions' odometer, steps every axis each scenario: the reducer alone ran
                // 15-20 % slower on it, so varying axes are walked here one by one.)
                var positions = _positions[a] ??= new int[PartialLayout.BlockSize];
                var position = _start[a];
                var left = stride - (first % stride);
                for (var i = 0; i < count; i++)
                {
                    positions[i] = position;
                    if (--left == 0)
                    {
                        position = position + 1 == n ? 0 : position + 1;
                        left = stride;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The block's kept outcomes as rows of doubles, each outcome's totals in scenario order, and, only
    /// when some value is not finite, the rows' finite flags.
    /// </summary>
    private void ToRows(float[][] columns, int local, int count)
    {
        for (var o = 0; o < _outcomes; o++)
        {
            var values = columns[_layout.Columns[o]].AsSpan(local, count);
            var never = _layout.Never[o] ? -1f : float.NaN;
            double sum = 0, sumError = 0, squares = 0, squaresError = 0, finite = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                var kept = v - v == 0f && v != never;
                var x = kept ? v : 0.0;
                _rows[(i * _width) + o] = x;
                Neumaier(ref sum, ref sumError, x);
                Neumaier(ref squares, ref squaresError, x * x);
                finite += kept ? 1 : 0;
            }

            (_totals[o], _totalsLow[o], _squares[o], _squaresLow[o], _totalCounts[o]) = (sum, sumError, squares, squaresError, finite);
        }

        _allFinite = _totalCounts.AsSpan().IndexOfAnyExcept((double)count) < 0;
        for (var o = 0; o < _outcomes && !_allFinite; o++)
        {
            var values = columns[_layout.Columns[o]].AsSpan(local, count);
            var never = _layout.Never[o] ? -1f : float.NaN;
            for (var i = 0; i < values.Length; i++)
            {
                _finite[(i * _width) + o] = values[i] - values[i] == 0f && values[i] != never ? 1 : 0;
            }
        }
    }

    /// <summary>Adds <paramref name="x"/> to <paramref name="sum"/>, collecting the addition's exact rounding error in <paramref name="error"/> (Neumaier).</summary>
    private static void Neumaier(ref double sum, ref double error, double x)
    {
        var t = sum + x;
        error += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    /// <summary>
    /// Sums and counts the rows by cell, all outcomes at once in vector lanes: cell p, or
    /// p · <paramref name="width"/> + q with a second axis; <paramref name="sums"/>[cell · row width + o].
    /// </summary>
    private void SumBy(int count, int[] first, int[]? second, int width, double[] sums, double[] counts, bool everyScenario)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        var lanes = _width / Vector256<double>.Count;
        var rows = MemoryMarshal.Cast<double, Vector256<double>>(_rows.AsSpan(0, count * _width));
        var finite = MemoryMarshal.Cast<double, Vector256<double>>(_finite.AsSpan(0, count * _width));
        var cellSums = MemoryMarshal.Cast<double, Vector256<double>>(sums.AsSpan());
        var cellCounts = MemoryMarshal.Cast<double, Vector256<double>>(counts.AsSpan());
        if (everyScenario)
        {
            // The inner axis moves every scenario: no runs to keep, each row goes to its cell.
            for (var i = 0; i < count; i++)
            {
                var at = (second is null ? first[i] : (first[i] * width) + second[i]) * lanes;
                for (var v = 0; v < lanes; v++)
                {
                    cellSums[at + v] += rows[(i * lanes) + v];
                    cellCounts[at + v] += _allFinite ? (v == 0 ? Vector256.CreateScalar(1.0) : Vector256<double>.Zero) : finite[(i * lanes) + v];
                }
            }

            return;
        }

        Span<Vector256<double>> run = stackalloc Vector256<double>[2 * lanes];
        run.Clear();
        var current = -1;
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var cell = second is null ? first[i] : (first[i] * width) + second[i];
            if (cell != current)
            {
                if (current >= 0)
                {
                    Flush(cellSums, cellCounts, current * lanes, run, lanes, length);
                }

                (current, length) = (cell, 0);
            }

            length++;
            for (var v = 0; v < lanes; v++)
            {
                run[v] += rows[(i * lanes) + v];
            }

            if (!_allFinite)
            {
                for (var v = 0; v < lanes; v++)
                {
                    run[lanes + v] += finite[(i * lanes) + v];
                }
            }
        }

        if (current >= 0)
        {
            Flush(cellSums, cellCounts, current * lanes, run, lanes, length);
        }
    }

    /// <summary>
    /// Adds a run's sums and counts to its cell and empties the run. When every value of the block is
    /// finite the count is the run's <paramref name="length"/>, kept in the cell's first lane only.
    /// </summary>
    private void Flush(Span<Vector256<double>> sums, Span<Vector256<double>> counts, int at, Span<Vector256<double>> run, int lanes, int length)
    {
        for (var v = 0; v < lanes; v++)
        {
            sums[at + v] += run[v];
        }

        if (_allFinite)
        {
            counts[at] += Vector256.CreateScalar((double)length);
        }
        else
        {
            for (var v = 0; v < lanes; v++)
            {
                counts[at + v] += run[lanes + v];
            }
        }

        for (var v = 0; v < run.Length; v++)
        {
            run[v] = Vector256<double>.Zero;
        }
    }

    /// <summary>
    /// Adds entry <paramref name="entry"/> of per-outcome sums and counts to a cell of every outcome; empty
    /// ones add nothing. A block whose values are all finite keeps one count per entry (the first lane).
    /// </summary>
    private void Emit(GridCells target, int cell, double[] counts, double[] sums, int entry)
    {
        for (var o = 0; o < _outcomes; o++)
        {
            var n = counts[(entry * _width) + (_allFinite ? 0 : o)];
            if (n != 0)
            {
                target.Add(o, cell, (long)n, sums[(entry * _width) + o]);
            }
        }
    }
}

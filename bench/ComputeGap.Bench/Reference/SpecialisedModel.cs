using System.Numerics;
using ComputeGap.Core.Model;
using ComputeGap.Engine.Running;

namespace ComputeGap.Bench.Reference;

/// <summary>
/// The machine's practical limit for model v1 on the default sweep's axes: the month loop of
/// <c>SpecialisedModel.Month.cs</c> in <see cref="Vector{T}"/> lanes over all cores. Scenario
/// indices are decoded once per block and then stepped like an odometer, each axis's values are
/// pre-converted to what the loop reads (growth rates as monthly factors), and outcomes go
/// straight from registers to the chunk's columns.
/// </summary>
/// <remarks>
/// A benchmark baseline only, not a second model: it lives in bench/, accepts only plans with the
/// baseline's regions and role flags and axes over the default sweep's five parameters, and the
/// harness checks it against the production <c>cpu</c> backend before timing anything.
/// </remarks>
internal sealed partial class SpecialisedModel
{
    /// <summary>Scenarios one parallel work item computes (as in the production CPU backend).</summary>
    private const int BlockSize = 512;

    private const int SweptCount = (int)SweptParam.Leakage + 1;

    private readonly SweepPlan _plan;
    private readonly FixedParams _fixed;
    private readonly SweptParam[] _axisParams;
    private readonly float[][] _axisLaneValues;
    private readonly float[] _defaults;
    private readonly int _threads;

    public SpecialisedModel(SweepPlan plan, int maxThreads = 0)
    {
        Regions.Require(plan);
        _plan = plan;
        _fixed = new FixedParams(plan.FixedSlots);
        _threads = maxThreads > 0 ? maxThreads : Environment.ProcessorCount;
        _defaults = [_fixed.ExportQuota, _fixed.StockMonths, _fixed.SupplyFactor, _fixed.FactorEu, _fixed.Leakage];

        var axes = plan.AxisSlots.Length;
        _axisParams = new SweptParam[axes];
        _axisLaneValues = new float[axes][];
        for (var a = 0; a < axes; a++)
        {
            var param = Regions.Swept(plan.AxisSlots[a]);
            _axisParams[a] = param;
            _axisLaneValues[a] = plan.AxisValues
                .AsSpan(plan.AxisOffsets[a], plan.AxisCounts[a])
                .ToArray()
                .Select(v => FixedParams.Derived(param, v))
                .ToArray();
        }
    }

    public SweepPlan Plan => _plan;

    /// <summary>Computes scenarios <c>[first, first + count)</c> into <paramref name="buffers"/>, as a backend does.</summary>
    public void Compute(long first, int count, ChunkBuffers buffers)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffers.Capacity);
        var blocks = (count + BlockSize - 1) / BlockSize;
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            block => ComputeBlock(first, block * BlockSize, Math.Min(count, (block + 1) * BlockSize), buffers.Outcomes));
    }

    private void ComputeBlock(long first, int start, int end, float[][] columns)
    {
        var width = Vector<float>.Count;
        var axes = _axisParams.Length;
        Span<int> position = stackalloc int[axes];
        for (var a = 0; a < axes; a++)
        {
            position[a] = GridPosition.Of(first + start, _plan.AxisStrides[a], _plan.AxisCounts[a]);
        }

        Span<float> lanes = stackalloc float[SweptCount * width];
        for (var p = 0; p < SweptCount; p++)
        {
            lanes.Slice(p * width, width).Fill(_defaults[p]);
        }

        Span<Vector<float>> outcomes = stackalloc Vector<float>[columns.Length];
        for (var i = start; i < end; i += width)
        {
            var valid = Math.Min(width, end - i);
            for (var j = 0; j < width; j++)
            {
                for (var a = 0; a < axes; a++)
                {
                    // Lanes past the block's end take the next grid points' values (still valid inputs); their results are discarded.
                    lanes[((int)_axisParams[a] * width) + j] = _axisLaneValues[a][position[a]];
                }

                if (j < valid)
                {
                    Advance(position);
                }
            }

            var swept = new SweptLanes(
                new Vector<float>(lanes.Slice((int)SweptParam.ReeExportQuota * width, width)),
                new Vector<float>(lanes.Slice((int)SweptParam.ReeStockMonths * width, width)),
                new Vector<float>(lanes.Slice((int)SweptParam.SupplyGrowth * width, width)),
                new Vector<float>(lanes.Slice((int)SweptParam.DcGrowthEu * width, width)),
                new Vector<float>(lanes.Slice((int)SweptParam.Leakage * width, width)));
            Run(in _fixed, in swept, _plan.Shape.Months, outcomes);

            for (var c = 0; c < columns.Length; c++)
            {
                if (valid == width)
                {
                    outcomes[c].CopyTo(columns[c].AsSpan(i));
                }
                else
                {
                    for (var j = 0; j < valid; j++)
                    {
                        columns[c][i + j] = outcomes[c][j];
                    }
                }
            }
        }
    }

    /// <summary>Steps the axis positions to the next scenario: the last axis fastest, wrapping at the grid's end.</summary>
    private void Advance(Span<int> position)
    {
        for (var a = position.Length - 1; a >= 0; a--)
        {
            if (++position[a] < _plan.AxisCounts[a])
            {
                return;
            }

            position[a] = 0;
        }
    }
}

using System.Runtime.Intrinsics;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Backends;

/// <summary>
/// The CPU's driver of the sensitivity statistics (<see cref="SensitivityUnits"/>): a chunk's units in
/// fours, each four through the vector form (<see cref="SensitivityUnits.FillLanes"/>, with a worker's
/// scratch), the last one to three through the scalar form (<see cref="SensitivityUnits.FillRecord"/>), the GPU's. A record depends
/// only on its unit's rows, so the split over cores does not change a bit.
/// </summary>
internal static class CpuSensitivity
{
    /// <summary>Fills the records of the chunk [<paramref name="first"/>, + <paramref name="count"/>) (whole units) from its <paramref name="columns"/>.</summary>
    public static void Reduce(float[][] columns, long first, int count, SensitivityUnits units, double[] records, int threads)
    {
        var unitCount = count / units.UnitEvaluations;
        if (count % units.UnitEvaluations != 0 || records.LongLength < units.RecordLength(unitCount))
        {
            throw new ArgumentException($"sensitivity records take whole units of {units.UnitEvaluations} evaluations and room for their records; got {count} evaluations, {records.LongLength} record values");
        }

        var lanes = Vector256<double>.Count;
        var fours = (unitCount + lanes - 1) / lanes;
        // Work items run column by column within a four of units, so a worker mostly keeps the four's Morris moves.
        Parallel.For(0, (long)fours * units.Outcomes, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new LaneWork(units), (work, _, scratch) =>
        {
            var column = (int)(work % units.Outcomes);
            var unit = (int)(work / units.Outcomes) * lanes;
            var local = unit * units.UnitEvaluations;
            var record = ((long)unit * units.Outcomes + column) * units.Slots;
            if (unit + lanes <= unitCount)
            {
                if (scratch.Unit != unit)
                {
                    units.LaneMoves(local, first + local, scratch.Rows, scratch.SignedDeltas);
                    scratch.Unit = unit;
                }

                units.FillLanes(columns[column], local, records, record, scratch.Sums, scratch.Rows, scratch.SignedDeltas);
                return scratch;
            }

            for (var u = unit; u < unitCount; u++)
            {
                units.FillRecord(columns, column, u, first, records);
            }

            return scratch;
        },
        _ => { });
    }

    /// <summary>A worker's scratch: the vector form's sums, and the Morris moves of the four units it last took.</summary>
    private sealed class LaneWork(SensitivityUnits units)
    {
        public Vector256<double>[] Sums { get; } = new Vector256<double>[units.LaneScratch];

        public int[] Rows { get; } = new int[units.LaneMoveCount];

        public double[] SignedDeltas { get; } = new double[units.LaneMoveCount];

        /// <summary>The first unit whose moves <see cref="Rows"/> hold (−1: none).</summary>
        public int Unit { get; set; } = -1;
    }
}

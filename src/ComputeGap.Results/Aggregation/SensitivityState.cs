using ComputeGap.Core.Designs;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.Engine.Aggregation;

/// <summary>
/// The Sobol or Morris sums of a sampled design in aggregate mode, exact and mergeable: a backend
/// reduces each <see cref="Unit"/> of consecutive evaluations (whole base samples or trajectories,
/// fixed by the design alone) to one record per outcome in float64, in a fixed order
/// (<see cref="Core.Reduction.SaltelliSums"/>, <see cref="Core.Reduction.ElementaryEffects"/>, run by
/// <see cref="Core.Reduction.SensitivityUnits"/>: the records <see cref="SobolSums.AddBatch"/> and
/// <see cref="MorrisSums.Add(ReadOnlySpan{double})"/> read), and records are added
/// exactly (<see cref="ExactSum"/>) into their lever combination, outcome and batch. The result is
/// therefore the same bits whatever the chunk size, thread count, shard split or order of arrival,
/// and reads back into the same estimators the row reports use.
/// </summary>
public sealed class SensitivityState
{
    private readonly ExactSum[] _sums;

    /// <param name="design">The design as its metadata describes it (saltelli or morris).</param>
    /// <param name="combinations">Lever combinations.</param>
    /// <param name="outcomes">Outcome columns.</param>
    public SensitivityState(DesignInfo design, long combinations, IReadOnlyList<string> outcomes)
    {
        if (design.Kind is not ("saltelli" or "morris"))
        {
            throw new ArgumentException($"design {design.Kind} has no sensitivity sums", nameof(design));
        }

        Design = design;
        Combinations = checked((int)combinations);
        Outcomes = outcomes;
        var d = design.Uncertain.Count;
        IsSobol = design.Kind == "saltelli";
        Batches = IsSobol ? SobolSums.BatchesFor(design.Samples) : 1;
        RecordLength = IsSobol ? SobolSums.RecordLength(d, design.SecondOrder) : MorrisSums.RecordLength(d);
        UnitSamples = UnitSamplesFor(IsSobol, design.Samples);
        Unit = checked((int)(UnitSamples * design.Group));
        _sums = [.. Enumerable.Range(0, checked(Combinations * outcomes.Count * Batches * RecordLength)).Select(_ => new ExactSum())];
    }

    /// <summary>The design.</summary>
    public DesignInfo Design { get; private set; }

    /// <summary>True for Sobol sums (Saltelli designs), false for Morris sums.</summary>
    public bool IsSobol { get; }

    /// <summary>Lever combinations.</summary>
    public int Combinations { get; }

    /// <summary>Outcome columns.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>Batches of base samples (Sobol's confidence intervals; 1 for Morris).</summary>
    public int Batches { get; }

    /// <summary>Doubles per record.</summary>
    public int RecordLength { get; }

    /// <summary>Base samples (or trajectories) per unit.</summary>
    public long UnitSamples { get; }

    /// <summary>Evaluations per unit: chunks and shards hold whole units.</summary>
    public int Unit { get; }

    /// <summary>
    /// Adds the records of evaluations <paramref name="first"/> … + <paramref name="count"/> − 1 (whole units),
    /// unit u's record of outcome o at <c>(u · outcomes + o) · </c><see cref="RecordLength"/> of
    /// <paramref name="records"/>, as a backend fills them (<see cref="Core.Reduction.SensitivityUnits"/>).
    /// </summary>
    public void Add(double[] records, long first, int count)
    {
        var units = Check(records, first, count);

        // One outcome per worker: each exact sum has one writer.
        Parallel.For(0, Outcomes.Count, o =>
        {
            for (var u = 0; u < units; u++)
            {
                var start = first + ((long)u * Unit);
                var combination = (int)(start / Design.Evaluations);
                var sample = start % Design.Evaluations / Design.Group;
                var at = Index(combination, o, (int)(sample * Batches / Design.Samples), 0);
                var from = ((long)u * Outcomes.Count + o) * RecordLength;
                for (var i = 0; i < RecordLength; i++)
                {
                    _sums[at + i].Add(records[from + i]);
                }
            }
        });
    }

    /// <summary>
    /// Checks the records <see cref="Add"/> would take (whole units, room for them, every one filled) and returns
    /// their number of units; the aggregate state checks before it adds anything of a chunk.
    /// </summary>
    /// <exception cref="ArgumentException">A record is missing, misplaced or unfilled.</exception>
    public int Check(double[] records, long first, int count)
    {
        if (first % Unit != 0 || count % Unit != 0)
        {
            throw new ArgumentException($"sensitivity sums take whole units of {Unit} evaluations; got [{first}, {first + count})");
        }

        var units = count / Unit;
        if (records.LongLength < (long)units * Outcomes.Count * RecordLength)
        {
            throw new ArgumentException($"{units} units of {Outcomes.Count} outcomes need {(long)units * Outcomes.Count * RecordLength} record values; got {records.LongLength}", nameof(records));
        }

        // Every record counts its unit's base samples (Sobol: slot 0) or each parameter's effects (Morris: slot 4k):
        // a record a backend left unfilled, or put in the wrong place, is refused before anything is added.
        var counts = IsSobol ? 1 : Design.Uncertain.Count;
        for (long r = 0; r < (long)units * Outcomes.Count; r++)
        {
            for (var k = 0; k < counts; k++)
            {
                if (records[(r * RecordLength) + (4 * k)] != UnitSamples)
                {
                    throw new ArgumentException($"the sensitivity record of unit {r / Outcomes.Count} of the chunk at {first}, outcome {Outcomes[(int)(r % Outcomes.Count)]}, counts {records[(r * RecordLength) + (4 * k)]} samples, not {UnitSamples}: the backend did not fill it", nameof(records));
                }
            }
        }

        return units;
    }

    /// <summary>How a backend reduces chunks of <paramref name="design"/>'s <paramref name="outcomes"/> outcome columns to the records <see cref="Add"/> takes.</summary>
    public static Core.Reduction.SensitivityUnits UnitsFor(Core.Designs.SampledDesign design, int outcomes) => new()
    {
        Design = design.Header,
        UnitSamples = checked((int)UnitSamplesFor(design.Kind == Core.Designs.DesignKind.Saltelli, design.Header.Samples)),
        Outcomes = outcomes,
    };

    /// <summary>Adds another state of the same design.</summary>
    public void Merge(SensitivityState other)
    {
        // Parts written before the metadata recorded the distributions describe the same design without them.
        if (other._sums.Length != _sums.Length
            || other.Design != Design && (other.Design with { Distributions = null }).ToJson() != (Design with { Distributions = null }).ToJson())
        {
            throw new ArgumentException("the sensitivity sums belong to different designs", nameof(other));
        }

        if (Design.Distributions is null && other.Design.Distributions is not null)
        {
            Design = other.Design;
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            _sums[i].Add(other._sums[i]);
        }
    }

    /// <summary>True when every exact sum equals <paramref name="other"/>'s.</summary>
    public bool ExactlyEquals(SensitivityState other) =>
        _sums.Length == other._sums.Length && _sums.Zip(other._sums).All(p => p.First.ExactlyEquals(p.Second));

    /// <summary>The exact sum of entry <paramref name="entry"/> of a record.</summary>
    public ExactSum Sum(int combination, int outcome, int batch, int entry) => _sums[Index(combination, outcome, batch, entry)];

    /// <summary>Replaces one exact sum (reading a file).</summary>
    internal void Set(int combination, int outcome, int batch, int entry, ExactSum sum) => _sums[Index(combination, outcome, batch, entry)] = sum;

    /// <summary>The indices, through the same estimators as row reports.</summary>
    /// <param name="leverValues">Each combination's lever values.</param>
    public SensitivityResult ToResult(IReadOnlyList<IReadOnlyDictionary<string, double>> leverValues)
    {
        var d = Design.Uncertain.Count;
        var record = new double[RecordLength];
        var results = new List<LeverSensitivity>();
        for (var c = 0; c < Combinations; c++)
        {
            var sobol = new Dictionary<string, SobolIndices>(StringComparer.Ordinal);
            var morris = new Dictionary<string, IReadOnlyList<MorrisIndex>>(StringComparer.Ordinal);
            for (var o = 0; o < Outcomes.Count; o++)
            {
                if (IsSobol)
                {
                    var sums = new SobolSums(d, Design.SecondOrder, Design.Samples);
                    for (var b = 0; b < Batches; b++)
                    {
                        Round(c, o, b, record);
                        sums.AddBatch(b, record);
                    }

                    if (sums.Count > 0)
                    {
                        sobol[Outcomes[o]] = sums.Indices();
                    }
                }
                else
                {
                    var sums = new MorrisSums(d);
                    Round(c, o, 0, record);
                    sums.Add(record);
                    morris[Outcomes[o]] = sums.Indices();
                }
            }

            results.Add(new LeverSensitivity(leverValues[c], sobol, morris));
        }

        return new SensitivityResult(IsSobol ? "sobol" : "morris", Design.Uncertain, results);
    }

    private void Round(int combination, int outcome, int batch, double[] record)
    {
        for (var i = 0; i < record.Length; i++)
        {
            record[i] = _sums[Index(combination, outcome, batch, i)].Round();
        }
    }

    private int Index(int combination, int outcome, int batch, int entry) =>
        (((((combination * Outcomes.Count) + outcome) * Batches) + batch) * RecordLength) + entry;

    /// <summary>Evaluations per unit of a Saltelli (<paramref name="sobol"/>) or Morris design of <paramref name="samples"/> base samples or trajectories in groups of <paramref name="group"/>.</summary>
    public static long UnitFor(bool sobol, long samples, int group) => UnitSamplesFor(sobol, samples) * group;

    /// <summary>Units are 64 base samples, or fewer so that they divide the batches (Sobol) or the trajectories (Morris).</summary>
    public static long UnitSamplesFor(bool sobol, long samples) =>
        sobol ? Math.Clamp(samples / SobolSums.BatchesFor(samples), 1, 64) : LargestDivisorUpTo(samples, 64);

    private static long LargestDivisorUpTo(long value, long limit)
    {
        for (var b = Math.Min(limit, value); b > 1; b--)
        {
            if (value % b == 0)
            {
                return b;
            }
        }

        return 1;
    }
}

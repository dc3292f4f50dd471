namespace ComputeGap.IO.Discovery;

/// <summary>What scenario discovery reads: coded inputs and, per row, whether it is a case of interest.</summary>
public sealed class PrimData
{
    /// <summary>Most inputs (PRIM records which input removed each row in one byte).</summary>
    public const int MaxInputs = 255;

    /// <summary>Pairs inputs with flags of equal length.</summary>
    /// <exception cref="ArgumentException">No input, too many, lengths differ, or two inputs share a name.</exception>
    public PrimData(IReadOnlyList<CodedInput> inputs, bool[] ofInterest)
    {
        if (inputs.Count is 0 or > MaxInputs)
        {
            throw new ArgumentException($"scenario discovery needs 1 to {MaxInputs} inputs, not {inputs.Count}", nameof(inputs));
        }

        foreach (var input in inputs)
        {
            if (input.Codes.Length != ofInterest.Length)
            {
                throw new ArgumentException($"input {input.Name} has {input.Codes.Length} rows where the condition has {ofInterest.Length}", nameof(inputs));
            }
        }

        var twice = inputs.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"input {twice.Key} is named twice", nameof(inputs));
        }

        Inputs = inputs;
        OfInterest = ofInterest;
        CasesOfInterest = ofInterest.LongCount(f => f);
    }

    /// <summary>The inputs, in the order boxes list them.</summary>
    public IReadOnlyList<CodedInput> Inputs { get; }

    /// <summary>Per row: true for a case of interest.</summary>
    public bool[] OfInterest { get; }

    /// <summary>Rows.</summary>
    public int Cases => OfInterest.Length;

    /// <summary>Rows that are cases of interest.</summary>
    public long CasesOfInterest { get; }

    /// <summary>The same inputs and flags over <paramref name="rows"/> (which may repeat rows: a bootstrap resample).</summary>
    public PrimData Gather(long[] rows)
    {
        var flags = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            flags[i] = OfInterest[rows[i]];
        }

        return new PrimData([.. Inputs.Select(input => input.Gather(rows))], flags);
    }
}

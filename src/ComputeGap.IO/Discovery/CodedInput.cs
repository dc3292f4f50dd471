namespace ComputeGap.IO.Discovery;

/// <summary>How PRIM treats an input: ordered values peeled from either end, or categories dropped one at a time.</summary>
public enum InputKind
{
    /// <summary>Numbers (integer or real): a box keeps one interval of values.</summary>
    Ordered,

    /// <summary>Text labels: a box keeps a set of categories.</summary>
    Categorical,
}

/// <summary>
/// One input of scenario discovery as PRIM reads it: every row's value replaced by a 16-bit code, in
/// value order. With at most 65,536 distinct values (every grid axis, every <c>choice</c>, most tables)
/// the code is the value's rank and PRIM is exact; beyond that the codes are 65,536 bins of about equal
/// counts (taken from a seeded sample of up to 2^20 values), so a peel moves a limit by at least one bin
/// (1/65,536 of the values) and equal values always share a bin.
/// </summary>
/// <remarks>Two bytes per row and input: 10^8 rows of 10 inputs take 2 GB, against 4 GB as float32.</remarks>
public sealed class CodedInput
{
    /// <summary>Codes one numeric column.</summary>
    /// <param name="codes">Every row's code.</param>
    /// <param name="low">The smallest value of each code.</param>
    /// <param name="high">The largest value of each code (equal to <paramref name="low"/> when exact).</param>
    /// <param name="labels">Categories' labels in code order, or null for an ordered input.</param>
    /// <param name="name">The column.</param>
    /// <param name="exact">True when every code is one value.</param>
    /// <param name="fromFloat32">True when the column held float32 values.</param>
    internal CodedInput(string name, ushort[] codes, double[] low, double[] high, string[]? labels, bool exact, bool fromFloat32 = false)
    {
        FromFloat32 = fromFloat32;
        Name = name;
        Codes = codes;
        Low = low;
        High = high;
        Labels = labels;
        Exact = exact;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>Ordered or categorical.</summary>
    public InputKind Kind => Labels is null ? InputKind.Ordered : InputKind.Categorical;

    /// <summary>Every row's code.</summary>
    public ushort[] Codes { get; }

    /// <summary>Number of codes (distinct values, bins or categories).</summary>
    public int CodeCount => Low.Length;

    /// <summary>Smallest value of each code (for categories, the code itself).</summary>
    public double[] Low { get; }

    /// <summary>Largest value of each code.</summary>
    public double[] High { get; }

    /// <summary>The categories' labels, in code (ordinal) order; null for an ordered input.</summary>
    public string[]? Labels { get; }

    /// <summary>True when each code is one value; false when codes are bins of a column with more than 65,536 values.</summary>
    public bool Exact { get; }

    /// <summary>True when the column held float32 values: limits print as the shortest decimal that reads back as that float.</summary>
    public bool FromFloat32 { get; }

    /// <summary>A value of this input as text: the shortest round-trip decimal (of the float32 for a float32 column), or a category's label.</summary>
    public string Show(double value) => Labels is { } labels ? labels[(int)value]
        : FromFloat32 ? ((float)value).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The same input (its values and labels) with other rows' codes.</summary>
    public CodedInput WithCodes(ushort[] codes) => new(Name, codes, Low, High, Labels, Exact, FromFloat32);

    /// <summary>An ordered input whose codes are the ranks of <paramref name="distinct"/> (sorted, distinct values), without rows: a grid axis.</summary>
    internal static CodedInput OfValues(string name, double[] distinct, bool fromFloat32) => new(name, [], distinct, distinct, null, exact: true, fromFloat32);

    /// <summary>The same input over a resample of rows (<paramref name="rows"/> may repeat rows).</summary>
    public CodedInput Gather(long[] rows)
    {
        var codes = new ushort[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = Codes[rows[i]];
        }

        return new CodedInput(Name, codes, Low, High, Labels, Exact, FromFloat32);
    }
}

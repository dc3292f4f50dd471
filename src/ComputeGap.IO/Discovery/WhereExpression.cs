namespace ComputeGap.IO.Discovery;

/// <summary>A comparison operator of a <c>--where</c> condition.</summary>
public enum CompareOp
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>=</c> (also <c>==</c>)</summary>
    Equal,

    /// <summary><c>!=</c> (also <c>&lt;&gt;</c>)</summary>
    NotEqual,
}

/// <summary>One side of a comparison: a column or a number.</summary>
/// <param name="Column">The column's name, or null for a number.</param>
/// <param name="Number">The number, when <paramref name="Column"/> is null.</param>
public readonly record struct WhereOperand(string? Column, double Number)
{
    /// <summary>As written back: a number in invariant culture, a column bare or double-quoted when it needs quotes.</summary>
    public override string ToString() => Column is null
        ? Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : WhereParser.IsBareName(Column) ? Column : "\"" + Column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// A condition on the columns of a table, as <c>--where</c> writes it: comparisons of columns and numbers
/// joined by <c>and</c>, <c>or</c> and <c>not</c>, with parentheses. Evaluated column by column into one
/// flag per row, so a table of 10^8 rows never needs more than the columns of one comparison in memory.
/// </summary>
/// <remarks>
/// A comparison with a NaN on either side is false, whatever the operator (as a NULL in SQL's WHERE):
/// a missing value never counts as a case of interest, nor as its opposite under <c>!=</c>. Columns are
/// compared as doubles (float32 columns widened exactly), numbers as written in decimal parsed to double.
/// </remarks>
public abstract record WhereExpression
{
    /// <summary>Every column the condition reads, once each, in order of first mention.</summary>
    public IReadOnlyList<string> Columns
    {
        get
        {
            var names = new List<string>();
            Collect(names);
            return names;
        }
    }

    /// <summary>The flag of every row: true where the condition holds.</summary>
    /// <param name="rows">Rows in the table.</param>
    /// <param name="column">One numeric column's values (<c>double[]</c>, <c>float[]</c>, <c>int[]</c> or <c>long[]</c>; called once per comparison side).</param>
    public abstract bool[] Evaluate(int rows, Func<string, Array> column);

    /// <summary>Adds the columns read to <paramref name="names"/>, skipping those already there.</summary>
    internal abstract void Collect(List<string> names);
}

/// <summary><c>left op right</c>.</summary>
public sealed record WhereComparison(WhereOperand Left, CompareOp Op, WhereOperand Right) : WhereExpression
{
    /// <inheritdoc/>
    public override bool[] Evaluate(int rows, Func<string, Array> column)
    {
        var left = Left.Column is { } a ? column(a) : null;
        var right = Right.Column is { } b ? (b == Left.Column ? left : column(b)) : null;
        var flags = new bool[rows];
        System.Threading.Tasks.Parallel.For(0, (rows + Block - 1) / Block, () => (new double[Block], new double[Block]), (block, _, buffers) =>
        {
            var start = block * Block;
            var n = Math.Min(Block, rows - start);
            var l = buffers.Item1.AsSpan(0, n);
            var r = buffers.Item2.AsSpan(0, n);
            if (left is null) { l.Fill(Left.Number); } else { Parquet.ColumnBlocks.Copy(left, start, l); }
            if (right is null) { r.Fill(Right.Number); } else { Parquet.ColumnBlocks.Copy(right, start, r); }
            for (var i = 0; i < n; i++)
            {
                flags[start + i] = Holds(l[i], Op, r[i]);
            }

            return buffers;
        }, _ => { });
        return flags;
    }

    /// <summary>The comparison of two values; false when either is NaN.</summary>
    public static bool Holds(double left, CompareOp op, double right) =>
        !double.IsNaN(left) && !double.IsNaN(right) && op switch
        {
            CompareOp.Less => left < right,
            CompareOp.LessOrEqual => left <= right,
            CompareOp.Greater => left > right,
            CompareOp.GreaterOrEqual => left >= right,
            CompareOp.Equal => left == right,
            _ => left != right,
        };

    /// <inheritdoc/>
    public override string ToString() => $"{Left} {Symbol(Op)} {Right}";

    /// <inheritdoc/>
    internal override void Collect(List<string> names)
    {
        foreach (var side in (ReadOnlySpan<WhereOperand>)[Left, Right])
        {
            if (side.Column is { } name && !names.Contains(name))
            {
                names.Add(name);
            }
        }
    }

    private const int Block = Parquet.ColumnBlocks.Size;

    private static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        CompareOp.GreaterOrEqual => ">=",
        CompareOp.Equal => "=",
        _ => "!=",
    };
}

/// <summary><c>left and right</c> (<paramref name="IsAnd"/>) or <c>left or right</c>.</summary>
public sealed record WhereJunction(WhereExpression Left, bool IsAnd, WhereExpression Right) : WhereExpression
{
    /// <inheritdoc/>
    public override bool[] Evaluate(int rows, Func<string, Array> column)
    {
        var flags = Left.Evaluate(rows, column);
        var other = Right.Evaluate(rows, column);
        for (var i = 0; i < rows; i++)
        {
            flags[i] = IsAnd ? flags[i] & other[i] : flags[i] | other[i];
        }

        return flags;
    }

    /// <inheritdoc/>
    /// <remarks>Parentheses only where the reading needs them (an <c>or</c> inside an <c>and</c>), so the text reads as written and parses back to the same text.</remarks>
    public override string ToString() => $"{Wrap(Left)} {(IsAnd ? "and" : "or")} {Wrap(Right)}";

    private string Wrap(WhereExpression side) => IsAnd && side is WhereJunction { IsAnd: false } ? $"({side})" : side.ToString();

    /// <inheritdoc/>
    internal override void Collect(List<string> names)
    {
        Left.Collect(names);
        Right.Collect(names);
    }
}

/// <summary><c>not inner</c>.</summary>
public sealed record WhereNot(WhereExpression Inner) : WhereExpression
{
    /// <inheritdoc/>
    public override bool[] Evaluate(int rows, Func<string, Array> column)
    {
        var flags = Inner.Evaluate(rows, column);
        for (var i = 0; i < rows; i++)
        {
            flags[i] = !flags[i];
        }

        return flags;
    }

    /// <inheritdoc/>
    public override string ToString() => Inner is WhereJunction ? $"not ({Inner})" : $"not {Inner}";

    /// <inheritdoc/>
    internal override void Collect(List<string> names) => Inner.Collect(names);
}

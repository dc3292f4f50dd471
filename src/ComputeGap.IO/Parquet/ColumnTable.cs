namespace ComputeGap.IO.Parquet;

/// <summary>One column of a <see cref="ColumnTable"/>: a name, a type and a typed array of values.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Physical type.</param>
/// <param name="Values">A <c>long[]</c>, <c>int[]</c>, <c>float[]</c>, <c>double[]</c>, <c>string[]</c> or <c>DateOnly[]</c> as
/// <paramref name="Type"/> says, exactly one entry per row.</param>
/// <param name="Nullable">True when the column may hold nulls, as the in-memory nulls of <see cref="ColumnTypes"/>.</param>
public sealed record TableColumn(string Name, ColumnType Type, Array Values, bool Nullable = false)
{
    /// <summary>The column's name, type and nullability.</summary>
    public ColumnSpec Spec => new(Name, Type, Nullable);

    /// <summary>
    /// The values to compare (<c>--where</c>): a nullable integer column widened to doubles with its nulls as NaN,
    /// which no comparison matches (as NULL in SQL); any other column as it is.
    /// </summary>
    public Array ComparableValues => Nullable && Values is int[] ? ToComparableDoubles() : Values;

    /// <summary><see cref="ToDoubles"/> with the nulls of a nullable column as NaN, which no comparison matches.</summary>
    public double[] ToComparableDoubles()
    {
        var result = ToDoubles();
        if (Nullable && Values is int[] v)
        {
            for (var i = 0; i < v.Length; i++)
            {
                result[i] = v[i] == ColumnTypes.NullInt32 ? double.NaN : result[i];
            }
        }

        return result;
    }

    /// <summary>Number of values.</summary>
    public int Length => Values.Length;

    /// <summary>The values as the typed array (<typeparamref name="T"/> must match <see cref="Type"/>).</summary>
    /// <exception cref="InvalidCastException">The column does not hold <typeparamref name="T"/> values.</exception>
    public T[] As<T>() where T : struct => Values as T[]
        ?? throw new InvalidCastException($"Column '{Name}' holds {Type} values, not {typeof(T).Name}.");

    /// <summary>The values of a <see cref="ColumnType.String"/> column.</summary>
    /// <exception cref="InvalidCastException">The column does not hold text.</exception>
    public string[] AsStrings() => Values as string[]
        ?? throw new InvalidCastException($"Column '{Name}' holds {Type} values, not text.");

    /// <summary>
    /// Every value widened to double (a new array; Float64 columns are copied too); a null as its in-memory
    /// value (−1 in integer columns, which the month statistics count as "never"; NaN in float columns).
    /// </summary>
    /// <exception cref="InvalidOperationException">The column holds text or dates.</exception>
    public double[] ToDoubles()
    {
        var result = new double[Values.Length];
        switch (Values)
        {
            case long[] v: for (var i = 0; i < v.Length; i++) { result[i] = v[i]; } break;
            case int[] v: for (var i = 0; i < v.Length; i++) { result[i] = v[i]; } break;
            case float[] v: for (var i = 0; i < v.Length; i++) { result[i] = v[i]; } break;
            case double[] v: v.CopyTo(result, 0); break;
            default: throw new InvalidOperationException($"Column '{Name}' holds an unsupported {Values.GetType().Name}.");
        }

        return result;
    }
}

/// <summary>
/// An in-memory table of numeric (and text) columns of equal length, with the key-value metadata of the file(s)
/// it was read from.
/// </summary>
public sealed class ColumnTable : IColumnSource
{
    private readonly Dictionary<string, TableColumn> _byName;

    /// <summary>Builds a table; every column must hold <paramref name="rowCount"/> values of its type.</summary>
    /// <param name="columns">Columns in order; names unique.</param>
    /// <param name="rowCount">Rows in every column.</param>
    /// <param name="metadata">Key-value metadata (merged over all source files).</param>
    /// <param name="sourceFiles">Files the rows came from, in row order; empty for a table built in memory.</param>
    public ColumnTable(IReadOnlyList<TableColumn> columns, int rowCount, IReadOnlyDictionary<string, string> metadata,
        IReadOnlyList<string>? sourceFiles = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        _byName = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!ColumnTypes.Holds(column.Type, column.Values))
            {
                throw new ArgumentException($"Column '{column.Name}' is {column.Type} but holds a {column.Values.GetType().Name}.", nameof(columns));
            }

            if (column.Length != rowCount)
            {
                throw new ArgumentException($"Column '{column.Name}' holds {column.Length} values, not {rowCount}.", nameof(columns));
            }

            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Column '{column.Name}' appears twice.", nameof(columns));
            }
        }

        Columns = [.. columns];
        RowCount = rowCount;
        Metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        SourceFiles = sourceFiles is null ? [] : [.. sourceFiles];
    }

    /// <summary>Columns in file order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Rows in every column.</summary>
    public int RowCount { get; }

    /// <summary>Key-value metadata; for several files, the union with the first file's value kept on conflict.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Files the rows came from, in row order.</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>Column names in order.</summary>
    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public TableColumn this[string name] => _byName.TryGetValue(name, out var column)
        ? column
        : throw new KeyNotFoundException($"The table has no column '{name}'.");

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSpec> Specs => [.. Columns.Select(c => c.Spec)];

    /// <inheritdoc/>
    public TableColumn Column(string name) => this[name];

    /// <summary>True when a column named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Looks a column up by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableColumn? column) =>
        _byName.TryGetValue(name, out column);
}

namespace ComputeGap.IO.Parquet;

/// <summary>Physical type of one column; a column may also be nullable (<see cref="ColumnSpec.Nullable"/>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members name physical column types on purpose, as Parquet and Arrow schemas do.")]
public enum ColumnType
{
    /// <summary>64-bit signed integer, stored in a <see cref="long"/>[] (Parquet INT64).</summary>
    Int64,

    /// <summary>32-bit signed integer, stored in an <see cref="int"/>[] (Parquet INT32).</summary>
    Int32,

    /// <summary>32-bit float, stored in a <see cref="float"/>[] (Parquet FLOAT).</summary>
    Float32,

    /// <summary>64-bit float, stored in a <see cref="double"/>[] (Parquet DOUBLE).</summary>
    Float64,

    /// <summary>UTF-8 text (labels such as region or outcome names), stored in a <see cref="string"/>[].</summary>
    String,

    /// <summary>A calendar day, stored in a <see cref="DateOnly"/>[] (Parquet INT32 with logical type DATE).</summary>
    Date,
}

/// <summary>Name, type and nullability of one column of a table.</summary>
/// <param name="Name">Column name as written to the Parquet schema.</param>
/// <param name="Type">Physical type.</param>
/// <param name="Nullable">True for an OPTIONAL column; in memory its nulls are <see cref="ColumnTypes.NullInt32"/>,
/// <see cref="ColumnTypes.NullDate"/> or NaN (floats), so columns stay plain arrays of their element type.</param>
public readonly record struct ColumnSpec(string Name, ColumnType Type, bool Nullable = false);

/// <summary>Maps <see cref="ColumnType"/> to CLR element types and back, and names the in-memory null of each.</summary>
public static class ColumnTypes
{
    /// <summary>
    /// The in-memory value of a null in a nullable <see cref="ColumnType.Int32"/> column. The only nullable
    /// integers the tool writes are month indices (never negative), whose "never" was −1 before Parquet nulls
    /// and still is in memory: an <c>int[]</c> with a sentinel is 4 bytes a row, an <c>int?[]</c> 8, and 50 M-row
    /// summaries read the same arrays from old files (−1 written) and new ones (null written).
    /// </summary>
    public const int NullInt32 = -1;

    /// <summary>The in-memory value of a null in a nullable <see cref="ColumnType.Date"/> column: <c>default(DateOnly)</c>, 0001-01-01.</summary>
    public static readonly DateOnly NullDate;

    /// <summary>True for the types whose values widen to double (every type but text and dates).</summary>
    public static bool IsNumeric(ColumnType type) => type is not (ColumnType.String or ColumnType.Date);

    /// <summary>The CLR element type of an array holding a column of <paramref name="type"/>.</summary>
    public static Type ElementType(ColumnType type) => type switch
    {
        ColumnType.Int64 => typeof(long),
        ColumnType.Int32 => typeof(int),
        ColumnType.Float32 => typeof(float),
        ColumnType.Float64 => typeof(double),
        ColumnType.String => typeof(string),
        ColumnType.Date => typeof(DateOnly),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The column type whose elements are <paramref name="elementType"/>, or null when none is.</summary>
    public static ColumnType? FromElementType(Type elementType) =>
        elementType == typeof(long) ? ColumnType.Int64
        : elementType == typeof(int) ? ColumnType.Int32
        : elementType == typeof(float) ? ColumnType.Float32
        : elementType == typeof(double) ? ColumnType.Float64
        : elementType == typeof(string) ? ColumnType.String
        : elementType == typeof(DateOnly) ? ColumnType.Date
        : null;

    /// <summary>A new zeroed array of <paramref name="length"/> elements for a column of <paramref name="type"/>.</summary>
    public static Array CreateArray(ColumnType type, int length) => type switch
    {
        ColumnType.Int64 => new long[length],
        ColumnType.Int32 => new int[length],
        ColumnType.Float32 => new float[length],
        ColumnType.Float64 => new double[length],
        ColumnType.String => new string[length],
        ColumnType.Date => new DateOnly[length],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>True when <paramref name="values"/> is a one-dimensional array of the element type of <paramref name="type"/>.</summary>
    public static bool Holds(ColumnType type, Array values) =>
        values.Rank == 1 && values.GetType().GetElementType() == ElementType(type);
}

namespace ComputeGap.IO.Parquet;

/// <summary>Physical type of one column. All columns are required (no nulls).</summary>
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
}

/// <summary>Name and type of one column of a table.</summary>
/// <param name="Name">Column name as written to the Parquet schema.</param>
/// <param name="Type">Physical type.</param>
public readonly record struct ColumnSpec(string Name, ColumnType Type);

/// <summary>Maps <see cref="ColumnType"/> to CLR element types and back.</summary>
public static class ColumnTypes
{
    /// <summary>The CLR element type of an array holding a column of <paramref name="type"/>.</summary>
    public static Type ElementType(ColumnType type) => type switch
    {
        ColumnType.Int64 => typeof(long),
        ColumnType.Int32 => typeof(int),
        ColumnType.Float32 => typeof(float),
        ColumnType.Float64 => typeof(double),
        ColumnType.String => typeof(string),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The column type whose elements are <paramref name="elementType"/>, or null when none is.</summary>
    public static ColumnType? FromElementType(Type elementType) =>
        elementType == typeof(long) ? ColumnType.Int64
        : elementType == typeof(int) ? ColumnType.Int32
        : elementType == typeof(float) ? ColumnType.Float32
        : elementType == typeof(double) ? ColumnType.Float64
        : elementType == typeof(string) ? ColumnType.String
        : null;

    /// <summary>A new zeroed array of <paramref name="length"/> elements for a column of <paramref name="type"/>.</summary>
    public static Array CreateArray(ColumnType type, int length) => type switch
    {
        ColumnType.Int64 => new long[length],
        ColumnType.Int32 => new int[length],
        ColumnType.Float32 => new float[length],
        ColumnType.Float64 => new double[length],
        ColumnType.String => new string[length],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>True when <paramref name="values"/> is a one-dimensional array of the element type of <paramref name="type"/>.</summary>
    public static bool Holds(ColumnType type, Array values) =>
        values.Rank == 1 && values.GetType().GetElementType() == ElementType(type);
}

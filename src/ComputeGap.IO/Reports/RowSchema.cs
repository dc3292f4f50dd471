using System.Globalization;
using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Reports;

/// <summary>
/// The versions of the row files' columns, and how an older file reads as the current one. The one place
/// that knows the version number (<see cref="MetadataKeys.RowSchema"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Version 1 (no <c>row_schema</c> key): month outcomes as required INT32 with −1 for "never"; axis
/// columns as FLOAT (the float32 the model computed with); no date columns.</item>
/// <item>Version 2: month outcomes as OPTIONAL INT32, NULL for "never", each with an OPTIONAL DATE column
/// (<see cref="CalendarMonth.DateColumn"/>); axis columns as DOUBLE holding the value as written in the sweep
/// file; series files with a <c>date</c> column beside <c>month</c>.</item>
/// </list>
/// Both read into the same arrays: a month column is an <c>int[]</c> whose −1 is the null
/// (<see cref="ColumnTypes.NullInt32"/>), so summaries, discovery and plots give the same numbers for either.
/// </remarks>
public static class RowSchema
{
    /// <summary>The version this tool writes.</summary>
    public const int Current = 2;

    /// <summary>The version files without a <c>row_schema</c> key were written in.</summary>
    public const int Unversioned = 1;

    /// <summary>The <see cref="MetadataKeys.RowSchema"/> value this tool writes.</summary>
    public static string CurrentText { get; } = Current.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version of a file with <paramref name="metadata"/>.</summary>
    /// <exception cref="InvalidDataException">The key holds no whole number.</exception>
    public static int VersionOf(IReadOnlyDictionary<string, string> metadata) =>
        !metadata.TryGetValue(MetadataKeys.RowSchema, out var text) ? Unversioned
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InvalidDataException($"metadata '{MetadataKeys.RowSchema}' is '{text}', not a version number");

    /// <summary>
    /// The columns of a file as the current schema reads them: in a version 1 file, an INT32 month outcome
    /// (<see cref="OutcomeColumns.IsMonth"/>) is nullable, its −1 read as the null it now is.
    /// </summary>
    public static IReadOnlyList<ColumnSpec> AsCurrent(IReadOnlyList<ColumnSpec> columns, IReadOnlyDictionary<string, string> metadata) =>
        VersionOf(metadata) >= Current
            ? columns
            : [.. columns.Select(c => c.Type == ColumnType.Int32 && OutcomeColumns.IsMonth(c.Name) ? c with { Nullable = true } : c)];
}

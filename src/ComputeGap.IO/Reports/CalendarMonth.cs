using System.Globalization;

namespace ComputeGap.IO.Reports;

/// <summary>Month indices as calendar months: month t is the first day of the start month plus t months.</summary>
public static class CalendarMonth
{
    /// <summary>How <see cref="MetadataKeys.StartMonth"/> writes the start month, e.g. <c>2025-01</c>.</summary>
    public const string Format = "yyyy-MM";

    private const string DateSuffix = "_date";

    /// <summary>The first day of the month <paramref name="text"/> names (<see cref="Format"/>).</summary>
    /// <exception cref="FormatException">Not a <c>yyyy-MM</c> month.</exception>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    /// <summary>The first day of month <paramref name="month"/> counted from <paramref name="start"/> (month 0).</summary>
    public static DateOnly DateOf(DateOnly start, int month) => start.AddMonths(month);

    /// <summary>The dates of months 0 to <paramref name="months"/> − 1.</summary>
    public static DateOnly[] Dates(DateOnly start, int months) => [.. Enumerable.Range(0, months).Select(t => DateOf(start, t))];

    /// <summary>The date column beside a month outcome: <c>focus_target_month</c> → <c>focus_target_date</c>.</summary>
    /// <exception cref="ArgumentException">The name does not end in <c>_month</c>.</exception>
    public static string DateColumn(string monthColumn) =>
        OutcomeColumns.IsMonth(monthColumn)
            ? string.Concat(monthColumn.AsSpan(0, monthColumn.Length - OutcomeColumns.MonthSuffix.Length), DateSuffix)
            : throw new ArgumentException($"'{monthColumn}' is not a month outcome (…{OutcomeColumns.MonthSuffix})", nameof(monthColumn));
}

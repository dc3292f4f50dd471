namespace ComputeGap.IO.Reports;

/// <summary>Renders a <see cref="SummaryData"/> as a table, JSON or CSV report.</summary>
public static class SummaryReport
{
    /// <summary>The report as a string.</summary>
    public static string Render(SummaryData data, ReportFormat format)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(data, format, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    public static void Write(SummaryData data, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Table:
                TableReport.Write(data, writer);
                break;
            case ReportFormat.Json:
                JsonReport.Write(data, writer);
                break;
            case ReportFormat.Csv:
                CsvReport.Write(data, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>
    /// The report's sections after its header and headline (outcome statistics, thresholds, the <c>--where</c>
    /// condition, main effects, tornado, top and bottom scenarios, the grid's decomposition, policies,
    /// sensitivity), in the order and with the numbers of the table format, into <paramref name="sink"/>.
    /// </summary>
    public static void WriteSections(SummaryData data, IReportSink sink) => TableReport.WriteSections(data, sink);

    /// <summary>The outcome the report describes (main effects, tornado, threshold order, grid decomposition, sensitivity): the one chosen (<see cref="SummaryData.Outcome"/>), else the focus share, else the first outcome.</summary>
    public static string ReportOutcome(SummaryData data) =>
        data.Outcome ?? MainEffectOutcome(data) ?? (data.Outcomes.Count > 0 ? data.Outcomes[0].Name : string.Empty);

    /// <summary>The outcome <see cref="SummaryData.MainEffects"/> describe: the focus region's final share, or null without a focus.</summary>
    public static string? MainEffectOutcome(SummaryData data) =>
        data.Metadata.Focus is { } focus ? OutcomeColumns.Share(focus) : null;
}

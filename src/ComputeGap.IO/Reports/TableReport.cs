using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>The human-readable report: aligned columns, shares as percentages, a text tornado.</summary>
internal static class TableReport
{
    private const int TornadoWidth = 40;

    public static void Write(SummaryData data, TextWriter writer)
    {
        WriteHeader(data, writer);
        if (data.Headline is { } headline)
        {
            writer.WriteLine();
            writer.WriteLine(headline.Text);
        }

        writer.WriteLine();
        writer.WriteLine("Outcomes (shares in %, compute in H100e, prices in $, months as calendar months; month outcomes leave -1 = never out and count it as 'never')");
        var rows = new List<string[]>();
        rows.Add(["outcome", .. OutcomeStats.StatisticNames]);
        foreach (var o in data.Outcomes)
        {
            rows.Add([o.Name, ReportNumbers.Count(o.Count), ReportNumbers.Count(o.NonFiniteCount), ReportNumbers.Count(o.NeverCount),
                .. OutcomeStats.StatisticNames.Skip(3).Select(s => data.Metadata.Show(o.Name, o.Get(s)))]);
        }

        TextTable.Write(rows, writer, "  ");
        WriteThresholds(data, writer);
        ConditionReport.WriteTable(data, writer);
        WriteMainEffects(data, writer);
        GridReport.WriteTable(data, writer);
        PolicyReport.WriteTable(data, writer);
        SensitivityReport.WriteTable(data, SummaryReport.ReportOutcome(data), writer);
    }

    private static void WriteHeader(SummaryData data, TextWriter writer)
    {
        var m = data.Metadata;
        writer.WriteLine($"ComputeGap summary: sweep {m.Get(MetadataKeys.SweepName) ?? "?"}, model {m.Get(MetadataKeys.ModelVersion) ?? "?"}");
        writer.WriteLine($"backend {m.Get(MetadataKeys.Backend) ?? "?"}, device {m.Get(MetadataKeys.Device) ?? "?"}, "
            + $"tool {m.Get(MetadataKeys.ToolVersion) ?? "?"}, created {m.Get(MetadataKeys.CreatedUtc) ?? "?"}");
        var span = m.StartMonth is { } start && m.HorizonMonths is { } t
            ? $" from {start:yyyy-MM} over {t} months"
            : string.Empty;
        writer.WriteLine($"{ReportNumbers.Count(data.RowCount)} scenarios{span}");
        if (data.Verification is { } verification)
        {
            writer.WriteLine(verification);
        }
        if (m.Get(MetadataKeys.SweepDescription) is { Length: > 0 } description)
        {
            writer.WriteLine(description);
        }
    }

    private static void WriteThresholds(SummaryData data, TextWriter writer)
    {
        if (data.Thresholds.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Threshold probabilities");
        TextTable.Write(
            [.. data.Thresholds.Select(t => new[] { t.Description, ReportNumbers.Probability(t.Probability),
                $"({ReportNumbers.Count(t.Count)} of {ReportNumbers.Count(t.Total)})" })],
            writer, "  ");
    }

    private static void WriteMainEffects(SummaryData data, TextWriter writer)
    {
        var ranked = data.RankedMainEffects;
        if (ranked.Count == 0)
        {
            return;
        }

        var outcome = SummaryReport.MainEffectOutcome(data) ?? "the outcome";
        writer.WriteLine();
        writer.WriteLine($"Main effects: mean {outcome} at each axis value");
        TextTable.Write(
            [.. ranked.Select(e => new[] { e.Axis }
                .Concat(e.Levels.Select(l => $"{ReportNumbers.AxisValue(l.Value)}: {data.Metadata.Show(outcome, l.Mean)}"))
                .ToArray())],
            writer, "  ", static _ => false);

        writer.WriteLine();
        writer.WriteLine($"Tornado: swing of mean {outcome} (max - min over each axis' values)");
        var largest = ranked.Max(e => e.Swing);
        TextTable.Write(
            [.. ranked.Select(e => new[] { e.Axis, Bar(e.Swing, largest), Swing(outcome, e.Swing) })],
            writer, "  ", static c => c == 2);
    }

    private static string Bar(double swing, double largest)
    {
        if (!(largest > 0) || !(swing > 0))
        {
            return new string(' ', TornadoWidth);
        }

        var length = Math.Max(1, (int)Math.Round(TornadoWidth * swing / largest));
        return new string('#', length).PadRight(TornadoWidth);
    }

    private static string Swing(string outcome, double swing) =>
        OutcomeColumns.IsFraction(outcome) ? ReportNumbers.PercentagePoints(swing) : ReportNumbers.Number(swing);
}

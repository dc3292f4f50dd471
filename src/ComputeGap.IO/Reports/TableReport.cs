using ComputeGap.IO.Statistics;

namespace ComputeGap.IO.Reports;

/// <summary>
/// The human-readable report: aligned columns, shares as percentages, main effects (long axes in at most
/// <see cref="AxisBins.MaxGroups"/> groups) and a text tornado on the outcome's own scale; no line is
/// wider than <see cref="TextFit.Width"/> characters.
/// </summary>
internal static class TableReport
{
    /// <summary>Marks of a full tornado bar: a swing as large as the outcome's whole range.</summary>
    private const int TornadoWidth = 40;

    public static void Write(SummaryData data, TextWriter writer)
    {
        WriteHeader(data, writer);
        if (data.Headline is { } headline)
        {
            writer.WriteLine();
            TextTable.WriteWrapped(writer, headline.Text);
        }

        WriteSections(data, new TextReportSink(writer));
    }

    /// <summary>The sections after the header and headline, in order, into <paramref name="sink"/>.</summary>
    public static void WriteSections(SummaryData data, IReportSink sink)
    {
        var subject = ReportSubject.Of(data);
        sink.Section("Outcomes (shares in %, compute in H100e, prices in $, months as calendar months; "
            + "a month outcome's 'never', NULL in the rows, is left out and counted as 'never')");
        sink.Text(subject.FromSketches
            ? "Quantiles come from mergeable sketches of the aggregates, within 1 % relative error; counts, means, min and max are exact."
            : "Quantiles are exact over the rows (R-7, as numpy and DuckDB quantile_cont).");
        // The counts left out (non-finite, never) go below the table, which then fits 120 columns for the
        // model's outcome names up to 10^8 scenarios; wider tables are split by TextTable.WriteFitted.
        var shown = OutcomeStats.StatisticNames.Where(s => s is not ("non_finite" or "never")).ToArray();
        sink.Table(new ReportTable(
            ["outcome", .. shown],
            [.. data.Outcomes.Select(o => (string[])[o.Name, .. shown.Select(s => s == "count" ? ReportNumbers.Count(o.Count) : data.Metadata.Show(o.Name, o.Get(s)))])])
        {
            Fitted = true,
        });
        var leftOut = data.Outcomes
            .SelectMany(o => new[] { (o.Name, o.NeverCount, "never"), (o.Name, o.NonFiniteCount, "non-finite") })
            .Where(x => x.Item2 > 0)
            .Select(x => $"{x.Item1} {ReportNumbers.Count(x.Item2)} {x.Item3};")
            .ToArray();
        if (leftOut.Length > 0)
        {
            sink.Text("left out of the statistics above: " + string.Join(" ", leftOut).TrimEnd(';'), "  ");
        }
        WriteThresholds(subject, sink);
        ConditionReport.WriteTable(data, sink);
        WriteMainEffects(data, subject, sink);
        WriteExtremes(data, sink);
        GridReport.WriteTable(data, subject.Grid, sink);
        PolicyReport.WriteTable(data, subject.Thresholds, sink);
        SensitivityReport.WriteTable(data, subject.Outcome, sink);
    }

    private static void WriteHeader(SummaryData data, TextWriter writer)
    {
        var m = data.Metadata;
        TextTable.WriteWrapped(writer, $"ComputeGap summary: sweep {m.Get(MetadataKeys.SweepName) ?? "?"}, model {m.Get(MetadataKeys.ModelVersion) ?? "?"}");
        TextTable.WriteWrapped(writer, $"backend {m.Get(MetadataKeys.Backend) ?? "?"}, device {m.Get(MetadataKeys.Device) ?? "?"}, "
            + $"tool {m.Get(MetadataKeys.ToolVersion) ?? "?"}, created {m.Get(MetadataKeys.CreatedUtc) ?? "?"}");
        var span = m.StartMonth is { } start && m.HorizonMonths is { } t
            ? $" from {start:yyyy-MM} over {t} months"
            : string.Empty;
        writer.WriteLine($"{ReportNumbers.Count(data.RowCount)} scenarios{span}");
        if (data.Verification is { } verification)
        {
            TextTable.WriteWrapped(writer, verification);
        }
        if (m.Get(MetadataKeys.SweepDescription) is { Length: > 0 } description)
        {
            TextTable.WriteWrapped(writer, description, hanging: string.Empty);
        }
    }

    private static void WriteThresholds(ReportSubject subject, IReportSink sink)
    {
        var thresholds = subject.Thresholds;
        if (thresholds.Count == 0)
        {
            return;
        }

        var order = subject.ThresholdsOnOutcome == 0
            ? $"no rule reads {subject.Outcome}; the run's rules"
            : subject.ThresholdsOnOutcome == thresholds.Count ? $"of {subject.Outcome}" : $"of {subject.Outcome} first, then the run's other rules";
        sink.Section($"Threshold probabilities ({order})");
        if (subject.IsGrid)
        {
            sink.Text("A grid: every grid point weighs the same, so these are shares of grid points, not probabilities of the world.");
        }

        sink.Table(new ReportTable(
            ["rule", "probability", "scenarios"],
            [.. thresholds.Select(t => new[] { t.Description, ReportNumbers.Probability(t.Probability),
                $"({ReportNumbers.Count(t.Count)} of {ReportNumbers.Count(t.Total)})" })])
        {
            HeaderInText = false,
        });
    }

    private static void WriteMainEffects(SummaryData data, ReportSubject subject, IReportSink sink)
    {
        var ranked = subject.Effects;
        if (ranked.Count == 0)
        {
            return;
        }

        var outcome = subject.EffectsOutcome ?? "the outcome";
        sink.Section($"Main effects: mean {outcome} at each axis value, largest swing first "
            + $"(an axis of more than {AxisBins.MaxGroups} values in {AxisBins.MaxGroups} groups of neighbouring values, low..high)");
        if (subject.EffectsNote is { } note)
        {
            sink.Text($"Note: {note}.");
        }

        foreach (var effect in ranked)
        {
            var bins = AxisBins.Group(effect);
            var values = bins.Count < effect.Levels.Count
                ? $"{ReportNumbers.Count(effect.Levels.Count)} values in {bins.Count} groups"
                : $"{ReportNumbers.Count(effect.Levels.Count)} value{(effect.Levels.Count == 1 ? string.Empty : "s")}";
            sink.Text($"{effect.Axis} ({values}, swing {Swing(outcome, effect.Swing)}{(subject.IsInert(effect) ? ", inert" : string.Empty)})", "  ");
            sink.Packed([.. bins.Select(b => $"{Range(b)}: {data.Metadata.Show(outcome, b.Mean)}")], "      ");
        }

        WriteTornado(subject, outcome, sink);
    }

    private static void WriteTornado(ReportSubject subject, string outcome, IReportSink sink)
    {
        var ranked = subject.Effects;
        var scale = double.IsFinite(subject.Range) && subject.Range > 0
            ? $"a full bar of {TornadoWidth} marks is {outcome}'s whole range over all scenarios, {Swing(outcome, subject.Range)}"
            : $"{outcome} does not vary, so no axis moves it";
        sink.Section($"Tornado: swing of mean {outcome} (max - min over each axis' values); {scale}");
        var active = ranked.Where(e => !subject.IsInert(e)).ToArray();
        sink.Table(new ReportTable(
            ["axis", $"bar ({TornadoWidth} marks: the whole range)", "swing"],
            [.. active.Select(e => new[] { e.Axis, Bar(e.Swing, subject.Range), Swing(outcome, e.Swing) })])
        {
            HeaderInText = false,
            RightAligned = static c => c == 2,
        });
        var inert = ranked.Where(subject.IsInert).Select(e => e.Axis).ToArray();
        if (inert.Length > 0)
        {
            var limit = double.IsFinite(subject.Range) ? $", {Swing(outcome, ReportSubject.InertShare * subject.Range)}" : string.Empty;
            sink.Text($"inert (swing below {ReportSubject.InertShare * 100:0.#} % of the range{limit}): {string.Join(", ", inert)}", "  ");
        }
    }

    private static void WriteExtremes(SummaryData data, IReportSink sink)
    {
        if (data.Extremes is not { } extremes)
        {
            return;
        }

        foreach (var (which, list) in new[] { ("Top", extremes.Top), ("Bottom", extremes.Bottom) })
        {
            if (list.Count == 0)
            {
                continue;
            }

            sink.Section($"{which} {list.Count} scenarios by {extremes.Outcome} ({(which == "Top" ? "highest" : "lowest")} first), with their axis values");
            var inputs = list[0].Inputs.Select(i => i.Key).ToArray();
            sink.Table(new ReportTable(
                ["scenario", extremes.Outcome, .. inputs],
                [.. list.Select(s => (string[])[$"#{s.Scenario.ToString(System.Globalization.CultureInfo.InvariantCulture)}", data.Metadata.Show(extremes.Outcome, s.Value),
                    .. s.Inputs.Select(i => ReportNumbers.AxisValue(i.Value))])])
            {
                PackRow = row => [$"{row[0]}  {row[1]}", .. inputs.Select((input, k) => $"{input}={row[k + 2]}")],
            });
        }
    }

    private static string Range(AxisBin bin) => bin.Values == 1
        ? ReportNumbers.AxisValue(bin.Low)
        : $"{ReportNumbers.AxisValue(bin.Low)}..{ReportNumbers.AxisValue(bin.High)}";

    /// <summary>A bar of <see cref="TornadoWidth"/> × swing / range marks: the outcome's range is the fixed scale, so bars of different runs and axes compare.</summary>
    private static string Bar(double swing, double range)
    {
        if (!(range > 0) || !(swing > 0))
        {
            return new string(' ', TornadoWidth);
        }

        var marks = (int)Math.Round(TornadoWidth * Math.Min(1, swing / range));
        // A swing under half a mark still moves the outcome by more than the inert limit: one '.' says so.
        return (marks == 0 ? "." : new string('#', marks)).PadRight(TornadoWidth);
    }

    private static string Swing(string outcome, double swing) =>
        OutcomeColumns.IsFraction(outcome) ? ReportNumbers.PercentagePoints(swing) : ReportNumbers.Number(swing);
}

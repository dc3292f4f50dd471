using System.Globalization;
using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>
/// A fan chart of one series column over calendar months (a region's share or installed H100e, or the
/// world price): p5–p95 and p25–p75 bands and the median, in the column's unit (<see cref="OutcomeScale"/>,
/// shares in percent; large values in thousands or millions of the unit).
/// </summary>
public static class FanPlot
{
    /// <summary>
    /// Words for each series column: what it measures (titles), its noun (file lines) and what its unit is
    /// per (the price is dollars per H100e). A column not listed is named as it is.
    /// </summary>
    private static readonly Dictionary<string, (string Meaning, string Noun, string Per)> Words = new(StringComparer.Ordinal)
    {
        ["share"] = ("share of installed AI compute", "share", string.Empty),
        ["installed"] = ("installed AI compute", "installed H100e", string.Empty),
        ["price"] = ("price of a H100e", "price", " per H100e"),
    };

    /// <summary>The fan of <paramref name="fan"/>; months are calendar months from the run's start (month indices without one).</summary>
    public static Plot Draw(SeriesFan fan, SummaryMetadata metadata)
    {
        var start = metadata.StartMonth;
        var scale = OutcomeScale.OfKind(fan.Name, fan.Kind, start);
        var largest = fan.Months.Select(m => Math.Abs(m.P95 * scale.Factor)).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var (factor, prefix) = largest >= 1e6 ? (1e-6, "million ") : largest >= 1e4 ? (1e-3, "thousand ") : (1.0, string.Empty);
        var (meaning, _, per) = WordsOf(fan);
        var plot = PlotStyle.Create(
            fan.Region is null ? $"{Capitalised(meaning)} (one world value), month by month" : $"{fan.Region}'s {meaning}, month by month",
            start is null ? "month of the run" : "calendar month (ticks at each January)",
            $"{fan.Name} ({prefix}{scale.Unit}{per}; sketch quantiles, within 1 %)");
        var xs = Enumerable.Range(0, fan.Months.Count)
            .Select(t => start is { } s ? CalendarMonth.DateOf(s, t).ToDateTime(TimeOnly.MinValue).ToOADate() : t)
            .ToArray();
        double[] Shown(Func<FanQuantiles, double> quantile) => [.. fan.Months.Select(m => quantile(m) * scale.Factor * factor)];

        var outer = plot.Add.FillY(xs, Shown(m => m.P5), Shown(m => m.P95));
        outer.FillColor = OkabeIto.SkyBlue.WithAlpha(0.45);
        outer.LineWidth = 0;
        outer.LegendText = "5th to 95th percentile of scenarios";
        var inner = plot.Add.FillY(xs, Shown(m => m.P25), Shown(m => m.P75));
        inner.FillColor = OkabeIto.Blue.WithAlpha(0.75);
        inner.LineWidth = 0;
        inner.LegendText = "25th to 75th percentile";
        var median = plot.Add.ScatterLine(xs, Shown(m => m.P50), OkabeIto.Black);
        median.LineWidth = 3;
        median.LegendText = "median";
        if (start is { } first)
        {
            var januaries = Enumerable.Range(0, fan.Months.Count).Where(t => CalendarMonth.DateOf(first, t).Month == 1).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. januaries.Select(t => xs[t])],
                [.. januaries.Select(t => CalendarMonth.DateOf(first, t).Year.ToString(CultureInfo.InvariantCulture))]);
        }

        plot.Axes.Margins(0.01, 0.08);
        // The legend goes where the fan starts low: upper left for a rising median, upper right for a falling one (the price).
        var medians = fan.Months.Select(m => m.P50).Where(double.IsFinite).ToArray();
        plot.ShowLegend(medians.Length > 1 && medians[^1] < medians[0] ? Alignment.UpperRight : Alignment.UpperLeft);
        return plot;
    }

    /// <summary>The file name of <paramref name="fan"/>'s picture: <c>fan.share_EU</c>, <c>fan.price</c>.</summary>
    public static string FileName(SeriesFan fan) => $"fan.{fan.Name}";

    /// <summary>A line saying what the picture shows.</summary>
    public static string What(SeriesFan fan) =>
        $"{(fan.Region is null ? "the world" : $"{fan.Region}'s")} {WordsOf(fan).Noun} over {fan.Months.Count} months (p5-p95, p25-p75, median)";

    private static (string Meaning, string Noun, string Per) WordsOf(SeriesFan fan) =>
        Words.TryGetValue(fan.Column, out var words) ? words : (fan.Column, fan.Column, string.Empty);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

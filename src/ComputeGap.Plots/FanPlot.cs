using ComputeGap.IO.Reports;
using ComputeGap.IO.Statistics;
using ScottPlot;

namespace ComputeGap.Plots;

/// <summary>A fan chart of one region's share over calendar months: p5–p95 and p25–p75 bands and the median.</summary>
public static class FanPlot
{
    /// <summary>The fan of <paramref name="fan"/>; months are calendar months from the run's start (month indices without one).</summary>
    public static Plot Draw(ShareFan fan, SummaryMetadata metadata)
    {
        var outcome = OutcomeColumns.Share(fan.Region);
        var start = metadata.StartMonth;
        var plot = PlotStyle.Create(
            $"{fan.Region}'s share of installed AI compute, month by month",
            start is null ? "month of the run" : "calendar month (ticks at each January)",
            $"{outcome} (%; sketch quantiles, within 1 %)");
        var xs = Enumerable.Range(0, fan.Months.Count)
            .Select(t => start is { } s ? CalendarMonth.DateOf(s, t).ToDateTime(TimeOnly.MinValue).ToOADate() : t)
            .ToArray();
        double[] Percent(Func<FanQuantiles, double> quantile) => [.. fan.Months.Select(m => 100 * quantile(m))];

        var outer = plot.Add.FillY(xs, Percent(m => m.P5), Percent(m => m.P95));
        outer.FillColor = OkabeIto.SkyBlue.WithAlpha(0.45);
        outer.LineWidth = 0;
        outer.LegendText = "5th to 95th percentile of scenarios";
        var inner = plot.Add.FillY(xs, Percent(m => m.P25), Percent(m => m.P75));
        inner.FillColor = OkabeIto.Blue.WithAlpha(0.75);
        inner.LineWidth = 0;
        inner.LegendText = "25th to 75th percentile";
        var median = plot.Add.ScatterLine(xs, Percent(m => m.P50), OkabeIto.Black);
        median.LineWidth = 3;
        median.LegendText = "median";
        if (start is { } first)
        {
            var januaries = Enumerable.Range(0, fan.Months.Count).Where(t => CalendarMonth.DateOf(first, t).Month == 1).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. januaries.Select(t => xs[t])],
                [.. januaries.Select(t => CalendarMonth.DateOf(first, t).Year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        plot.Axes.Margins(0.01, 0.08);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}

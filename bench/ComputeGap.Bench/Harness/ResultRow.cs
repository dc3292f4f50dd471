using System.Globalization;

namespace ComputeGap.Bench.Harness;

/// <summary>One line of the harness table.</summary>
/// <param name="Workload">What was run.</param>
/// <param name="Backend">Who ran it.</param>
/// <param name="Timing">Its timings.</param>
/// <param name="Limit">The reference's timing on comparable work, for the ratio; null when none applies.</param>
/// <param name="Note">Anything else worth a column.</param>
internal sealed record ResultRow(string Workload, string Backend, Timing Timing, Timing? Limit, string Note = "")
{
    private static readonly string[] Header = ["workload", "backend", "items", "median s", "median /s", "best /s", "vs limit", ""];

    public static void Print(IReadOnlyList<ResultRow> rows, TextWriter output)
    {
        var table = new List<string[]> { Header };
        table.AddRange(rows.Select(r => new[]
        {
            r.Workload,
            r.Backend,
            Format($"{r.Timing.Items:N0}"),
            Format($"{r.Timing.Median:F3}"),
            Rate(r.Timing.MedianRate),
            Rate(r.Timing.BestRate),
            r.Limit is { } limit ? Format($"{r.Timing.MedianRate / limit.MedianRate:F3}") : "-",
            r.Note,
        }));

        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(row => row[c].Length)).ToArray();
        output.WriteLine();
        foreach (var row in table)
        {
            var cells = row.Select((cell, c) => c is 0 or 1 or 7 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("median/best of 3 timed runs after a warm-up; compute rows use a null sink; 'vs limit' = median rate / the hand-specialised reference's median rate on the same sweep.");
    }

    private static string Rate(double perSecond) => perSecond >= 1e6 ? Format($"{perSecond / 1e6:F2} M") : Format($"{perSecond / 1e3:F1} k");

    private static string Format(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

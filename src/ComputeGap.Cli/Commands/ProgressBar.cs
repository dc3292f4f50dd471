using System.Diagnostics;
using ComputeGap.Engine.Running;

namespace ComputeGap.Cli.Commands;

/// <summary>
/// Sweep progress on stderr: a redrawn bar with scenarios/s and time left on a terminal, plain
/// lines at most every few seconds when stderr is redirected (logs, Slurm).
/// </summary>
public sealed class ProgressBar(TextWriter error) : IProgress<SweepProgress>, IDisposable
{
    private const int Width = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch _sincePlain = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _drawn;
    private int _drawnLength;

    public void Report(SweepProgress value)
    {
        lock (_gate)
        {
            var fraction = Fraction(value);
            var text = Text(value);
            if (_terminal)
            {
                var filled = (int)Math.Round(fraction * Width);
                // Padded to the last line's length, so a shorter line (the "writing" note gone) leaves no tail.
                var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {text}";
                error.Write($"\r{line.PadRight(_drawnLength)}");
                _drawnLength = line.Length;
                _drawn = true;
            }
            else if (_sincePlain.Elapsed >= PlainInterval || value.Done == value.Total)
            {
                error.WriteLine($"progress: {text}");
                _sincePlain.Restart();
            }
        }
    }

    /// <summary>The progress as words: percent, scenarios done of all, rate, time left, and what is still being written.</summary>
    public static string Text(SweepProgress value)
    {
        var left = value.Remaining is { } r ? $"{(int)r.TotalHours}:{r.Minutes:D2}:{r.Seconds:D2} left" : "estimating";
        var writing = value.Writing > 0 ? $", writing {value.Writing:N0} more" : string.Empty;
        return $"{Fraction(value) * 100,5:F1}% {value.Done:N0}/{value.Total:N0} scenarios, {value.Rate:N0}/s, {left}{writing}";
    }

    private static double Fraction(SweepProgress value) => value.Total > 0 ? (double)value.Done / value.Total : 1;

    /// <summary>Ends the bar's line so later output starts cleanly.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                error.WriteLine();
                _drawn = false;
                _drawnLength = 0;
            }
        }
    }

    public void Dispose() => Finish();
}

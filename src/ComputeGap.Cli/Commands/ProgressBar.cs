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

    public void Report(SweepProgress value)
    {
        lock (_gate)
        {
            var fraction = value.Total > 0 ? (double)value.Done / value.Total : 1;
            var left = value.Remaining is { } r ? $"{(int)r.TotalHours}:{r.Minutes:D2}:{r.Seconds:D2} left" : "estimating";
            var text = $"{fraction * 100,5:F1}% {value.Done:N0}/{value.Total:N0} scenarios, {value.Rate:N0}/s, {left}";
            if (_terminal)
            {
                var filled = (int)Math.Round(fraction * Width);
                error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {text}   ");
                _drawn = true;
            }
            else if (_sincePlain.Elapsed >= PlainInterval || value.Done == value.Total)
            {
                error.WriteLine($"progress: {text}");
                _sincePlain.Restart();
            }
        }
    }

    /// <summary>Ends the bar's line so later output starts cleanly.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                error.WriteLine();
                _drawn = false;
            }
        }
    }

    public void Dispose() => Finish();
}

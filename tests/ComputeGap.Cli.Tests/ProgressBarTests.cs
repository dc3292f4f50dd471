using ComputeGap.Cli.Commands;
using ComputeGap.Engine.Running;

namespace ComputeGap.Cli.Tests;

public sealed class ProgressBarTests
{
    [Fact]
    public void The_progress_text_says_how_many_scenarios_are_still_being_written()
    {
        var writing = ProgressBar.Text(new SweepProgress(1_000, 5_000, TimeSpan.FromSeconds(2)) { Writing = 4_000 });
        var done = ProgressBar.Text(new SweepProgress(5_000, 5_000, TimeSpan.FromSeconds(3)));

        Assert.Equal(" 20.0% 1,000/5,000 scenarios, 500/s, 0:00:08 left, writing 4,000 more", writing);
        Assert.Equal("100.0% 5,000/5,000 scenarios, 1,667/s, 0:00:00 left", done);
    }

    [Fact]
    public void A_redirected_bar_writes_the_last_line_at_once()
    {
        using var text = new StringWriter();
        using (var bar = new ProgressBar(text))
        {
            bar.Report(new SweepProgress(5_000, 5_000, TimeSpan.FromSeconds(3)));
        }

        Assert.Equal($"progress: {ProgressBar.Text(new SweepProgress(5_000, 5_000, TimeSpan.FromSeconds(3)))}{Environment.NewLine}", text.ToString());
    }
}

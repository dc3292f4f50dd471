namespace ComputeGap.Plots.Tests.Report;

/// <summary>
/// A fact that needs Debian's headless Chromium at <see cref="Chromium.Path"/>: skipped, with the reason, on a
/// machine without it, except under CI (<c>CI=true</c>), where .ci/run installs it, so a missing browser fails
/// the test there rather than hiding it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.Path) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"needs Debian's chromium at {Chromium.Path} (apt-get install chromium); CI=true makes its absence a failure";
        }
    }
}

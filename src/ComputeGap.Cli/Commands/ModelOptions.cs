using System.CommandLine;
using ComputeGap.Calibration.Observed;

namespace ComputeGap.Cli.Commands;

/// <summary>Options of the commands that run model v2's baseline: calibrate, hindcast, levers.</summary>
public static class ModelOptions
{
    /// <summary><c>--baseline FILE</c>.</summary>
    public static Option<FileInfo?> Baseline(string fallback) => new("--baseline") { Description = $"Baseline file (default: {fallback})." };

    /// <summary><c>--observed DIR</c>.</summary>
    public static Option<DirectoryInfo?> Observed() => new("--observed")
    {
        Description = "Directory of observed series (default: the built-in copy of data/observed).",
    };

    /// <summary>The observed data in <paramref name="directory"/>, or the built-in copy.</summary>
    public static ObservedData ObservedData(DirectoryInfo? directory) =>
        directory is null ? Calibration.Observed.ObservedData.BuiltIn() : Calibration.Observed.ObservedData.FromDirectory(directory.FullName);
}

namespace ComputeGap.Engine.Output;

/// <summary>A committed file of a run is not what its manifest recorded: damaged, truncated, missing, foreign.</summary>
public sealed class DamagedOutputException : Exception
{
    public DamagedOutputException()
    {
    }

    public DamagedOutputException(string message)
        : base(message)
    {
    }

    public DamagedOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="path">The file that is wrong.</param>
    /// <param name="problem">What differs.</param>
    public DamagedOutputException(string path, string problem)
        : base($"{path}: {problem}")
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that is wrong, when one is named.</summary>
    public string? FilePath { get; }

    /// <summary>What differs, without the file's name.</summary>
    public string? Problem { get; }
}

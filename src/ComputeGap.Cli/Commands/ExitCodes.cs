namespace ComputeGap.Cli.Commands;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed while running (I/O, device).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a sweep or baseline file, an option, a missing or mismatched file.</summary>
    public const int BadInput = 2;

    /// <summary>Damaged output: a committed file is missing, truncated, changed, foreign or unlisted (see the README).</summary>
    public const int Damaged = 3;

    /// <summary>Another process holds the output directory's lock (EX_TEMPFAIL: try again when it has finished).</summary>
    public const int Locked = 75;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}

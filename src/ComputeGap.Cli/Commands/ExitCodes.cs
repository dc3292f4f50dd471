namespace ComputeGap.Cli.Commands;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed while running (I/O, device).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a sweep or baseline file, an option, a missing or mismatched file.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}

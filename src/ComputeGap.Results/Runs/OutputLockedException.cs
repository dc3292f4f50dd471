namespace ComputeGap.Engine.Output;

/// <summary>Another process is writing this run (or claiming the directory) right now.</summary>
public sealed class OutputLockedException : Exception
{
    public OutputLockedException()
    {
    }

    public OutputLockedException(string message)
        : base(message)
    {
    }

    public OutputLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

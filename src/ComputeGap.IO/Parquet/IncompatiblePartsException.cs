namespace ComputeGap.IO.Parquet;

/// <summary>Thrown when the part files of a directory do not belong to one table.</summary>
public sealed class IncompatiblePartsException : IOException
{
    /// <summary>Creates the exception with no detail.</summary>
    public IncompatiblePartsException()
        : this("Parquet part files do not belong together.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IncompatiblePartsException(string message)
        : base(message)
    {
        FirstFile = string.Empty;
        SecondFile = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public IncompatiblePartsException(string message, Exception innerException)
        : base(message, innerException)
    {
        FirstFile = string.Empty;
        SecondFile = string.Empty;
    }

    /// <summary>Creates the exception naming the two files that differ and how.</summary>
    public IncompatiblePartsException(string firstFile, string secondFile, string difference)
        : base($"Cannot combine '{secondFile}' with '{firstFile}': {difference}.")
    {
        FirstFile = firstFile;
        SecondFile = secondFile;
    }

    /// <summary>The file the others are compared with (the first in name order).</summary>
    public string FirstFile { get; }

    /// <summary>The file that differs from <see cref="FirstFile"/>.</summary>
    public string SecondFile { get; }
}

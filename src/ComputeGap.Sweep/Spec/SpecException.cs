namespace ComputeGap.Sweep.Spec;

/// <summary>
/// A sweep or baseline file broke a rule. <see cref="Exception.Message"/> is one line:
/// <c>FILE: $.json.path: the rule broken</c>. The CLI prints it and exits with code 2.
/// </summary>
public sealed class SpecException : Exception
{
    public SpecException(string file, string jsonPath, string rule)
        : base($"{file}: {jsonPath}: {rule}")
    {
        File = file;
        JsonPath = jsonPath;
        Rule = rule;
    }

    public SpecException()
    {
        File = JsonPath = Rule = string.Empty;
    }

    public SpecException(string message)
        : base(message)
    {
        File = JsonPath = Rule = string.Empty;
    }

    public SpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = JsonPath = Rule = string.Empty;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>JSON path of the offending element, e.g. <c>$.axes[1].range.count</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The rule broken, in words.</summary>
    public string Rule { get; }
}

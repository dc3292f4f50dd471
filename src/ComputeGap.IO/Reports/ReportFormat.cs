namespace ComputeGap.IO.Reports;

/// <summary>Output format of a summary report.</summary>
public enum ReportFormat
{
    /// <summary>Aligned text for people; shares as percentages.</summary>
    Table,

    /// <summary>One JSON object with stable snake_case keys; numbers as JSON numbers (null when not finite).</summary>
    Json,

    /// <summary>Long-form CSV with header <c>section,name,statistic,value</c>.</summary>
    Csv,
}

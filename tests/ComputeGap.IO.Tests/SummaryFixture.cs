using ComputeGap.IO.Parquet;

namespace ComputeGap.IO.Tests;

/// <summary>A five-scenario result table with the metadata contract filled in, values chosen by hand.</summary>
internal static class SummaryFixture
{
    public static Dictionary<string, string> Metadata() => new(StringComparer.Ordinal)
    {
        ["regions"] = """["US","EU"]""",
        ["axes"] = """["supply_growth","leakage"]""",
        ["focus"] = "EU",
        ["rivals"] = """["US","EU"]""",
        ["focus_usage_share"] = "0.2",
        ["start_month"] = "2025-01",
        ["horizon_months"] = "72",
        ["model_version"] = "1",
        ["sweep_name"] = "tiny, \"hand-made\"",
        ["backend"] = "cpu",
        ["device"] = "test",
        ["tool_version"] = "0.1.0",
        ["created_utc"] = "2025-06-01T00:00:00Z",
    };

    public static ColumnTable Table() => new(
        [
            new("scenario", ColumnType.Int64, new long[] { 0, 1, 2, 3, 4 }),
            new("supply_growth", ColumnType.Float64, new[] { 0.5, 0.5, 1.0, 1.0, 1.0 }),
            new("leakage", ColumnType.Float32, new[] { 0.1f, 0.2f, 0.1f, 0.2f, 0.1f }),
            new("share_US", ColumnType.Float32, new[] { 0.90f, 0.80f, 0.70f, 0.60f, 0.85f }),
            new("share_EU", ColumnType.Float32, new[] { 0.02f, 0.03f, 0.04f, 0.12f, 0.06f }),
            new("focus_share_min", ColumnType.Float32, new[] { 0.01f, 0.02f, 0.03f, 0.05f, 0.04f }),
            new("focus_coverage", ColumnType.Float32, new[] { 0.3f, 0.4f, 0.5f, 0.9f, 0.6f }),
            new("focus_cloud_dependency", ColumnType.Float32, new[] { 0.2f, 0.1f, 0.15f, 0.0f, 0.05f }),
            new("focus_target_month", ColumnType.Int32, new[] { -1, -1, 30, 12, -1 }),
            new("ree_depletion_month", ColumnType.Int32, new[] { 5, 5, -1, 7, 9 }),
            new("ree_lost_h100e", ColumnType.Float64, new[] { 1e5, 2e5, 0, 3e5, 4e5 }),
            new("global_installed", ColumnType.Float64, new[] { 3e7, 4e7, 5e7, 6e7, 7e7 }),
            new("rival_ratio", ColumnType.Float32, new[] { 2f, 0.5f, float.PositiveInfinity, 1.5f, 0.8f }),
            new("supply_slack", ColumnType.Float64, new[] { 0.0, 10, 20, 30, double.NaN }),
        ],
        rowCount: 5,
        Metadata());
}

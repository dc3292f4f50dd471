using System.Text.Json;
using ComputeGap.IO.Tests;

namespace ComputeGap.Cli.Tests;

/// <summary>
/// A sweep file's own <c>"thresholds"</c>: the report shows them from rows and from aggregates alike, the
/// aggregates count them exactly (overall and per policy) on the CPU's vector lanes, and DuckDB, reading the
/// rows and the <c>thresholds</c> table on its own, finds the same counts.
/// </summary>
public sealed class ThresholdCommandTests
{
    private const string Design = """
        { "name": "thresholds", "model": "v2", "horizon_months": 36,
          "design": { "kind": "lhs", "samples": 8192, "seed": 5 },
          "uncertain": [
            { "param": "ree_export_quota", "uniform": { "from": 0, "to": 1 } },
            { "param": "capex0[EU]", "log_uniform": { "from": 1e8, "to": 2e9 } } ],
          "levers": [ { "param": "us_priority", "values": [0, 1] } ],
          "thresholds": [ { "outcome": "share_EU", "below": 0.015 }, { "outcome": "share_US", "at_least": 0.86 },
                          { "outcome": "price_final", "at_least": 9800 }, { "outcome": "ree_depletion_month", "below": 20 } ] }
        """;

    private static readonly string[] Chosen = ["share_EU_below_0.015", "share_US_at_least_0.86", "price_final_at_least_9800", "ree_depletion_month_below_20"];

    [Fact]
    public async Task Rows_and_aggregates_give_the_same_counts_of_the_files_thresholds()
    {
        using var directory = new TempDirectory();
        var (_, rows, aggregates) = await Cli.RowsAndAggregatesAsync(directory.Path, "thresholds", Design);

        // Every rule of the report, the file's and the focus's demand share among them, is an exact count.
        var fromRows = await Summary(rows);
        var fromAggregates = await Summary(aggregates);
        var expected = fromRows.GetProperty("thresholds").EnumerateObject().ToDictionary(t => t.Name, t => t.Value);
        var actual = fromAggregates.GetProperty("thresholds").EnumerateObject().ToDictionary(t => t.Name, t => t.Value);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.Subset(expected.Keys.ToHashSet(), new HashSet<string>([.. Chosen, "focus_share_below_demand_share"]));
        Assert.Equal("P(share_US ≥ 0.86)", expected["share_US_at_least_0.86"].GetProperty("description").GetString());

        // A month outcome's "never" is below no month: P(rare earths run short before month 20) leaves it out.
        Assert.Equal("P(ree_depletion_month < 20; never is not below)", expected["ree_depletion_month_below_20"].GetProperty("description").GetString());
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value.GetProperty("total").GetInt64(), actual[name].GetProperty("total").GetInt64());
            Assert.True(value.GetProperty("count").GetInt64() == actual[name].GetProperty("count").GetInt64(), $"{name}: rows {value}, aggregates {actual[name]}");
        }

        // Each of the file's thresholds holds in some futures and not in others, so the counts say something.
        Assert.All(Chosen, n => Assert.InRange(expected[n].GetProperty("probability").GetDouble(), 0.05, 0.95));

        // Per policy, the same from both.
        var policiesFromRows = fromRows.GetProperty("policies").GetProperty("combinations").EnumerateArray().ToArray();
        var policiesFromAggregates = fromAggregates.GetProperty("policies").GetProperty("combinations").EnumerateArray().ToArray();
        Assert.Equal(2, policiesFromAggregates.Length);
        foreach (var (e, a) in policiesFromRows.Zip(policiesFromAggregates))
        {
            foreach (var name in Chosen)
            {
                Assert.Equal(e.GetProperty("thresholds").GetProperty(name).GetDouble(), a.GetProperty("thresholds").GetProperty(name).GetDouble());
            }
        }

        // DuckDB, from the rows, counts what the aggregates' thresholds table holds (whose bounds are the
        // floats the values were compared with: the least float not below the file's bound).
        var fromSql = await DuckDb.QueryAsync(Path.Combine(rows, "*.rows.parquet"), """
            SELECT sum(CASE WHEN share_EU::DOUBLE < 0.015 THEN 1 ELSE 0 END) AS a,
                   sum(CASE WHEN share_US::DOUBLE >= 0.86 THEN 1 ELSE 0 END) AS b,
                   sum(CASE WHEN price_final::DOUBLE >= 9800 THEN 1 ELSE 0 END) AS c,
                   sum(CASE WHEN ree_depletion_month >= 0 AND ree_depletion_month < 20 THEN 1 ELSE 0 END) AS d FROM data
            """);
        var fromTable = await DuckDb.QueryAsync(Path.Combine(aggregates, "*.agg-thresholds.parquet"), """
            SELECT max(CASE WHEN outcome = 'share_EU' AND comparison = 'below' AND abs(bound - 0.015) < 1e-6 THEN count END) AS a,
                   max(CASE WHEN outcome = 'share_US' AND comparison = 'at_least' AND abs(bound - 0.86) < 1e-6 THEN count END) AS b,
                   max(CASE WHEN outcome = 'price_final' AND comparison = 'at_least' AND abs(bound - 9800) < 1e-3 THEN count END) AS c,
                   max(CASE WHEN outcome = 'ree_depletion_month' AND comparison = 'below' AND bound = 20 AND "from" = 0 THEN count END) AS d FROM data
            """);
        foreach (var column in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(DuckDb.ToInt64(fromSql[0][column]), DuckDb.ToInt64(fromTable[0][column]));
        }

        // Reporting an outcome the aggregates do not compare (price_final) still gives every rule under each
        // policy, as the rows do (rows compare any outcome), in json and in the text table.
        var priceFromRows = (await Summary(rows, "price_final")).GetProperty("policy_thresholds");
        var priceSummary = await Summary(aggregates, "price_final");
        Assert.Equal(JsonValueKind.Null, priceSummary.GetProperty("policies").ValueKind); // no comparison of price_final
        var priceFromAggregates = priceSummary.GetProperty("policy_thresholds");
        Assert.False(priceFromRows.TryGetProperty("note", out _));
        Assert.Contains("--compare price_final", priceFromAggregates.GetProperty("note").GetString(), StringComparison.Ordinal);
        var byPolicyFromRows = priceFromRows.GetProperty("combinations").EnumerateArray().ToArray();
        var byPolicyFromAggregates = priceFromAggregates.GetProperty("combinations").EnumerateArray().ToArray();
        Assert.Equal(2, byPolicyFromAggregates.Length);
        foreach (var (e, a) in byPolicyFromRows.Zip(byPolicyFromAggregates))
        {
            Assert.Equal(e.GetProperty("levers").ToString(), a.GetProperty("levers").ToString());
            Assert.False(a.TryGetProperty("regret_p50", out _));
            var names = e.GetProperty("thresholds").EnumerateObject().Select(t => t.Name).ToArray();
            Assert.Equal(names, a.GetProperty("thresholds").EnumerateObject().Select(t => t.Name));
            foreach (var name in names)
            {
                Assert.Equal(e.GetProperty("thresholds").GetProperty(name).GetDouble(), a.GetProperty("thresholds").GetProperty(name).GetDouble());
            }
        }

        var text = await Cli.InvokeAsync("summarize", aggregates, "--outcome", "price_final");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Policies compared on price_final: none", text.Output, StringComparison.Ordinal);
        Assert.Contains("Threshold probabilities under each policy", text.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Summary(string run, string outcome = "share_EU")
    {
        var summary = await Cli.InvokeAsync("summarize", run, "--format", "json", "--outcome", outcome);
        Assert.Equal(0, summary.ExitCode);
        return JsonDocument.Parse(summary.Output).RootElement.Clone();
    }
}

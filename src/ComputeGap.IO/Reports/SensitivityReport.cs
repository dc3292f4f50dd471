using System.Text.Json;
using ComputeGap.IO.Sensitivity;

namespace ComputeGap.IO.Reports;

/// <summary>The sensitivity section of the three report formats (one definition of what is shown).</summary>
internal static class SensitivityReport
{
    /// <summary>Pairs shown in the table's second-order list.</summary>
    private const int TopPairs = 10;

    private static readonly string[] SobolHeader = ["parameter", "S1", "+/-", "ST", "+/-"];

    private static readonly string[] MorrisHeader = ["parameter", "mu*", "+/-", "mu", "sigma"];

    /// <summary>The ranked table for <paramref name="outcome"/>: by ST for Sobol, by μ* for Morris; one block per lever combination.</summary>
    public static void WriteTable(SummaryData data, string outcome, IReportSink sink)
    {
        if (data.SensitivityNote is { } note)
        {
            sink.Section($"Sensitivity: none ({note})");
        }

        if (data.Sensitivity is not { } result)
        {
            return;
        }

        foreach (var combination in result.Combinations)
        {
            var levers = combination.Levers.Count == 0
                ? string.Empty
                : " with " + string.Join(", ", combination.Levers.Select(l => $"{l.Key} = {ReportNumbers.AxisValue(l.Value)}"));
            if (result.Method == "sobol" && combination.Sobol.TryGetValue(outcome, out var sobol))
            {
                sink.Section($"Sensitivity of {outcome}{levers}: Sobol indices from {ReportNumbers.Count(sobol.Samples)} base samples (95 % half-widths from {sobol.Batches} batch means)");
                sink.Table(new ReportTable(SobolHeader, [.. sobol.Indices
                    .Select((index, k) => (index, k))
                    .OrderByDescending(x => x.index.ST)
                    .Select(x => new[] { result.Parameters[x.k], ReportNumbers.Index(x.index.S1), ReportNumbers.Index(x.index.S1Conf), ReportNumbers.Index(x.index.ST), ReportNumbers.Index(x.index.STConf) })])
                {
                    Fitted = true,
                });
                if (sobol.SecondOrder.Count > 0)
                {
                    sink.Text($"largest interactions (S2, top {TopPairs}):", "  ");
                    sink.Table(new ReportTable(
                        ["pair", "S2", "+/-"],
                        [.. sobol.SecondOrder.OrderByDescending(p => p.S2).Take(TopPairs)
                            .Select(p => new[] { $"{result.Parameters[p.First]} x {result.Parameters[p.Second]}", ReportNumbers.Index(p.S2), "+/- " + ReportNumbers.Index(p.S2Conf) })])
                    {
                        HeaderInText = false,
                        Indent = "    ",
                    });
                }
            }
            else if (result.Method == "morris" && combination.Morris.TryGetValue(outcome, out var morris))
            {
                sink.Section($"Sensitivity of {outcome}{levers}: Morris elementary effects (per unit of each parameter's range in probability; 95 % half-width of mu* from the t distribution over the trajectories)");
                sink.Table(new ReportTable(MorrisHeader, [.. morris
                    .Select((index, k) => (index, k))
                    .OrderByDescending(x => x.index.MuStar)
                    .Select(x => new[] { result.Parameters[x.k], ReportNumbers.Number(x.index.MuStar), ReportNumbers.Number(x.index.MuStarConf), ReportNumbers.Number(x.index.Mu), ReportNumbers.Number(x.index.Sigma) })])
                {
                    Fitted = true,
                });
            }
        }
    }

    /// <summary>Level of every half-width the section shows.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>
    /// How the half-widths of <paramref name="result"/> were computed, as the JSON and CSV name it: Sobol indices
    /// from batch means (<see cref="SobolIndices.Batches"/>, the most any outcome used), Morris's μ* from the t
    /// distribution of the absolute elementary effects.
    /// </summary>
    public static (string Method, int Batches, string Formula) ConfidenceOf(SensitivityResult result) =>
        result.Method == "sobol"
            ? ("batch_means", result.Combinations.SelectMany(c => c.Sobol.Values).Select(s => s.Batches).DefaultIfEmpty(0).Max(),
                "t(0.975, B - 1) * sd / sqrt(B) over the estimates of B batches of consecutive base samples")
            : ("t_interval", 0, "t(0.975, r - 1) * sd(|EE|) / sqrt(r) over the r trajectories");

    /// <summary>
    /// <c>"sensitivity": {"method": …, "confidence": {"level", "method", "batches", "formula"}, "parameters": […], "outcomes": {…}, "second_order": {…}}</c> for a design
    /// without levers; with levers, <c>"combinations": [{"levers": {…}, "outcomes": …, "second_order": …}]</c>.
    /// </summary>
    public static void WriteJson(SummaryData data, Utf8JsonWriter json)
    {
        if (data.Sensitivity is not { } result)
        {
            json.WriteNull("sensitivity");
            return;
        }

        json.WriteStartObject("sensitivity");
        json.WriteString("method", result.Method);
        var confidence = ConfidenceOf(result);
        json.WriteStartObject("confidence");
        json.WriteNumber("level", ConfidenceLevel);
        json.WriteString("method", confidence.Method);
        if (confidence.Batches > 0)
        {
            json.WriteNumber("batches", confidence.Batches);
        }

        json.WriteString("formula", confidence.Formula);
        json.WriteEndObject();
        json.WriteStartArray("parameters");
        foreach (var parameter in result.Parameters)
        {
            json.WriteStringValue(parameter);
        }

        json.WriteEndArray();
        if (result.Combinations.Count == 1 && result.Combinations[0].Levers.Count == 0)
        {
            WriteCombination(result, result.Combinations[0], json);
        }
        else
        {
            json.WriteStartArray("combinations");
            foreach (var combination in result.Combinations)
            {
                json.WriteStartObject();
                json.WriteStartObject("levers");
                foreach (var (lever, value) in combination.Levers)
                {
                    JsonReport.AxisValue(json, lever, value);
                }

                json.WriteEndObject();
                WriteCombination(result, combination, json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Rows <c>sensitivity,OUTCOME,KEY,STATISTIC,VALUE</c>: the key is the parameter (<c>A|B</c> for a pair),
    /// after <c>lever=v;…;</c> when the design has lever combinations; statistics <c>S1</c>, <c>S1_conf</c>,
    /// <c>ST</c>, <c>ST_conf</c>, <c>S2</c>, <c>S2_conf</c>, or Morris's <c>mu</c>, <c>mu_star</c>, <c>sigma</c>, <c>mu_star_conf</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Key, string Statistic, double Value)> CsvRows(SummaryData data)
    {
        if (data.Sensitivity is not { } result)
        {
            yield break;
        }

        foreach (var combination in result.Combinations)
        {
            var prefix = combination.Levers.Count == 0
                ? string.Empty
                : string.Join(";", combination.Levers.Select(l => $"{l.Key}={ReportNumbers.AxisExact(l.Value)}")) + ";";
            foreach (var (outcome, sobol) in combination.Sobol)
            {
                for (var k = 0; k < sobol.Indices.Count; k++)
                {
                    var p = result.Parameters[k];
                    var index = sobol.Indices[k];
                    yield return (outcome, prefix + p, "S1", index.S1);
                    yield return (outcome, prefix + p, "S1_conf", index.S1Conf);
                    yield return (outcome, prefix + p, "ST", index.ST);
                    yield return (outcome, prefix + p, "ST_conf", index.STConf);
                }

                foreach (var pair in sobol.SecondOrder)
                {
                    var name = $"{prefix}{result.Parameters[pair.First]}|{result.Parameters[pair.Second]}";
                    yield return (outcome, name, "S2", pair.S2);
                    yield return (outcome, name, "S2_conf", pair.S2Conf);
                }
            }

            foreach (var (outcome, morris) in combination.Morris)
            {
                for (var k = 0; k < morris.Count; k++)
                {
                    var p = result.Parameters[k];
                    yield return (outcome, prefix + p, "mu", morris[k].Mu);
                    yield return (outcome, prefix + p, "mu_star", morris[k].MuStar);
                    yield return (outcome, prefix + p, "sigma", morris[k].Sigma);
                    yield return (outcome, prefix + p, "mu_star_conf", morris[k].MuStarConf);
                }
            }
        }
    }

    private static void WriteCombination(SensitivityResult result, LeverSensitivity combination, Utf8JsonWriter json)
    {
        json.WriteStartObject("outcomes");
        foreach (var (outcome, sobol) in combination.Sobol)
        {
            json.WriteStartObject(outcome);
            for (var k = 0; k < sobol.Indices.Count; k++)
            {
                var index = sobol.Indices[k];
                json.WriteStartObject(result.Parameters[k]);
                JsonReport.Number(json, "S1", index.S1);
                JsonReport.Number(json, "S1_conf", index.S1Conf);
                JsonReport.Number(json, "ST", index.ST);
                JsonReport.Number(json, "ST_conf", index.STConf);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        foreach (var (outcome, morris) in combination.Morris)
        {
            json.WriteStartObject(outcome);
            for (var k = 0; k < morris.Count; k++)
            {
                json.WriteStartObject(result.Parameters[k]);
                JsonReport.Number(json, "mu", morris[k].Mu);
                JsonReport.Number(json, "mu_star", morris[k].MuStar);
                JsonReport.Number(json, "sigma", morris[k].Sigma);
                JsonReport.Number(json, "mu_star_conf", morris[k].MuStarConf);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (combination.Sobol.Values.Any(s => s.SecondOrder.Count > 0))
        {
            json.WriteStartObject("second_order");
            foreach (var (outcome, sobol) in combination.Sobol)
            {
                json.WriteStartObject(outcome);
                foreach (var pair in sobol.SecondOrder)
                {
                    json.WriteStartObject($"{result.Parameters[pair.First]}|{result.Parameters[pair.Second]}");
                    JsonReport.Number(json, "S2", pair.S2);
                    JsonReport.Number(json, "S2_conf", pair.S2Conf);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
    }

}

using System.Globalization;
using System.Text;
using System.Text.Json;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Discovery;

/// <summary>
/// The report of <c>computegap discover</c>: a table for people (lines of at most 120 characters), one JSON
/// object (<c>"format": "computegap-discover/1"</c>), or long-form CSV with header
/// <c>section,name,key,statistic,value</c>.
/// </summary>
public static class DiscoveryReport
{
    /// <summary>Value of the JSON "format" key; changes when the layout does.</summary>
    public const string FormatName = "computegap-discover/1";

    /// <summary>Header of the CSV form.</summary>
    public const string CsvHeader = "section,name,key,statistic,value";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] LimitHeader = ["input", "kept", "of", "quasi-p", "in resamples"];

    private static readonly string[] SeparationHeader = ["input", "distance", "p-value"];

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>.</summary>
    public static void Write(DiscoveryResult result, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Json: WriteJson(result, writer); break;
            case ReportFormat.Csv: WriteCsv(result, writer); break;
            default: WriteTable(result, writer); break;
        }
    }

    /// <summary>One restricted input of a box: its limits as text (a range or the kept categories).</summary>
    public static string Limits(PrimResult prim, int box, int k)
    {
        var input = prim.Inputs[k];
        var limits = prim.Trajectory[box].Limits;
        return input.Labels is not null
            ? string.Join(", ", KeptLabels(prim, box, k))
            : $"{input.Show(input.Low[limits.Low(k)])} to {input.Show(input.High[limits.High(k)])}";
    }

    /// <summary>The categories box <paramref name="box"/> keeps of categorical input <paramref name="k"/>, in code order.</summary>
    public static IEnumerable<string> KeptLabels(PrimResult prim, int box, int k)
    {
        var labels = prim.Inputs[k].Labels ?? [];
        var kept = prim.Trajectory[box].Limits.Kept(k);
        return Enumerable.Range(0, labels.Length).Where(c => ((kept >> c) & 1) != 0).Select(c => labels[c]);
    }

    private static void WriteTable(DiscoveryResult r, TextWriter w)
    {
        var prim = r.Prim;
        w.WriteLine($"scenario discovery: {r.Condition} in {r.Source}");
        if (r.Verification is { } verification)
        {
            w.WriteLine($"  {verification}");
        }

        w.WriteLine($"  cases of interest: {ReportNumbers.Count(prim.CasesOfInterest)} of {ReportNumbers.Count(prim.Cases)} ({ReportNumbers.Probability((double)prim.CasesOfInterest / prim.Cases)})");
        WrapList(w, "  inputs: ", prim.Inputs.Select(i => i.Name + (i.Exact ? string.Empty : " (binned)")));
        if (r.LeftOut.Count > 0)
        {
            WrapList(w, "  left out (constant): ", r.LeftOut);
        }

        w.WriteLine($"  PRIM: peel α {r.Options.PeelAlpha.ToString(Invariant)}, paste α {r.Options.PasteAlpha.ToString(Invariant)}, minimum mass {r.Options.MassMin.ToString(Invariant)}");
        w.WriteLine();
        w.WriteLine("peeling and pasting trajectory:");
        var rows = new List<string[]> { new[] { "box", "coverage", "density", "mass", "restricted", string.Empty } };
        rows.AddRange(prim.Trajectory.Select(b => new[]
        {
            b.Index.ToString(Invariant), ReportNumbers.Probability(b.Coverage), ReportNumbers.Probability(b.Density),
            ReportNumbers.Probability(b.Mass), b.Restricted.ToString(Invariant),
            (b.Pasted ? "pasted" : string.Empty) + (b.Index == r.Chosen ? (b.Pasted ? ", " : string.Empty) + "<- chosen" : string.Empty),
        }));
        TextTable.Write(rows, w, "  ", c => c < 5);
        w.WriteLine();

        var chosen = prim.Trajectory[r.Chosen];
        var why = r.Chosen == prim.DefaultChoice ? "the densest box with coverage of at least 50 %; --box N for another" : "chosen with --box";
        w.WriteLine($"box {r.Chosen} ({why}):");
        w.WriteLine($"  coverage {ReportNumbers.Probability(chosen.Coverage)}, density {ReportNumbers.Probability(chosen.Density)}, mass {ReportNumbers.Probability(chosen.Mass)}: {ReportNumbers.Count(chosen.CasesOfInterest)} cases of interest among {ReportNumbers.Count(chosen.Cases)}");
        var restricted = prim.RestrictedInputs(r.Chosen).ToList();
        if (restricted.Count == 0)
        {
            w.WriteLine("  it restricts no input");
        }
        else
        {
            var limitRows = new List<string[]> { LimitHeader };
            limitRows.AddRange(restricted.Select(k => new[]
            {
                prim.Inputs[k].Name, Cut(Limits(prim, r.Chosen, k), 40), Cut(Limits(prim, 0, k), 30),
                chosen.QuasiP.TryGetValue(k, out var qp) ? Scientific(qp) : "n/a",
                r.Stability.Resamples > 0 ? ReportNumbers.Probability(r.Stability.RestrictedShare[k]) : "n/a",
            }));
            TextTable.Write(limitRows, w, "  ", c => c >= 3);
            if (r.Stability.Resamples > 0)
            {
                w.WriteLine($"  in resamples: share of {r.Stability.Resamples} bootstrap resamples of {ReportNumbers.Count(r.Stability.SampleSize)} cases (seed {r.Stability.Seed}) whose box restricts the input");
            }
        }

        w.WriteLine();
        w.WriteLine("regional sensitivity: how differently each input is spread among the cases of interest and the rest");
        w.WriteLine("  (Kolmogorov-Smirnov distance and its asymptotic p-value; for categories, the total variation distance):");
        var sensitivity = new List<string[]> { SeparationHeader };
        sensitivity.AddRange(r.Separation.Select(s => new[]
        {
            s.Name + (s.Statistic == "tv" ? " (categories)" : string.Empty), ReportNumbers.Index(s.Distance),
            double.IsNaN(s.PValue) ? "n/a" : Scientific(s.PValue),
        }));
        TextTable.Write(sensitivity, w, "  ");
    }

    private static void WriteJson(DiscoveryResult r, TextWriter writer)
    {
        var prim = r.Prim;
        JsonText.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteString("source", r.Source);
            if (r.Verification is { } verification)
            {
                json.WriteString("verification", verification);
            }

            json.WriteString("condition", r.Condition.ToString());
            json.WriteNumber("cases_of_interest", prim.CasesOfInterest);
            json.WriteNumber("cases", prim.Cases);
            json.WriteStartArray("inputs");
            foreach (var input in prim.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("name", input.Name);
                json.WriteString("kind", input.Kind == InputKind.Categorical ? "categorical" : "ordered");
                json.WriteBoolean("exact", input.Exact);
                WriteRange(input, json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("left_out");
            foreach (var name in r.LeftOut)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartObject("options");
            json.WriteNumber("peel_alpha", r.Options.PeelAlpha);
            json.WriteNumber("paste_alpha", r.Options.PasteAlpha);
            json.WriteNumber("mass_min", r.Options.MassMin);
            json.WriteEndObject();
            json.WriteStartArray("trajectory");
            foreach (var box in prim.Trajectory)
            {
                WriteBox(prim, box, json);
            }

            json.WriteEndArray();
            json.WriteNumber("chosen", r.Chosen);
            json.WriteStartObject("stability");
            json.WriteNumber("resamples", r.Stability.Resamples);
            json.WriteNumber("sample_size", r.Stability.SampleSize);
            json.WriteNumber("seed", r.Stability.Seed);
            json.WriteStartObject("restricted_share");
            for (var k = 0; k < prim.Inputs.Count && r.Stability.Resamples > 0; k++)
            {
                json.WriteNumber(prim.Inputs[k].Name, r.Stability.RestrictedShare[k]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("regional_sensitivity");
            foreach (var s in r.Separation)
            {
                json.WriteStartObject();
                json.WriteString("input", s.Name);
                json.WriteString("statistic", s.Statistic);
                json.WriteNumber("distance", s.Distance);
                if (double.IsNaN(s.PValue))
                {
                    json.WriteNull("p_value");
                }
                else
                {
                    json.WriteNumber("p_value", s.PValue);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>An input's full range, which a box's limits are drawn against: its smallest and largest value, or every category.</summary>
    private static void WriteRange(CodedInput input, Utf8JsonWriter json)
    {
        if (input.Labels is { } labels)
        {
            json.WriteStartArray("values");
            foreach (var label in labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
        }
        else if (input.CodeCount > 0)
        {
            json.WritePropertyName("min");
            json.WriteRawValue(input.Show(input.Low[0]));
            json.WritePropertyName("max");
            json.WriteRawValue(input.Show(input.High[^1]));
        }
    }

    private static void WriteBox(PrimResult prim, PrimBox box, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("box", box.Index);
        json.WriteNumber("coverage", box.Coverage);
        json.WriteNumber("density", box.Density);
        json.WriteNumber("mass", box.Mass);
        json.WriteNumber("restricted", box.Restricted);
        json.WriteNumber("cases", box.Cases);
        json.WriteNumber("cases_of_interest", box.CasesOfInterest);
        json.WriteBoolean("pasted", box.Pasted);
        json.WriteStartObject("limits");
        foreach (var k in prim.RestrictedInputs(box.Index))
        {
            var input = prim.Inputs[k];
            json.WriteStartObject(input.Name);
            if (input.Labels is not null)
            {
                json.WriteStartArray("values");
                foreach (var label in KeptLabels(prim, box.Index, k))
                {
                    json.WriteStringValue(label);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WritePropertyName("min");
                json.WriteRawValue(input.Show(input.Low[box.Limits.Low(k)]));
                json.WritePropertyName("max");
                json.WriteRawValue(input.Show(input.High[box.Limits.High(k)]));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("quasi_p");
        foreach (var (k, value) in box.QuasiP.OrderBy(p => p.Key))
        {
            json.WriteNumber(prim.Inputs[k].Name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCsv(DiscoveryResult r, TextWriter w)
    {
        var prim = r.Prim;
        w.WriteLine(CsvHeader);
        Row(w, "summary", "source", string.Empty, "text", r.Source);
        if (r.Verification is { } verification)
        {
            Row(w, "summary", "verification", string.Empty, "text", verification);
        }

        Row(w, "summary", "condition", string.Empty, "text", r.Condition.ToString());
        Row(w, "summary", "cases", string.Empty, "count", Integer(prim.Cases));
        Row(w, "summary", "cases_of_interest", string.Empty, "count", Integer(prim.CasesOfInterest));
        Row(w, "summary", "chosen", string.Empty, "box", Integer(r.Chosen));
        foreach (var box in prim.Trajectory)
        {
            var key = Integer(box.Index);
            Row(w, "trajectory", "box", key, "coverage", ReportNumbers.Exact(box.Coverage));
            Row(w, "trajectory", "box", key, "density", ReportNumbers.Exact(box.Density));
            Row(w, "trajectory", "box", key, "mass", ReportNumbers.Exact(box.Mass));
            Row(w, "trajectory", "box", key, "restricted", Integer(box.Restricted));
            Row(w, "trajectory", "box", key, "pasted", box.Pasted ? "1" : "0");
            foreach (var k in prim.RestrictedInputs(box.Index))
            {
                var input = prim.Inputs[k];
                if (input.Labels is not null)
                {
                    Row(w, "limits", input.Name, key, "values", string.Join("|", KeptLabels(prim, box.Index, k)));
                }
                else
                {
                    Row(w, "limits", input.Name, key, "min", input.Show(input.Low[box.Limits.Low(k)]));
                    Row(w, "limits", input.Name, key, "max", input.Show(input.High[box.Limits.High(k)]));
                }

                if (box.QuasiP.TryGetValue(k, out var qp))
                {
                    Row(w, "limits", input.Name, key, "quasi_p", ReportNumbers.Exact(qp));
                }
            }
        }

        for (var k = 0; k < prim.Inputs.Count && r.Stability.Resamples > 0; k++)
        {
            Row(w, "stability", prim.Inputs[k].Name, string.Empty, "restricted_share", ReportNumbers.Exact(r.Stability.RestrictedShare[k]));
        }

        foreach (var s in r.Separation)
        {
            Row(w, "regional_sensitivity", s.Name, string.Empty, s.Statistic, ReportNumbers.Exact(s.Distance));
            Row(w, "regional_sensitivity", s.Name, string.Empty, "p_value", ReportNumbers.Exact(s.PValue));
        }
    }

    private static void Row(TextWriter w, string section, string name, string key, string statistic, string value) =>
        w.WriteLine($"{CsvReport.Field(section)},{CsvReport.Field(name)},{CsvReport.Field(key)},{CsvReport.Field(statistic)},{CsvReport.Field(value)}");

    private static string Integer(long value) => value.ToString(Invariant);

    /// <summary>A p-value: three decimals down to 0.001, then one significant digit; below 1e-300, "&lt; 1e-300".</summary>
    private static string Scientific(double value) =>
        value >= 0.001 ? value.ToString("0.000", Invariant) : value >= 1e-300 ? value.ToString("0e0", Invariant) : "< 1e-300";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>A list after a label, wrapped at 120 characters.</summary>
    private static void WrapList(TextWriter w, string label, IEnumerable<string> items)
    {
        var line = new StringBuilder(label);
        var first = true;
        foreach (var item in items)
        {
            var piece = (first ? string.Empty : ", ") + item;
            if (line.Length + piece.Length > 120 && !first)
            {
                w.WriteLine(line.Append(',').ToString());
                line.Clear().Append(' ', label.Length);
                piece = item;
            }

            line.Append(piece);
            first = false;
        }

        w.WriteLine(line.ToString());
    }
}

using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComputeGap.Core.Models;
using ComputeGap.Engine.Running;
using ComputeGap.Sweep.Spec;
using ComputeGap.IO.Reports;

namespace ComputeGap.Engine.Output;

/// <summary>
/// The key-value metadata written into every Parquet file a sweep produces: one string per key (what
/// Parquet holds and the readers read), and the whole description once more as one JSON object with typed
/// values under <see cref="MetadataKeys.Meta"/>.
/// </summary>
public static class OutputMetadata
{
    /// <summary>Key holding the sweep file's full text.</summary>
    public const string SweepText = "sweep";

    /// <summary>Key holding the baseline file's name or path.</summary>
    public const string BaselineSource = "baseline_source";

    // Quotes and angle brackets as themselves, not \u0022: the text is read as JSON, never embedded in HTML.
    private static readonly JsonSerializerOptions MetaOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tool's version (informational version of the engine assembly).</summary>
    public static string ToolVersion { get; } =
        typeof(OutputMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The metadata of a run of <paramref name="plan"/>.</summary>
    /// <param name="plan">The sweep.</param>
    /// <param name="backend">The backend's name.</param>
    /// <param name="device">The device's description.</param>
    /// <param name="created">When the run began.</param>
    /// <param name="more">Further keys of this run (how it is kept, its <c>--where</c>), also in the JSON key.</param>
    public static Dictionary<string, string> For(SweepPlan plan, string backend, string device, DateTimeOffset created,
        IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var spec = plan.Spec;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.RowSchema] = RowSchema.CurrentText,
            [MetadataKeys.ModelVersion] = spec.Model.Version,
            [MetadataKeys.SweepName] = spec.Name,
            [MetadataKeys.SweepDescription] = spec.Description,
            [SweepText] = spec.SourceText,
            [MetadataKeys.SweepSha256] = Sha256(spec.SourceText),
            [MetadataKeys.BaselineSha256] = spec.Baseline.Hash,
            [BaselineSource] = spec.Baseline.SourceName,
            [MetadataKeys.Backend] = backend,
            [MetadataKeys.Device] = device,
            [MetadataKeys.ToolVersion] = ToolVersion,
            [MetadataKeys.CreatedUtc] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            [MetadataKeys.Regions] = JsonSerializer.Serialize(spec.Regions),
            [MetadataKeys.Axes] = JsonSerializer.Serialize(spec.Axes.Select(a => a.Column)),
            [MetadataKeys.StartMonth] = spec.Baseline.StartMonth,
            [MetadataKeys.HorizonMonths] = spec.HorizonMonths.ToString(CultureInfo.InvariantCulture),
            [MetadataKeys.OutcomeKinds] = JsonSerializer.Serialize(plan.Outcomes.ToDictionary(o => o.Name, o => OutcomeKinds.Name(o.Kind))),
        };

        // The test functions have no regions: no focus, rivals or usage share to report.
        if (spec.FocusUsageShare is { } usage)
        {
            metadata[MetadataKeys.Focus] = spec.Regions[spec.Focus];
            metadata[MetadataKeys.Rivals] = JsonSerializer.Serialize(new[] { spec.Regions[spec.RivalA], spec.Regions[spec.RivalB] });
            metadata[MetadataKeys.FocusUsageShare] = usage.ToString("R", CultureInfo.InvariantCulture);
        }

        if (spec.Thresholds.Count > 0)
        {
            metadata[MetadataKeys.Thresholds] = ChosenThreshold.ToJson(spec.Thresholds);
        }

        if (DesignOf(spec) is { } design)
        {
            metadata[MetadataKeys.Design] = design.ToJson();
        }

        foreach (var (key, value) in more ?? [])
        {
            metadata[key] = value;
        }

        metadata[MetadataKeys.Meta] = Typed(metadata);
        return metadata;
    }

    /// <summary>
    /// Every key of <paramref name="metadata"/> as one JSON object, in the same order: the keys whose text is
    /// JSON (<see cref="MetadataKeys.JsonValued"/>: numbers, arrays, objects) as those values, the rest as strings.
    /// </summary>
    public static string Typed(IReadOnlyDictionary<string, string> metadata)
    {
        var json = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            if (key != MetadataKeys.Meta)
            {
                json[key] = MetadataKeys.JsonValued.Contains(key) ? JsonNode.Parse(value) : JsonValue.Create(value);
            }
        }

        return json.ToJsonString(MetaOptions);
    }

    /// <summary>A sampled design as its metadata describes it, or null for a grid.</summary>
    public static DesignInfo? DesignOf(SweepSpec spec)
    {
        if (spec.Design is not { } design)
        {
            return null;
        }

        var h = design.Header;
        return new DesignInfo(
            SweepSpecParser.DesignKindName(design.Kind), h.Samples, h.Evaluations, h.Group, h.SecondOrder != 0, h.Levels, h.Seed,
            [.. spec.Uncertain.Select(u => u.Column)])
        {
            Distributions = [.. spec.Uncertain.Select(u => new DistributionInfo(
                DistributionNames.Name(u.Distribution.Kind), u.Distribution.Parameters, u.Distribution.Values, u.Distribution.Weights))],
        };
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// The baseline calibration (data/baseline.json): the regions and every parameter's value, with the
/// unit, source and note the file gives each.
/// </summary>
/// <param name="Regions">Region names in model order, 1 … 8 of them.</param>
/// <param name="Slots">Every parameter value, laid out by the model's slots; unused region slots are 0.</param>
/// <param name="Focus">Default focus region name.</param>
/// <param name="RivalA">Default first rival.</param>
/// <param name="RivalB">Default second rival.</param>
/// <param name="HorizonMonths">Default horizon.</param>
/// <param name="Hash">SHA-256 of the baseline file's bytes, lower-case hex.</param>
/// <param name="SourceName">Where it came from (a path, or "built-in").</param>
public sealed record Baseline(
    IReadOnlyList<string> Regions,
    IReadOnlyList<double> Slots,
    string Focus,
    string RivalA,
    string RivalB,
    int HorizonMonths,
    string Hash,
    string SourceName)
{
    /// <summary>The model the baseline calibrates (from its <c>model_version</c>).</summary>
    public ModelDescriptor Model { get; init; } = ModelV1.Descriptor;

    /// <summary>Every parameter's unit, source and note, by parameter name (one entry for a per-region parameter).</summary>
    public IReadOnlyDictionary<string, ValueSource> Sources { get; init; } = new Dictionary<string, ValueSource>();

    /// <summary>Calendar month of t = 0, "YYYY-MM" (the file's <c>start_month</c>).</summary>
    public string StartMonth { get; init; } = "2025-01";

    /// <summary>The run shape of one scenario over <paramref name="months"/> (default: the baseline's horizon), with its regions and default focus and rivals.</summary>
    public ModelShape Shape(int? months = null)
    {
        var regions = Regions.ToList();
        return new ModelShape(months ?? HorizonMonths, regions.Count, regions.IndexOf(Focus), regions.IndexOf(RivalA), regions.IndexOf(RivalB));
    }
}

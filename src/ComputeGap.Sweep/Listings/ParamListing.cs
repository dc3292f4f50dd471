using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Sweep.Listings;

/// <summary>Every parameter of a baseline's model, from its descriptor, with the baseline's values and sources.</summary>
public static class ParamListing
{
    /// <summary>The model's global parameters in descriptor order, then its per-region ones.</summary>
    public static IReadOnlyList<ParamEntry> Of(Baseline baseline)
    {
        var model = baseline.Model;
        return [.. model.Globals.Concat(model.Regionals).Select(info => new ParamEntry(
            info,
            ParamRange.Of(info.Kind),
            baseline.Sources[info.Name],
            [.. Enumerable.Range(0, info.IsRegional ? baseline.Regions.Count : 1).Select(r => baseline.Slots[ModelDescriptor.SlotOf(info, r)])]))];
    }
}

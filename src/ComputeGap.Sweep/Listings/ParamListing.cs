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

    /// <summary>
    /// The unit of every input column a sweep of the model with version <paramref name="modelVersion"/>
    /// (a run's <c>model_version</c>) writes — <c>leakage</c>, <c>capex0_EU</c> — from its built-in
    /// baseline's sources; empty for an unknown model, and parameters without a unit are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ColumnUnits(string? modelVersion)
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        if (modelVersion is null || ModelCatalog.ByVersion(modelVersion) is not { } model)
        {
            return units;
        }

        var baseline = BaselineLoader.LoadBuiltIn(model);
        foreach (var entry in Of(baseline).Where(e => e.Source.Unit.Length > 0))
        {
            foreach (var column in entry.Info.IsRegional ? baseline.Regions.Select(r => ParamRef.ColumnOf(entry.Info.Name, r)) : [entry.Info.Name])
            {
                units[column] = entry.Source.Unit;
            }
        }

        return units;
    }
}

using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Sweep.Spec;

/// <summary>
/// A parameter named in a sweep file: <c>leakage</c> for a global, <c>dc_growth[EU]</c> for a
/// per-region field of one region.
/// </summary>
/// <param name="Info">The catalog entry.</param>
/// <param name="Region">Region index for per-region parameters, -1 for globals.</param>
/// <param name="Text">The name as written in the file.</param>
/// <param name="Column">Output column name: <c>leakage</c>, <c>dc_growth_EU</c>.</param>
internal readonly record struct ParamRef(ParamInfo Info, int Region, string Text, string Column)
{
    /// <summary>The parameter's slot in its model's layout.</summary>
    public int Slot => ModelDescriptor.SlotOf(Info, Math.Max(Region, 0));

    /// <summary>Resolves <paramref name="text"/> against <paramref name="model"/>'s catalogue and <paramref name="regions"/>.</summary>
    public static ParamRef Parse(string text, ModelDescriptor model, IReadOnlyList<string> regions, SpecJson json, string path)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        var info = model.Find(name) ?? throw json.Fail(path, Unknown(name, model));
        if (open < 0)
        {
            if (info.IsRegional)
            {
                throw json.Fail(path, $"{name} is per-region: write {name}[REGION] with REGION one of {SpecErrors.List(regions)}");
            }

            return new ParamRef(info, -1, text, name);
        }

        if (!info.IsRegional)
        {
            throw json.Fail(path, $"{name} is global: write it without [REGION] (got {SpecErrors.Quote(text)})");
        }

        if (!text.EndsWith(']'))
        {
            throw json.Fail(path, $"per-region parameter must be written {name}[REGION] (got {SpecErrors.Quote(text)})");
        }

        var regionName = text[(open + 1)..^1];
        var region = IndexOf(regions, regionName);
        if (region < 0)
        {
            throw json.Fail(path, $"unknown region {SpecErrors.Quote(regionName)} in {SpecErrors.Quote(text)}{SpecErrors.Suggest(regionName, regions)} (regions: {SpecErrors.List(regions)})");
        }

        return new ParamRef(info, region, text, ColumnOf(name, regions[region]));
    }

    /// <summary>The output column of a per-region parameter's field for one region: <c>dc_growth_EU</c>.</summary>
    public static string ColumnOf(string name, string region) => name + "_" + region;

    /// <summary>
    /// Why <paramref name="name"/> is not a parameter of <paramref name="model"/>: it belongs to another
    /// model, or it is unknown (with the closest name of this model when one is near).
    /// </summary>
    public static string Unknown(string name, ModelDescriptor model)
    {
        var elsewhere = ModelCatalog.Having(name).Select(m => m.Name).ToList();
        return elsewhere.Count > 0
            ? $"{SpecErrors.Quote(name)} is a parameter of model {string.Join(" and ", elsewhere)}, not of model {model.Name} (set \"model\" to choose the model)"
            : $"unknown parameter {SpecErrors.Quote(name)} of model {model.Name}" + SpecErrors.Suggest(name, model.Globals.Concat(model.Regionals).Select(p => p.Name));
    }

    /// <summary>Index of region <paramref name="name"/> (exact match), or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> regions, string name)
    {
        for (var r = 0; r < regions.Count; r++)
        {
            if (string.Equals(regions[r], name, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return -1;
    }

    /// <summary>The rule <paramref name="value"/> breaks for this parameter, or null.</summary>
    public string? Check(double value) => ValueRules.Check(Info, Text, value);
}

/// <summary>Value checks: <see cref="ParamRules"/> plus what float32 kernels need.</summary>
internal static class ValueRules
{
    /// <summary>Null when valid, else "<paramref name="display"/> RULE (got VALUE)".</summary>
    public static string? Check(ParamInfo info, string display, double value)
    {
        var broken = ParamRules.Check(info.Kind, value);
        if (broken is null && info.Kind == ParamKind.Positive && (float)value <= 0)
        {
            // Kernels compute in float32; a positive double that rounds to 0 would divide by zero.
            broken = "must be > 0 in float32 (it rounds to 0)";
        }

        return broken is null ? null : $"{display} {broken} (got {SpecErrors.Num(value)})";
    }

    /// <summary>True when the kind is an interval, so checking a range's two ends checks all of it.</summary>
    public static bool IsInterval(ParamKind kind) => kind is not (ParamKind.Flag or ParamKind.Month);
}

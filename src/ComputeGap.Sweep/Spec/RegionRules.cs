using ComputeGap.Core;

namespace ComputeGap.Sweep.Spec;

/// <summary>Rules on region lists and on the focus and rival names (MODEL.md, "Valid inputs").</summary>
internal static class RegionRules
{
    /// <summary>The region list: 1 … 8 unique names of ASCII letters, digits and underscores.</summary>
    /// <remarks>Names must differ ignoring case too, as they become output column suffixes.</remarks>
    public static List<string> Regions(SpecJson json, JsonMember member)
    {
        var items = json.Elements(member.Value, member.Path);
        if (items.Count is < 1 or > ModelLimits.MaxRegions)
        {
            throw json.Fail(member.Path, $"must list 1 to {ModelLimits.MaxRegions} regions (got {items.Count})");
        }

        var regions = new List<string>(items.Count);
        foreach (var item in items)
        {
            var name = json.String(item.Value, item.Path);
            if (!IsRegionName(name))
            {
                throw json.Fail(item.Path, $"region name must be non-empty ASCII letters, digits or underscores (got {SpecErrors.Quote(name)})");
            }

            var earlier = regions.Find(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            if (earlier is not null)
            {
                throw json.Fail(item.Path, $"region {SpecErrors.Quote(name)} is listed twice (as {SpecErrors.Quote(earlier)}; names must differ ignoring case)");
            }

            regions.Add(name);
        }

        return regions;
    }

    /// <summary>The index of the focus region named at <paramref name="member"/>.</summary>
    public static int Focus(SpecJson json, JsonMember member, IReadOnlyList<string> regions) =>
        Region(json, member.Value, member.Path, regions, "focus");

    /// <summary>The indices of the two rivals listed at <paramref name="member"/>.</summary>
    public static (int A, int B) Rivals(SpecJson json, JsonMember member, IReadOnlyList<string> regions)
    {
        var items = json.Elements(member.Value, member.Path);
        if (items.Count != 2)
        {
            throw json.Fail(member.Path, $"rivals must name exactly two regions (got {items.Count})");
        }

        var a = Region(json, items[0].Value, items[0].Path, regions, "rival");
        var b = Region(json, items[1].Value, items[1].Path, regions, "rival");
        if (a == b)
        {
            throw json.Fail(items[1].Path, $"rivals must be two different regions (got {regions[a]} twice)");
        }

        return (a, b);
    }

    /// <summary>A model without regions (a test function) takes no region keys: name the first one given.</summary>
    public static void RefuseRegionKeys(SpecJson json, Core.Models.ModelDescriptor model, IEnumerable<JsonMember> members)
    {
        foreach (var member in members)
        {
            if (member.Name is "regions" or "focus" or "rivals" or "regional")
            {
                throw json.Fail(member.Path, $"model {model.Name} has no regions: remove {SpecErrors.Quote(member.Name)}");
            }
        }
    }

    private static int Region(SpecJson json, System.Text.Json.JsonElement value, string path, IReadOnlyList<string> regions, string what)
    {
        var name = json.String(value, path);
        var index = ParamRef.IndexOf(regions, name);
        if (index < 0)
        {
            throw json.Fail(path, $"{what} {SpecErrors.Quote(name)} is not a region (regions: {SpecErrors.List(regions)})");
        }

        return index;
    }

    private static bool IsRegionName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

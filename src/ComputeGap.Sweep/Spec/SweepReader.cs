using ComputeGap.Core;

namespace ComputeGap.Sweep.Spec;

/// <summary>Reads and validates a sweep file; see <see cref="SweepSpecParser"/>.</summary>
internal static class SweepReader
{
    private static readonly string[] TopKeys =
        ["name", "description", "horizon_months", "focus", "rivals", "baseline", "set", "axes"];

    public static SweepSpec Read(string text, string file, Baseline? baseline)
    {
        var json = new SpecJson(file);
        using var document = json.ParseDocument(text);
        var top = SpecJson.ByName(json.Members(document.RootElement, JsonPaths.Root, TopKeys));
        if (!top.TryGetValue("axes", out var axesMember))
        {
            throw json.Fail(JsonPaths.Root, "missing key \"axes\"");
        }

        var resolved = ResolveBaseline(json, top, baseline);
        var regions = resolved.Regions;
        var name = top.TryGetValue("name", out var nameMember) ? json.Line(nameMember.Value, nameMember.Path, "name") : DefaultName(file);
        if (top.TryGetValue("description", out var description))
        {
            json.String(description.Value, description.Path);
        }

        var horizon = top.TryGetValue("horizon_months", out var horizonMember)
            ? (int)json.Whole(horizonMember.Value, horizonMember.Path, "horizon_months", 1, ModelLimits.MaxMonths)
            : resolved.HorizonMonths;
        var focus = top.TryGetValue("focus", out var focusMember)
            ? RegionRules.Focus(json, focusMember, regions)
            : ParamRef.IndexOf(regions, resolved.Focus);
        var (rivalA, rivalB) = top.TryGetValue("rivals", out var rivalsMember)
            ? RegionRules.Rivals(json, rivalsMember, regions)
            : (ParamRef.IndexOf(regions, resolved.RivalA), ParamRef.IndexOf(regions, resolved.RivalB));

        var slots = resolved.Slots.ToArray();
        var fixedAt = new Dictionary<int, string>();
        if (top.TryGetValue("set", out var setMember))
        {
            ApplySet(json, setMember, regions, slots, fixedAt);
        }

        var read = AxisReader.ReadAll(json, axesMember, regions, fixedAt);
        var axes = read.ConvertAll(a => a.Axis);
        var count = GridRules.ScenarioCount(json, axes, axesMember.Path);
        SlotLow Lowest(int slot)
        {
            var onAxis = read.FindIndex(a => a.Axis.Slot == slot);
            if (onAxis >= 0)
            {
                return new SlotLow(AxisValues.Lowest(read[onAxis].Axis.Values), read[onAxis].Path);
            }

            return new SlotLow(slots[slot], fixedAt.TryGetValue(slot, out var path) ? path : null);
        }

        GridRules.CheckCrossRules(json, Lowest, regions, focus, top.ContainsKey("focus") ? focusMember.Path : JsonPaths.Root);
        return new SweepSpec(
            name, horizon, regions, focus, rivalA, rivalB, Array.AsReadOnly(slots), axes.AsReadOnly(), count, text, file, resolved);
    }

    /// <summary>
    /// The baseline given by the caller; else the file's <c>baseline</c> key (a path relative to the
    /// sweep file's directory); else the built-in baseline.
    /// </summary>
    private static Baseline ResolveBaseline(SpecJson json, Dictionary<string, JsonMember> top, Baseline? baseline)
    {
        if (!top.TryGetValue("baseline", out var member))
        {
            return baseline ?? BaselineLoader.LoadBuiltIn();
        }

        var relative = json.Line(member.Value, member.Path, "baseline");
        if (baseline is not null)
        {
            return baseline;
        }

        var path = Path.Combine(SpecFiles.DirectoryOf(json.File), relative);
        try
        {
            return BaselineLoader.Load(path);
        }
        catch (SpecException ex)
        {
            throw json.Fail(member.Path, "baseline " + ex.Message);
        }
    }

    private static void ApplySet(SpecJson json, JsonMember set, IReadOnlyList<string> regions, double[] slots, Dictionary<int, string> fixedAt)
    {
        foreach (var entry in json.Members(set.Value, set.Path, allowed: null))
        {
            var param = ParamRef.Parse(entry.Name, regions, json, entry.Path);
            var value = json.Number(entry.Value, entry.Path);
            var broken = param.Check(value);
            if (broken is not null)
            {
                throw json.Fail(entry.Path, broken);
            }

            slots[param.Slot] = value;
            fixedAt[param.Slot] = entry.Path;
        }
    }

    /// <summary>A sweep with no <c>name</c> is named after its file.</summary>
    private static string DefaultName(string file)
    {
        var name = file == SpecFiles.BuiltIn ? file : Path.GetFileNameWithoutExtension(file);
        name = SpecErrors.OneLine(name).Trim();
        return name.Length > 0 ? name : "sweep";
    }
}

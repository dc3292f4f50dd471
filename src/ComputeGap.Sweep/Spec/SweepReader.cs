using ComputeGap.Core;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>Reads and validates a sweep file; see <see cref="SweepSpecParser"/>.</summary>
internal static class SweepReader
{
    private static readonly string[] TopKeys =
        ["name", "description", "model", "horizon_months", "focus", "rivals", "baseline", "set", "axes", "design", "uncertain", "levers", "thresholds"];

    public static SweepSpec Read(string text, string file, Baseline? baseline)
    {
        var json = new SpecJson(file);
        using var document = json.ParseDocument(text);
        var top = SpecJson.ByName(json.Members(document.RootElement, JsonPaths.Root, TopKeys));
        var (kind, designFields) = top.TryGetValue("design", out var designMember)
            ? DesignReader.Kind(json, designMember)
            : (DesignKind.Grid, []);
        var axesKey = kind == DesignKind.Grid ? "axes" : "levers";
        DesignRules.CheckKeys(json, kind, top);
        var axesMember = top.TryGetValue(axesKey, out var member) ? member : new JsonMember(axesKey, EmptyArray, JsonPaths.Member(JsonPaths.Root, axesKey));

        var model = top.TryGetValue("model", out var modelMember) ? Model(json, modelMember) : null;
        var resolved = ResolveBaseline(json, top, baseline, model);
        if (model is not null && resolved.Model != model)
        {
            throw json.Fail(modelMember.Path, $"the sweep runs model {model.Name} but its baseline ({resolved.SourceName}) calibrates model {resolved.Model.Name}");
        }

        model = resolved.Model;
        var regions = resolved.Regions;
        var name = top.TryGetValue("name", out var nameMember) ? json.Line(nameMember.Value, nameMember.Path, "name") : DefaultName(file);
        var description = top.TryGetValue("description", out var descriptionMember)
            ? json.String(descriptionMember.Value, descriptionMember.Path)
            : string.Empty;

        var horizon = top.TryGetValue("horizon_months", out var horizonMember)
            ? (int)json.Whole(horizonMember.Value, horizonMember.Path, "horizon_months", 1, ModelLimits.MaxMonths)
            : resolved.HorizonMonths;
        if (!model.HasRegions)
        {
            RegionRules.RefuseRegionKeys(json, model, top.Values);
        }

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
            ApplySet(json, setMember, model, regions, slots, fixedAt);
        }

        var read = AxisReader.ReadAll(json, axesMember, model, regions, fixedAt);
        var axes = read.ConvertAll(a => a.Axis);
        var count = GridRules.ScenarioCount(json, axes, axesMember.Path);
        var uncertain = kind == DesignKind.Grid ? [] : DesignReader.Uncertain(json, top["uncertain"], model, regions);
        DesignRules.CheckLeversApart(json, read, uncertain);
        var design = kind == DesignKind.Grid ? null : DesignReader.Sampled(json, designMember, kind, designFields, uncertain);
        if (design is not null)
        {
            count = DesignRules.ScenarioCount(json, count, design, designMember.Path);
        }

        SlotSpan Span(int slot)
        {
            var sampled = uncertain.FindIndex(u => u.Param.Slot == slot);
            if (sampled >= 0)
            {
                var (low, high) = uncertain[sampled].Distribution.Bounds;
                return new SlotSpan(low, high, uncertain[sampled].Path);
            }

            var onAxis = read.FindIndex(a => a.Axis.Slot == slot);
            if (onAxis >= 0)
            {
                var values = read[onAxis].Axis.Values;
                var (lowest, highest) = AxisValues.Bounds(values);
                return new SlotSpan(lowest, highest, read[onAxis].Path);
            }

            return new SlotSpan(slots[slot], slots[slot], fixedAt.TryGetValue(slot, out var path) ? path : null);
        }

        if (model.HasRegions)
        {
            GridRules.CheckCrossRules(json, model, Span, regions, focus, top.ContainsKey("focus") ? focusMember.Path : JsonPaths.Root);
        }
        var thresholds = top.TryGetValue("thresholds", out var thresholdsMember)
            ? ThresholdReader.Read(json, thresholdsMember, model, regions)
            : [];
        return new SweepSpec(
            name, horizon, regions, focus, rivalA, rivalB, Array.AsReadOnly(slots), axes.AsReadOnly(), count, text, file, resolved, model)
        {
            Description = SpecErrors.OneLine(description).Trim(),
            Design = design,
            Uncertain = [.. uncertain.Select(u => new SweepUncertain(u.Param.Text, u.Param.Column, u.Param.Slot, u.Distribution))],
            Thresholds = thresholds,
        };
    }

    private static readonly System.Text.Json.JsonElement EmptyArray = System.Text.Json.JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>The model named by the file's <c>model</c> key.</summary>
    private static ModelDescriptor Model(SpecJson json, JsonMember member)
    {
        var name = json.String(member.Value, member.Path);
        return ModelCatalog.Find(name)
            ?? throw json.Fail(member.Path, $"unknown model {SpecErrors.Quote(name)} (models: {SpecErrors.List(ModelCatalog.All.Select(m => m.Name))})"
                + SpecErrors.Suggest(name, ModelCatalog.All.Select(m => m.Name)));
    }

    /// <summary>
    /// The baseline given by the caller; else the file's <c>baseline</c> key (a path relative to the
    /// sweep file's directory); else the built-in baseline of the file's model (or of the default model).
    /// </summary>
    private static Baseline ResolveBaseline(SpecJson json, Dictionary<string, JsonMember> top, Baseline? baseline, ModelDescriptor? model)
    {
        if (!top.TryGetValue("baseline", out var member))
        {
            return baseline ?? BaselineLoader.LoadBuiltIn(model ?? ModelCatalog.Default);
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

    private static void ApplySet(SpecJson json, JsonMember set, ModelDescriptor model, IReadOnlyList<string> regions, double[] slots, Dictionary<int, string> fixedAt)
    {
        foreach (var entry in json.Members(set.Value, set.Path, allowed: null))
        {
            var param = ParamRef.Parse(entry.Name, model, regions, json, entry.Path);
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

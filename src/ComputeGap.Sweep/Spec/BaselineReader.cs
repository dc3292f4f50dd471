using System.Security.Cryptography;
using System.Text;
using System.Globalization;
using ComputeGap.Core;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>Reads and validates a baseline file (data/baseline.json); see <see cref="BaselineLoader"/>.</summary>
internal static class BaselineReader
{
    private static readonly string[] TopKeys =
        ["model_version", "description", "start_month", "horizon_months", "regions", "focus", "rivals", "globals", "regional"];

    private static readonly string[] GlobalKeys = ["value", "unit", "source", "note"];

    private static readonly string[] RegionalKeys = ["values", "unit", "source", "note"];

    public static Baseline Read(string text, string file)
    {
        var json = new SpecJson(file);
        using var document = json.ParseDocument(text);
        var top = SpecJson.ByName(json.Members(document.RootElement, JsonPaths.Root, TopKeys));
        JsonMember Required(string key) =>
            top.TryGetValue(key, out var member) ? member : throw json.Fail(JsonPaths.Root, $"missing key \"{key}\"");

        var version = Required("model_version");
        var versionText = json.String(version.Value, version.Path);
        var model = ModelCatalog.ByVersion(versionText)
            ?? throw json.Fail(version.Path, $"model_version must be one of {SpecErrors.List(ModelCatalog.All.Select(m => $"\"{m.Version}\""))} (got {SpecErrors.Quote(versionText)})");

        if (top.TryGetValue("description", out var description))
        {
            json.String(description.Value, description.Path);
        }

        var startMonth = StartMonth(json, Required("start_month"));
        var horizonMember = Required("horizon_months");
        var horizon = (int)json.Whole(horizonMember.Value, horizonMember.Path, "horizon_months", 1, ModelLimits.MaxMonths);
        var slots = new double[model.ParamSlotCount];
        var slotPaths = new string?[model.ParamSlotCount];
        var sources = new Dictionary<string, ValueSource>(StringComparer.Ordinal);
        List<string> regions;
        int focus, rivalA, rivalB;
        if (model.HasRegions)
        {
            regions = RegionRules.Regions(json, Required("regions"));
            focus = RegionRules.Focus(json, Required("focus"), regions);
            (rivalA, rivalB) = RegionRules.Rivals(json, Required("rivals"), regions);
            ReadGlobals(json, model, Required("globals"), slots, slotPaths, sources);
            ReadRegionals(json, model, Required("regional"), regions, slots, slotPaths, sources);
            GridRules.CheckCrossRules(json, model, slot => new SlotSpan(slots[slot], slots[slot], slotPaths[slot]), regions, focus, JsonPaths.Root);
        }
        else
        {
            RegionRules.RefuseRegionKeys(json, model, top.Values);
            (regions, focus, rivalA, rivalB) = ([ModelDescriptor.NominalRegion], 0, 0, 0);
            ReadGlobals(json, model, Required("globals"), slots, slotPaths, sources);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new Baseline(regions.AsReadOnly(), Array.AsReadOnly(slots), regions[focus], regions[rivalA], regions[rivalB], horizon, hash, file)
        {
            StartMonth = startMonth,
            Model = model,
            Sources = sources,
        };
    }

    private static void ReadGlobals(SpecJson json, ModelDescriptor model, JsonMember globals, double[] slots, string?[] slotPaths, Dictionary<string, ValueSource> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in json.Members(globals.Value, globals.Path, allowed: null))
        {
            var info = model.Find(entry.Name) ?? throw json.Fail(entry.Path, ParamRef.Unknown(entry.Name, model));
            if (info.IsRegional)
            {
                throw json.Fail(entry.Path, $"{info.Name} is per-region: put it under $.regional");
            }

            var fields = Documented(json, entry, GlobalKeys, sources);
            var value = Field(json, entry, fields, "value");
            var number = json.Number(value.Value, value.Path);
            var broken = ValueRules.Check(info, info.Name, number);
            if (broken is not null)
            {
                throw json.Fail(value.Path, broken);
            }

            var slot = ModelDescriptor.SlotOf(info, 0);
            slots[slot] = number;
            slotPaths[slot] = value.Path;
            seen.Add(info.Name);
        }

        foreach (var info in model.Globals)
        {
            if (!seen.Contains(info.Name))
            {
                throw json.Fail(globals.Path, $"missing parameter {info.Name}");
            }
        }
    }

    private static void ReadRegionals(SpecJson json, ModelDescriptor model, JsonMember regional, List<string> regions, double[] slots, string?[] slotPaths, Dictionary<string, ValueSource> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in json.Members(regional.Value, regional.Path, allowed: null))
        {
            var info = model.Find(entry.Name) ?? throw json.Fail(entry.Path, ParamRef.Unknown(entry.Name, model));
            if (!info.IsRegional)
            {
                throw json.Fail(entry.Path, $"{info.Name} is global: put it under $.globals");
            }

            var fields = Documented(json, entry, RegionalKeys, sources);
            var values = Field(json, entry, fields, "values");
            var filled = new bool[regions.Count];
            foreach (var item in json.Members(values.Value, values.Path, allowed: null))
            {
                var region = ParamRef.IndexOf(regions, item.Name);
                if (region < 0)
                {
                    throw json.Fail(item.Path, $"unknown region {SpecErrors.Quote(item.Name)}{SpecErrors.Suggest(item.Name, regions)} (regions: {SpecErrors.List(regions)})");
                }

                var number = json.Number(item.Value, item.Path);
                var broken = ValueRules.Check(info, $"{info.Name}[{regions[region]}]", number);
                if (broken is not null)
                {
                    throw json.Fail(item.Path, broken);
                }

                var slot = ModelDescriptor.SlotOf(info, region);
                slots[slot] = number;
                slotPaths[slot] = item.Path;
                filled[region] = true;
            }

            var missing = Array.IndexOf(filled, false);
            if (missing >= 0)
            {
                throw json.Fail(values.Path, $"missing region {regions[missing]}");
            }

            seen.Add(info.Name);
        }

        foreach (var info in model.Regionals)
        {
            if (!seen.Contains(info.Name))
            {
                throw json.Fail(regional.Path, $"missing parameter {info.Name}");
            }
        }
    }

    /// <summary>A parameter entry's fields; its <c>source</c> and one-line <c>note</c> are required, and kept in <paramref name="sources"/> with its optional <c>unit</c>.</summary>
    private static Dictionary<string, JsonMember> Documented(SpecJson json, JsonMember entry, string[] keys, Dictionary<string, ValueSource> sources)
    {
        var fields = SpecJson.ByName(json.Members(entry.Value, entry.Path, keys));
        var source = Field(json, entry, fields, "source");
        var sourceText = json.Line(source.Value, source.Path, "source");
        var note = Field(json, entry, fields, "note");
        var noteText = json.Line(note.Value, note.Path, "note");
        var unit = fields.TryGetValue("unit", out var unitMember) ? json.Line(unitMember.Value, unitMember.Path, "unit") : string.Empty;
        sources[entry.Name] = new ValueSource(unit, sourceText, noteText);
        return fields;
    }

    private static JsonMember Field(SpecJson json, JsonMember entry, Dictionary<string, JsonMember> fields, string key) =>
        fields.TryGetValue(key, out var member) ? member : throw json.Fail(entry.Path, $"missing key \"{key}\"");

    /// <summary>"YYYY-MM", the calendar month of t = 0.</summary>
    private static string StartMonth(SpecJson json, JsonMember member)
    {
        var text = json.String(member.Value, member.Path);
        var valid = text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12;
        return valid ? text : throw json.Fail(member.Path, $"start_month must be YYYY-MM (got {SpecErrors.Quote(text)})");
    }
}

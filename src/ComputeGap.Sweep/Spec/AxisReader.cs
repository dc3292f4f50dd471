using System.Collections.ObjectModel;
using ComputeGap.Core.Models;

namespace ComputeGap.Sweep.Spec;

/// <summary>An axis as read, with the JSONPath of its entry for later messages.</summary>
internal readonly record struct ReadAxis(SweepAxis Axis, string Path);

/// <summary>Reads the <c>axes</c> array of a sweep file: values, range and log_range axes.</summary>
internal static class AxisReader
{
    private static readonly string[] AxisKeys = ["param", "values", "range", "log_range"];

    private static readonly string[] RangeKeys = ["from", "to", "count"];

    /// <param name="json">The file being read.</param>
    /// <param name="axes">The <c>axes</c> member.</param>
    /// <param name="model">The model whose parameters the axes sweep.</param>
    /// <param name="regions">Region names of the resolved baseline.</param>
    /// <param name="fixedAt">Slots fixed by <c>set</c>, with the entry's path. An axis may sweep them too
    /// (the issue's own example does): the axis wins, and the set value only stands where no axis applies.</param>
    public static List<ReadAxis> ReadAll(SpecJson json, JsonMember axes, ModelDescriptor model, IReadOnlyList<string> regions, IReadOnlyDictionary<int, string> fixedAt)
    {
        var read = new List<ReadAxis>();
        foreach (var item in json.Elements(axes.Value, axes.Path))
        {
            var members = json.Members(item.Value, item.Path, AxisKeys);
            var fields = SpecJson.ByName(members);
            if (!fields.TryGetValue("param", out var paramMember))
            {
                throw json.Fail(item.Path, "missing key \"param\"");
            }

            var param = ParamRef.Parse(json.String(paramMember.Value, paramMember.Path), model, regions, json, paramMember.Path);
            var earlier = read.FindIndex(a => a.Axis.Slot == param.Slot);
            if (earlier >= 0)
            {
                throw json.Fail(paramMember.Path, $"{param.Text} is already swept by {read[earlier].Path}");
            }

            var sources = members.FindAll(m => m.Name != "param");
            if (sources.Count == 0)
            {
                throw json.Fail(item.Path, "an axis needs one of values, range or log_range");
            }

            if (sources.Count > 1)
            {
                throw json.Fail(sources[1].Path, $"an axis takes exactly one of values, range or log_range (got {sources[0].Name} and {sources[1].Name})");
            }

            var source = sources[0];
            IReadOnlyList<double> values;
            if (source.Name == "values")
            {
                values = Values(json, source, param);
                AxisRepeats.CheckList(json, source, values);
            }
            else
            {
                values = Range(json, source, param, geometric: source.Name == "log_range");
            }

            read.Add(new ReadAxis(new SweepAxis(param.Text, param.Column, param.Slot, values), item.Path));
        }

        return read;
    }

    /// <summary>A non-empty list of values, each valid for <paramref name="param"/> (an axis's values, a choice's values).</summary>
    public static ReadOnlyCollection<double> Values(SpecJson json, JsonMember member, ParamRef param)
    {
        var items = json.Elements(member.Value, member.Path);
        if (items.Count == 0)
        {
            throw json.Fail(member.Path, "values must not be empty (an axis or a choice needs at least one value)");
        }

        if (items.Count > GridRules.MaxAxisValues)
        {
            throw json.Fail(member.Path, $"an axis holds at most {GridRules.MaxAxisValues} values (got {items.Count})");
        }

        var values = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            values[i] = json.Number(items[i].Value, items[i].Path);
            var broken = param.Check(values[i]);
            if (broken is not null)
            {
                throw json.Fail(items[i].Path, broken);
            }
        }

        return Array.AsReadOnly(values);
    }

    private static RangeValues Range(SpecJson json, JsonMember member, ParamRef param, bool geometric)
    {
        var fields = SpecJson.ByName(json.Members(member.Value, member.Path, RangeKeys));
        JsonMember Required(string key) =>
            fields.TryGetValue(key, out var m) ? m : throw json.Fail(member.Path, $"missing key \"{key}\"");

        var fromMember = Required("from");
        var toMember = Required("to");
        var countMember = Required("count");
        var from = json.Number(fromMember.Value, fromMember.Path);
        var to = json.Number(toMember.Value, toMember.Path);
        var count = Count(json, countMember);
        if (geometric && !(from > 0))
        {
            throw json.Fail(fromMember.Path, $"log_range needs from > 0 (got {SpecErrors.Num(from)})");
        }

        if (geometric && !(to > 0))
        {
            throw json.Fail(toMember.Path, $"log_range needs to > 0 (got {SpecErrors.Num(to)})");
        }

        RangeValues values = geometric ? new GeometricValues(from, to, count) : new LinearValues(from, to, count);
        AxisRepeats.CheckRange(json, member, countMember, values, to);
        Validate(json, values, param, fromMember.Path, toMember.Path, member.Path);
        return values;
    }

    private static int Count(SpecJson json, JsonMember member)
    {
        var count = json.Number(member.Value, member.Path);
        if (Math.Floor(count) != count)
        {
            throw json.Fail(member.Path, $"count must be a whole number (got {SpecErrors.Num(count)})");
        }

        if (count < 1)
        {
            throw json.Fail(member.Path, $"count must be >= 1: an axis needs at least one value (got {SpecErrors.Num(count)})");
        }

        if (count > GridRules.MaxAxisValues)
        {
            throw json.Fail(member.Path, $"count must be <= {GridRules.MaxAxisValues} (got {SpecErrors.Num(count)})");
        }

        return (int)count;
    }

    /// <summary>
    /// Checks every value of a range. For interval rules the two ends bound every value; flags and
    /// months are also checked one by one (stopping at the first value that breaks the rule).
    /// </summary>
    private static void Validate(SpecJson json, RangeValues values, ParamRef param, string fromPath, string toPath, string rangePath)
    {
        var broken = param.Check(values.First);
        if (broken is not null)
        {
            throw json.Fail(fromPath, broken);
        }

        broken = param.Check(values.Last);
        if (broken is not null)
        {
            throw json.Fail(toPath, broken);
        }

        if (ValueRules.IsInterval(param.Info.Kind) || values.First == values.Last)
        {
            return;
        }

        for (var i = 1; i < values.Count - 1; i++)
        {
            broken = param.Check(values[i]);
            if (broken is not null)
            {
                throw json.Fail(rangePath, $"{broken} at value {i} of the range");
            }
        }
    }
}

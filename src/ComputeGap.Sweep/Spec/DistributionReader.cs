using ComputeGap.Core.Designs;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Sweep.Spec;

/// <summary>One distribution of an <c>uncertain</c> entry, checked against its own rules and its parameter's.</summary>
internal static class DistributionReader
{
    public static Distribution Read(SpecJson json, JsonMember family, ParamRef param)
    {
        var discrete = param.Info.Kind is ParamKind.Month or ParamKind.Flag;
        if (discrete && family.Name != "choice")
        {
            throw json.Fail(family.Path, $"{param.Text} takes whole values ({(param.Info.Kind == ParamKind.Month ? "months" : "0 or 1")}): give it a choice distribution");
        }

        var distribution = DistributionNames.KindOf(family.Name) switch
        {
            DistributionKind.Uniform => Interval(json, family, DistributionKind.Uniform),
            DistributionKind.LogUniform => Interval(json, family, DistributionKind.LogUniform),
            DistributionKind.Triangular => Triangular(json, family),
            DistributionKind.Normal => Normal(json, family),
            _ => Choice(json, family, param),
        };

        var (low, high) = distribution.Bounds;
        foreach (var (value, end) in new[] { (low, "lowest"), (high, "highest") })
        {
            if (double.IsInfinity(value))
            {
                if (param.Info.Kind == ParamKind.Real)
                {
                    continue;
                }

                throw json.Fail(family.Path, $"{param.Text} has a bounded range: give the normal distribution a \"{(value < 0 ? "min" : "max")}\"");
            }

            var broken = param.Check(value);
            if (broken is not null)
            {
                throw json.Fail(family.Path, $"its {end} value breaks the parameter's rule: {broken}");
            }
        }

        return distribution;
    }

    private static Distribution Interval(SpecJson json, JsonMember family, DistributionKind kind)
    {
        var f = Fields(json, family, ["from", "to"], ["from", "to"]);
        var from = json.Number(f["from"].Value, f["from"].Path);
        var to = json.Number(f["to"].Value, f["to"].Path);
        if (from > to)
        {
            throw json.Fail(f["to"].Path, $"{family.Name} needs from <= to (got from {SpecErrors.Num(from)}, to {SpecErrors.Num(to)})");
        }

        if (kind == DistributionKind.LogUniform && !(from > 0))
        {
            throw json.Fail(f["from"].Path, $"log_uniform needs from > 0 (got {SpecErrors.Num(from)})");
        }

        return new Distribution(kind, [from, to], [], []);
    }

    private static Distribution Triangular(SpecJson json, JsonMember family)
    {
        var f = Fields(json, family, ["min", "mode", "max"], ["min", "mode", "max"]);
        var min = json.Number(f["min"].Value, f["min"].Path);
        var mode = json.Number(f["mode"].Value, f["mode"].Path);
        var max = json.Number(f["max"].Value, f["max"].Path);
        if (min > max)
        {
            throw json.Fail(f["max"].Path, $"triangular needs min <= max (got min {SpecErrors.Num(min)}, max {SpecErrors.Num(max)})");
        }

        if (mode < min || mode > max)
        {
            throw json.Fail(f["mode"].Path, $"triangular needs min <= mode <= max (got mode {SpecErrors.Num(mode)})");
        }

        return new Distribution(DistributionKind.Triangular, [min, mode, max], [], []);
    }

    private static Distribution Normal(SpecJson json, JsonMember family)
    {
        var f = Fields(json, family, ["mean", "sd", "min", "max"], ["mean", "sd"]);
        var mean = json.Number(f["mean"].Value, f["mean"].Path);
        var sd = json.Number(f["sd"].Value, f["sd"].Path);
        if (!(sd > 0))
        {
            throw json.Fail(f["sd"].Path, $"normal needs sd > 0 (got {SpecErrors.Num(sd)})");
        }

        var min = f.TryGetValue("min", out var minMember) ? json.Number(minMember.Value, minMember.Path) : double.NegativeInfinity;
        var max = f.TryGetValue("max", out var maxMember) ? json.Number(maxMember.Value, maxMember.Path) : double.PositiveInfinity;
        if (!(min < max))
        {
            throw json.Fail(maxMember.Path, $"normal needs min < max (got min {SpecErrors.Num(min)}, max {SpecErrors.Num(max)})");
        }

        var mass = Core.Sampling.NormalQuantile.Cdf((max - mean) / sd) - Core.Sampling.NormalQuantile.Cdf((min - mean) / sd);
        if (!(mass > 1e-6))
        {
            throw json.Fail(family.Path, $"normal truncated to [{SpecErrors.Num(min)}, {SpecErrors.Num(max)}] keeps almost none of its mass (mean {SpecErrors.Num(mean)}, sd {SpecErrors.Num(sd)})");
        }

        return new Distribution(DistributionKind.Normal, [mean, sd, min, max], [], []);
    }

    private static Distribution Choice(SpecJson json, JsonMember family, ParamRef param)
    {
        var f = Fields(json, family, ["values", "weights"], ["values"]);
        var values = AxisReader.Values(json, f["values"], param).ToArray();
        for (var i = 1; i < values.Length; i++)
        {
            var twin = Array.IndexOf(values, values[i], 0, i);
            if (twin >= 0)
            {
                throw json.Fail(JsonPaths.Element(f["values"].Path, i), $"choice lists {SpecErrors.Num(values[i])} twice (entries {twin} and {i}); give it one entry with the summed weight");
            }
        }

        var weights = Enumerable.Repeat(1.0, values.Length).ToArray();
        if (f.TryGetValue("weights", out var weightsMember))
        {
            var weightItems = json.Elements(weightsMember.Value, weightsMember.Path);
            if (weightItems.Count != values.Length)
            {
                throw json.Fail(weightsMember.Path, $"choice needs one weight per value ({values.Length} values, {weightItems.Count} weights)");
            }

            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = json.Number(weightItems[i].Value, weightItems[i].Path);
                if (weights[i] < 0)
                {
                    throw json.Fail(weightItems[i].Path, $"weights must be >= 0 (got {SpecErrors.Num(weights[i])})");
                }
            }

            var sum = weights.Sum();
            if (!(sum > 0))
            {
                throw json.Fail(weightsMember.Path, "weights must sum to a positive number");
            }

            if (double.IsInfinity(sum))
            {
                throw json.Fail(weightsMember.Path, "weights must sum to a finite number (these add up beyond the largest double, 1.8e308); scale them down");
            }
        }

        return new Distribution(DistributionKind.Choice, [], values, weights);
    }

    private static Dictionary<string, JsonMember> Fields(SpecJson json, JsonMember family, string[] allowed, string[] required)
    {
        var fields = SpecJson.ByName(json.Members(family.Value, family.Path, allowed));
        foreach (var key in required)
        {
            if (!fields.ContainsKey(key))
            {
                throw json.Fail(family.Path, $"{family.Name} needs \"{key}\"");
            }
        }

        return fields;
    }
}

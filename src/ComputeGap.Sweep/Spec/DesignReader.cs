using System.Text.Json;
using ComputeGap.Core.Designs;
using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Sweep.Spec;

/// <summary>An uncertain parameter as read, with its name, column and the path of its entry.</summary>
internal readonly record struct ReadUncertain(ParamRef Param, Distribution Distribution, string Path);

/// <summary>A sweep file's <c>design</c> and <c>uncertain</c> entries.</summary>
internal static class DesignReader
{
    /// <summary>Most base samples of a Sobol-based design: the sequence is indexed by 32-bit integers.</summary>
    public const long MaxSobolSamples = 1L << 31;

    private static readonly string[] DesignKeys = ["kind", "samples", "seed", "second_order", "trajectories", "levels"];

    private static readonly string[] Families = ["uniform", "log_uniform", "triangular", "normal", "choice"];

    /// <summary>The kinds as files name them.</summary>
    public static readonly IReadOnlyDictionary<string, DesignKind> Kinds = new Dictionary<string, DesignKind>(StringComparer.Ordinal)
    {
        ["grid"] = DesignKind.Grid,
        ["monte_carlo"] = DesignKind.MonteCarlo,
        ["lhs"] = DesignKind.Lhs,
        ["sobol"] = DesignKind.Sobol,
        ["saltelli"] = DesignKind.Saltelli,
        ["morris"] = DesignKind.Morris,
    };

    /// <summary>The name of <paramref name="kind"/> in files.</summary>
    public static string Name(DesignKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>The design's kind, and its other members checked against it.</summary>
    public static (DesignKind Kind, Dictionary<string, JsonMember> Fields) Kind(SpecJson json, JsonMember design)
    {
        var fields = SpecJson.ByName(json.Members(design.Value, design.Path, DesignKeys));
        if (!fields.TryGetValue("kind", out var kindMember))
        {
            throw json.Fail(design.Path, $"missing key \"kind\" (one of {SpecErrors.List(Kinds.Keys)})");
        }

        var name = json.String(kindMember.Value, kindMember.Path);
        if (!Kinds.TryGetValue(name, out var kind))
        {
            throw json.Fail(kindMember.Path, $"unknown design kind {SpecErrors.Quote(name)} (kinds: {SpecErrors.List(Kinds.Keys)})" + SpecErrors.Suggest(name, Kinds.Keys));
        }

        string[] allowed = kind switch
        {
            DesignKind.Grid => ["kind"],
            DesignKind.Saltelli => ["kind", "samples", "seed", "second_order"],
            DesignKind.Morris => ["kind", "trajectories", "levels", "seed"],
            _ => ["kind", "samples", "seed"],
        };
        foreach (var field in fields.Values)
        {
            if (!allowed.Contains(field.Name))
            {
                throw json.Fail(field.Path, $"design {name} takes no {SpecErrors.Quote(field.Name)} (it takes {SpecErrors.List(allowed)})");
            }
        }

        return (kind, fields);
    }

    /// <summary>The sampled design of kind <paramref name="kind"/> over <paramref name="uncertain"/>.</summary>
    public static SampledDesign Sampled(SpecJson json, JsonMember design, DesignKind kind, Dictionary<string, JsonMember> fields, IReadOnlyList<ReadUncertain> uncertain)
    {
        var name = Name(kind);
        JsonMember Required(string key) =>
            fields.TryGetValue(key, out var m) ? m : throw json.Fail(design.Path, $"design {name} needs \"{key}\"");

        var seed = fields.TryGetValue("seed", out var seedMember) ? (uint)json.Whole(seedMember.Value, seedMember.Path, "seed", 0, uint.MaxValue) : 0u;
        var secondOrder = false;
        if (fields.TryGetValue("second_order", out var secondMember))
        {
            secondOrder = secondMember.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw json.Fail(secondMember.Path, "second_order must be true or false"),
            };
        }

        var d = uncertain.Count;
        var sobolDimensions = kind == DesignKind.Saltelli ? 2 * d : kind == DesignKind.Sobol ? d : 0;
        if (sobolDimensions > Core.Sampling.JoeKuoTable.MaxDimensions)
        {
            throw json.Fail(design.Path, $"design {name} needs {sobolDimensions} Sobol dimensions for {d} uncertain parameters; Joe and Kuo's table here has {Core.Sampling.JoeKuoTable.MaxDimensions}");
        }

        long samples;
        var levels = 0;
        if (kind == DesignKind.Morris)
        {
            var trajectories = Required("trajectories");
            samples = json.Whole(trajectories.Value, trajectories.Path, "trajectories", 2, GridRules.MaxScenarios / (d + 1));
            levels = fields.TryGetValue("levels", out var levelsMember) ? (int)json.Whole(levelsMember.Value, levelsMember.Path, "levels", 2, 1024) : 4;
            if (levels % 2 != 0)
            {
                throw json.Fail(fields["levels"].Path, $"levels must be even, so that the step p/(2(p-1)) lands on the grid (got {levels})");
            }
        }
        else
        {
            var member = Required("samples");
            var sobolBased = kind is DesignKind.Sobol or DesignKind.Saltelli;
            var max = sobolBased ? MaxSobolSamples : kind == DesignKind.Lhs ? uint.MaxValue : GridRules.MaxScenarios;
            samples = json.Whole(member.Value, member.Path, "samples", kind == DesignKind.Saltelli ? 2 : 1, max);
            if (sobolBased && (samples & (samples - 1)) != 0)
            {
                throw json.Fail(member.Path, $"samples must be a power of two for design {name}: a Sobol sequence is balanced only over 2^m points (got {samples}; the powers of two around it are {Below(samples)} and {2 * Below(samples)})");
            }
        }

        var group = SampledDesign.GroupOf(kind, d, secondOrder);
        if (samples > GridRules.MaxScenarios / group)
        {
            throw json.Fail(design.Path, $"design too large: {samples} x {group} evaluations exceeds the limit of 2^62");
        }

        var uncertainParams = uncertain.Select(u => new UncertainParam(u.Param.Slot, u.Distribution)).ToList();
        return new SampledDesign(kind, samples, seed, secondOrder, levels, uncertainParams);
    }

    /// <summary>Reads the <c>uncertain</c> array: one parameter and one distribution per entry.</summary>
    public static List<ReadUncertain> Uncertain(SpecJson json, JsonMember member, ModelDescriptor model, IReadOnlyList<string> regions)
    {
        var read = new List<ReadUncertain>();
        var items = json.Elements(member.Value, member.Path);
        if (items.Count == 0)
        {
            throw json.Fail(member.Path, "uncertain must list at least one parameter");
        }

        foreach (var item in items)
        {
            var fields = json.Members(item.Value, item.Path, ["param", .. Families]);
            var paramMember = fields.Find(f => f.Name == "param");
            if (paramMember.Name is null)
            {
                throw json.Fail(item.Path, "missing key \"param\"");
            }

            var param = ParamRef.Parse(json.String(paramMember.Value, paramMember.Path), model, regions, json, paramMember.Path);
            var earlier = read.FindIndex(u => u.Param.Slot == param.Slot);
            if (earlier >= 0)
            {
                throw json.Fail(paramMember.Path, $"{param.Text} is already uncertain at {read[earlier].Path}");
            }

            var families = fields.FindAll(f => f.Name != "param");
            if (families.Count != 1)
            {
                throw json.Fail(item.Path, families.Count == 0
                    ? $"an uncertain parameter needs one distribution: {SpecErrors.List(Families)}"
                    : $"an uncertain parameter takes exactly one distribution (got {families[0].Name} and {families[1].Name})");
            }

            var distribution = DistributionReader.Read(json, families[0], param);
            read.Add(new ReadUncertain(param, distribution, item.Path));
        }

        return read;
    }

    private static long Below(long value) => 1L << (int)(63 - long.LeadingZeroCount(value));
}

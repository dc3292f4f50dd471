using ComputeGap.Core.Designs;

namespace ComputeGap.Sweep.Spec;

/// <summary>Rules that tie a sweep's design to its other keys.</summary>
internal static class DesignRules
{
    /// <summary>A grid takes <c>axes</c>; a sampled design takes <c>uncertain</c> and, optionally, <c>levers</c>.</summary>
    public static void CheckKeys(SpecJson json, DesignKind kind, Dictionary<string, JsonMember> top)
    {
        if (kind == DesignKind.Grid)
        {
            if (!top.ContainsKey("axes"))
            {
                throw json.Fail(JsonPaths.Root, "missing key \"axes\"");
            }

            foreach (var key in new[] { "uncertain", "levers" })
            {
                if (top.TryGetValue(key, out var member))
                {
                    throw json.Fail(member.Path, $"a grid takes \"axes\", not {SpecErrors.Quote(key)}: name a sampled design (\"design\": {{\"kind\": \"lhs\", ...}}) to sample distributions");
                }
            }

            return;
        }

        var name = DesignReader.Name(kind);
        if (top.TryGetValue("axes", out var axes))
        {
            throw json.Fail(axes.Path, $"design {name} takes \"levers\" (the policies it compares) and \"uncertain\" (what it samples), not \"axes\"");
        }

        if (!top.ContainsKey("uncertain"))
        {
            throw json.Fail(JsonPaths.Root, $"design {name} needs \"uncertain\": the parameters it samples and their distributions");
        }
    }

    /// <summary>A parameter is a lever or uncertain, not both.</summary>
    public static void CheckLeversApart(SpecJson json, IReadOnlyList<ReadAxis> levers, IReadOnlyList<ReadUncertain> uncertain)
    {
        foreach (var u in uncertain)
        {
            var lever = levers.FirstOrDefault(l => l.Axis.Slot == u.Param.Slot);
            if (lever.Axis is not null)
            {
                throw json.Fail(u.Path, $"{u.Param.Text} is a lever at {lever.Path}: a parameter is either a lever or uncertain, not both");
            }
        }
    }

    /// <summary>Lever combinations times the design's evaluations, checked against the index limit.</summary>
    public static long ScenarioCount(SpecJson json, long combinations, SampledDesign design, string path)
    {
        if (combinations > GridRules.MaxScenarios / design.Evaluations)
        {
            throw json.Fail(path, $"design too large: {combinations} lever combinations x {design.Evaluations} evaluations exceeds the limit of 2^62");
        }

        return combinations * design.Evaluations;
    }
}

using ComputeGap.Core.Models;
using ComputeGap.IO.Reports;

namespace ComputeGap.Sweep.Spec;

/// <summary>Reads a sweep file's <c>"thresholds"</c>: <c>[{"outcome": "share_EU", "below": 0.07}, {"outcome": "share_US", "at_least": 0.6}]</c>.</summary>
internal static class ThresholdReader
{
    /// <summary>Most thresholds one sweep file may ask for (the run also keeps its model's own, up to <see cref="Core.Reduction.Thresholds.MaxCount"/> in all).</summary>
    public const int MaxChosen = 32;

    private static readonly string[] Keys = ["outcome", ChosenThreshold.BelowKey, ChosenThreshold.AtLeastKey];

    public static List<ChosenThreshold> Read(SpecJson json, JsonMember member, ModelDescriptor model, IReadOnlyList<string> regions)
    {
        var elements = json.Elements(member.Value, member.Path);
        if (elements.Count > MaxChosen)
        {
            throw json.Fail(member.Path, $"at most {MaxChosen} thresholds (got {elements.Count})");
        }

        var outcomes = model.Outcomes(regions).Select(o => o.Name).ToArray();
        var chosen = new List<ChosenThreshold>();
        foreach (var element in elements)
        {
            var fields = SpecJson.ByName(json.Members(element.Value, element.Path, Keys));
            if (!fields.TryGetValue("outcome", out var outcomeMember))
            {
                throw json.Fail(element.Path, "missing key \"outcome\"");
            }

            var outcome = json.String(outcomeMember.Value, outcomeMember.Path);
            if (!outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                throw json.Fail(outcomeMember.Path, $"unknown outcome {SpecErrors.Quote(outcome)} of model {model.Name}" + SpecErrors.Suggest(outcome, outcomes)
                    + $"; computegap params --model {model.Name} lists its outcomes");
            }

            var below = fields.TryGetValue(ChosenThreshold.BelowKey, out var belowMember);
            var atLeast = fields.TryGetValue(ChosenThreshold.AtLeastKey, out var atLeastMember);
            if (below == atLeast)
            {
                throw json.Fail(element.Path, $"give one of \"{ChosenThreshold.BelowKey}\" (P(outcome < bound)) and \"{ChosenThreshold.AtLeastKey}\" (P(outcome ≥ bound))");
            }

            var boundMember = below ? belowMember : atLeastMember;
            var bound = json.Number(boundMember.Value, boundMember.Path);
            if (!float.IsFinite(Core.Reduction.ThresholdTest.FloatBound(bound)))
            {
                throw json.Fail(boundMember.Path, $"bound must be at most {SpecErrors.Num(float.MaxValue)}, the largest 32-bit float the outcomes can hold (got {SpecErrors.Num(bound)})");
            }

            var threshold = new ChosenThreshold(outcome, below ? ThresholdComparison.Below : ThresholdComparison.AtLeast, bound);
            if (chosen.Contains(threshold))
            {
                throw json.Fail(element.Path, $"threshold {SpecErrors.Quote(threshold.Rule.Description)} is given twice");
            }

            chosen.Add(threshold);
        }

        return chosen;
    }
}

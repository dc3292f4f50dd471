using ComputeGap.Core.Designs;
using ComputeGap.IO.Reports;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Engine.Running;

/// <summary>A sampled design rebuilt from output metadata, to decode a scenario's uncertain values from its number.</summary>
public static class RecordedDesign
{
    /// <summary>
    /// The design <paramref name="info"/> describes, or null when it records no distributions (files written
    /// before they were kept) or names a family or kind this version does not know.
    /// </summary>
    public static SampledDesign? From(DesignInfo? info)
    {
        if (info?.Distributions is not { } distributions || distributions.Count != info.Uncertain.Count
            || DistributionNames.DesignKindOf(info.Kind) is not { } kind)
        {
            return null;
        }

        var uncertain = new List<UncertainParam>();
        foreach (var d in distributions)
        {
            if (DistributionNames.KindOf(d.Kind) is not { } family)
            {
                return null;
            }

            uncertain.Add(new UncertainParam(-1, new Distribution(family, d.Parameters, d.Values, d.Weights)));
        }

        var design = new SampledDesign(kind, info.Samples, info.Seed, info.SecondOrder, Math.Max(info.Levels, 2), uncertain);
        return design.Evaluations == info.Evaluations ? design : null;
    }
}

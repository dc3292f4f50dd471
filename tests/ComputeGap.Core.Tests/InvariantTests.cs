using ComputeGap.Core.Model;
using ComputeGap.Core.Parameters;
using ComputeGap.Tests.Shared;

namespace ComputeGap.Core.Tests;

/// <summary>Properties the model must have whatever the parameters.</summary>
public sealed class InvariantTests
{
    [Fact]
    public void SharesSumToOneEveryMonth()
    {
        var rng = new Random(11);
        for (var i = 0; i < 100; i++)
        {
            var regions = rng.Next(1, 9);
            var shape = new ModelShape(rng.Next(1, 97), regions, 0, 0, regions - 1);
            var shares = ScalarRun.Run(Scenario.Random(rng, regions).Slots, shape).Shares;
            for (var t = 0; t < shape.Months; t++)
            {
                var sum = 0.0;
                for (var r = 0; r < regions; r++)
                {
                    Assert.InRange(shares[t, r], 0f, 1f);
                    sum += shares[t, r];
                }

                Assert.Equal(1.0, sum, 5);
            }
        }
    }

    /// <summary>Within one month from the same state, more US-designed supply never gives any region less.</summary>
    [Fact]
    public void MoreSupplyNeverLowersAnyRegionWithinAMonth()
    {
        var rng = new Random(12);
        for (var i = 0; i < 300; i++)
        {
            var regions = rng.Next(1, 9);
            var low = Scenario.Random(rng, regions).WithPriorityRegionsAsTier1();
            var high = low.Clone().Set(GlobalParam.Supply0, low.Slots[ParamSlots.Of(GlobalParam.Supply0)] * (1 + rng.NextDouble()));
            var shape = new ModelShape(1, regions, 0, 0, regions - 1);
            var a = Installed(low, shape);
            var b = Installed(high, shape);
            for (var r = 0; r < regions; r++)
            {
                Assert.True(b[r] >= a[r] * (1 - 1e-5), $"scenario {i}, region {r}: {b[r]} < {a[r]}");
            }
        }
    }

    /// <summary>Within one month, full domestic priority never gives a non-priority region more than none.</summary>
    [Fact]
    public void PriorityNeverHelpsNonPriorityRegionsWithinAMonth()
    {
        var rng = new Random(13);
        for (var i = 0; i < 300; i++)
        {
            var regions = rng.Next(2, 9);
            var none = Scenario.Random(rng, regions).WithPriorityRegionsAsTier1().Set(GlobalParam.UsPriority, 0);
            var full = none.Clone().Set(GlobalParam.UsPriority, 1);
            var shape = new ModelShape(1, regions, 0, 0, regions - 1);
            var a = Installed(none, shape);
            var b = Installed(full, shape);
            for (var r = 0; r < regions; r++)
            {
                if (none.Slots[ParamSlots.Of(RegionParam.Priority, r)] < 0.5)
                {
                    Assert.True(b[r] <= a[r] * (1 + 1e-5), $"scenario {i}, region {r}: {b[r]} > {a[r]}");
                }
            }
        }
    }

    /// <summary>With no leakage and no domestic chips, an embargoed region's compute never grows over a whole run.</summary>
    [Fact]
    public void EmbargoedRegionWithoutLeakageOrDomesticSupplyNeverGrows()
    {
        var rng = new Random(14);
        for (var i = 0; i < 100; i++)
        {
            var regions = rng.Next(2, 9);
            var s = Scenario.Random(rng, regions).Set(GlobalParam.Leakage, 0);
            var embargoed = rng.Next(regions);
            s.Slots[ParamSlots.Of(RegionParam.Embargoed, embargoed)] = 1;
            s.Slots[ParamSlots.Of(RegionParam.DomesticSupply, embargoed)] = 0;
            s.Slots[ParamSlots.Of(RegionParam.Priority, embargoed)] = 0;
            var installed0 = s.Slots[ParamSlots.Of(RegionParam.Installed0, embargoed)];
            var shape = new ModelShape(rng.Next(1, 97), regions, embargoed, 0, 1);

            // Compute held by the region = its share times the total, month by month.
            var result = ScalarRun.Run(s.Slots, shape);
            var total = result.Outcomes[regions + (int)ScalarOutcome.GlobalInstalled];
            var final = result.Shares[shape.Months - 1, embargoed] * total;
            Assert.True(final <= installed0 * (1 + 1e-5), $"scenario {i}: {final} > {installed0}");
        }
    }

    private static float[] Installed(Scenario s, ModelShape shape)
    {
        var o = ScalarRun.Run(s.Slots, shape).Outcomes;
        var total = o[shape.Regions + (int)ScalarOutcome.GlobalInstalled];
        return [.. o.Take(shape.Regions).Select(share => share * total)];
    }
}

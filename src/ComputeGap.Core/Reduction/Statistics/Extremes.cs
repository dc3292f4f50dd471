using System.Numerics;
using System.Runtime.Intrinsics;

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The extremes statistic: the k best and worst focus shares of a block, kept sorted in its partial
/// record. Ties keep the lower scenario index first; scenarios arrive in index order, so a later equal
/// value goes after. The scalar form is <see cref="Offer"/>, the vector form <see cref="OfferLanes"/>.
/// </summary>
public static class Extremes
{
    /// <summary>Doubles the statistic keeps per block for <paramref name="k"/> best and worst.</summary>
    public static int Slots(int k) => 4 * k;

    /// <summary>The identity: empty lists (NaN values, scenario −1).</summary>
    public static void Clear<TPart>(ref TPart part, in PartialLayout layout)
        where TPart : struct, IPartialRecord
    {
        for (var i = 0; i < layout.Extremes; i++)
        {
            part[layout.BestValue(i)] = double.NaN;
            part[layout.BestScenario(i)] = -1;
            part[layout.WorstValue(i)] = double.NaN;
            part[layout.WorstScenario(i)] = -1;
        }
    }

    /// <summary>The scalar form: offers one finite value of scenario <paramref name="scenario"/>.</summary>
    public static void Offer<TPart>(ref TPart part, in PartialLayout layout, double value, long scenario)
        where TPart : struct, IPartialRecord
    {
        var k = layout.Extremes;
        if (k == 0)
        {
            return;
        }

        // Most values beat neither list once both are full: two compares, no scan.
        var fullBest = part[layout.BestScenario(k - 1)] >= 0;
        var fullWorst = part[layout.WorstScenario(k - 1)] >= 0;
        if (fullBest && fullWorst && value <= part[layout.BestValue(k - 1)] && value >= part[layout.WorstValue(k - 1)])
        {
            return;
        }

        // Best: descending. Find the first slot that is empty or holds a strictly smaller value.
        var at = 0;
        while (at < k && part[layout.BestScenario(at)] >= 0 && part[layout.BestValue(at)] >= value)
        {
            at++;
        }

        if (at < k)
        {
            for (var i = k - 1; i > at; i--)
            {
                part[layout.BestValue(i)] = part[layout.BestValue(i - 1)];
                part[layout.BestScenario(i)] = part[layout.BestScenario(i - 1)];
            }

            part[layout.BestValue(at)] = value;
            part[layout.BestScenario(at)] = scenario;
        }

        // Worst: ascending.
        at = 0;
        while (at < k && part[layout.WorstScenario(at)] >= 0 && part[layout.WorstValue(at)] <= value)
        {
            at++;
        }

        if (at < k)
        {
            for (var i = k - 1; i > at; i--)
            {
                part[layout.WorstValue(i)] = part[layout.WorstValue(i - 1)];
                part[layout.WorstScenario(i)] = part[layout.WorstScenario(i - 1)];
            }

            part[layout.WorstValue(at)] = value;
            part[layout.WorstScenario(at)] = scenario;
        }
    }

    /// <summary>
    /// The vector form: offers a group's finite values (<paramref name="finiteLanes"/>, bit i for lane i
    /// of scenario <paramref name="scenario"/> + i), in index order, that could enter a list: all of them
    /// until the lists are full, then those above the k-th best or below the k-th worst as they were at
    /// the group's start. The bounds only tighten, so a value skipped here would be refused by
    /// <see cref="Offer"/>, which checks again with the bounds as they are: the same lists as offering
    /// every value.
    /// </summary>
    public static void OfferLanes<TPart>(ref TPart part, in PartialLayout layout, Vector256<float> values, uint finiteLanes, long scenario)
        where TPart : struct, IPartialRecord
    {
        var k = layout.Extremes;
        if (k == 0)
        {
            return;
        }

        var candidates = finiteLanes;
        if (part[layout.BestScenario(k - 1)] >= 0 && part[layout.WorstScenario(k - 1)] >= 0)
        {
            var best = Vector256.Create((float)part[layout.BestValue(k - 1)]);
            var worst = Vector256.Create((float)part[layout.WorstValue(k - 1)]);
            candidates &= (Vector256.GreaterThan(values, best) | Vector256.LessThan(values, worst)).ExtractMostSignificantBits();
        }

        while (candidates != 0)
        {
            var lane = BitOperations.TrailingZeroCount(candidates);
            Offer(ref part, layout, values.GetElement(lane), scenario + lane);
            candidates &= candidates - 1;
        }
    }
}

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The k best and worst focus shares of a block, kept sorted in its partial record. Ties keep the
/// lower scenario index first; scenarios arrive in index order, so a later equal value goes after.
/// </summary>
public static class Extremes
{
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
}

using MathNet.Numerics;

namespace ComputeGap.IO.Discovery;

/// <summary>
/// Quasi-p values of a box's restrictions (Bryant and Lempert 2010): for each restricted input, the box
/// without that restriction has density p; the quasi-p value is P(X ≥ H) for X ~ Binomial(T, p), where the
/// box holds T cases of which H are of interest. Small values say the restriction matters.
/// </summary>
internal static class PrimQuasiP
{
    /// <summary>P(X ≥ <paramref name="interest"/>) for X ~ Binomial(<paramref name="cases"/>, <paramref name="p"/>): the regularised incomplete beta I_p(H, T − H + 1).</summary>
    public static double Value(long cases, long interest, double p) =>
        interest <= 0 ? 1
        : p <= 0 ? 0
        : p >= 1 ? 1
        : SpecialFunctions.BetaRegularized(interest, cases - interest + 1, p);

    /// <summary>
    /// Quasi-p values of every peeled box in one pass over the cases, from when each case left the
    /// trajectory. Boxes only shrink while peeling, so a case is in box b without input k's restriction
    /// exactly when b is before the case's exit (it is in the box) or when input k removed it and b is
    /// before the first box whose limits on another input exclude it (found by bisection, as each input's
    /// limits only tighten).
    /// </summary>
    public static void AddToPeeled(PrimData data, BoxLimits initial, List<PrimBox> trajectory, ushort[] exitBox, byte[] exitInput)
    {
        var last = trajectory.Count - 1;
        var d = data.Inputs.Count;
        var restricted = Enumerable.Range(0, d).Where(k => trajectory[last].Limits.Restricts(k, initial)).ToArray();
        if (restricted.Length == 0)
        {
            return;
        }

        var boxes = trajectory.Select(b => b.Limits).ToArray();
        var cases = new long[d][];
        var interest = new long[d][];
        for (var k = 0; k < d; k++)
        {
            (cases[k], interest[k]) = (new long[last + 2], new long[last + 2]);
        }

        var gate = new object();
        var flags = data.OfInterest;
        Parallel.For(0, (data.Cases + Block - 1) / Block,
            () => (Cases: NewTable(d, last), Interest: NewTable(d, last)),
            (block, _, local) =>
            {
                var end = Math.Min(data.Cases, (block + 1) * Block);
                for (var row = block * Block; row < end; row++)
                {
                    var exit = exitBox[row];
                    if (exit > last)
                    {
                        continue;
                    }

                    var by = exitInput[row];
                    var other = last + 1;
                    foreach (var j in restricted)
                    {
                        if (j != by)
                        {
                            other = Math.Min(other, FirstExcluding(boxes, j, data.Inputs[j].Codes[row], exit, other));
                        }
                    }

                    // In box b without input `by`'s restriction for exit ≤ b < other: a difference table.
                    local.Cases[by][exit]++;
                    local.Cases[by][other]--;
                    if (flags[row])
                    {
                        local.Interest[by][exit]++;
                        local.Interest[by][other]--;
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var k = 0; k < d; k++)
                    {
                        for (var b = 0; b <= last + 1; b++)
                        {
                            cases[k][b] += local.Cases[k][b];
                            interest[k][b] += local.Interest[k][b];
                        }
                    }
                }
            });

        // Prefix sums turn the difference tables into, per input and box, the cases the restriction keeps out.
        for (var k = 0; k < d; k++)
        {
            for (var b = 1; b <= last; b++)
            {
                cases[k][b] += cases[k][b - 1];
                interest[k][b] += interest[k][b - 1];
            }
        }

        for (var b = 0; b <= last; b++)
        {
            var box = trajectory[b];
            var values = new Dictionary<int, double>();
            foreach (var k in restricted.Where(k => box.Limits.Restricts(k, initial)))
            {
                values[k] = Value(box.Cases, box.CasesOfInterest,
                    (double)(box.CasesOfInterest + interest[k][b]) / (box.Cases + cases[k][b]));
            }

            trajectory[b] = box with { QuasiP = values };
        }
    }

    /// <summary>Quasi-p values of any box, by counting every case against it (used for pasted boxes, and as the tests' reference).</summary>
    public static Dictionary<int, double> Direct(PrimData data, BoxLimits initial, PrimBox box)
    {
        var d = data.Inputs.Count;
        var restricted = Enumerable.Range(0, d).Where(k => box.Limits.Restricts(k, initial)).ToArray();
        var cases = new long[d];
        var interest = new long[d];
        var gate = new object();
        Parallel.For(0, (data.Cases + Block - 1) / Block,
            () => (Cases: new long[d], Interest: new long[d]),
            (block, _, local) =>
            {
                var end = Math.Min(data.Cases, (block + 1) * Block);
                for (var row = block * Block; row < end; row++)
                {
                    int outside = 0, on = -1;
                    foreach (var k in restricted)
                    {
                        if (!box.Limits.Contains(k, data.Inputs[k].Codes[row]))
                        {
                            outside++;
                            on = k;
                        }
                    }

                    if (outside == 1)
                    {
                        local.Cases[on]++;
                        local.Interest[on] += data.OfInterest[row] ? 1 : 0;
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var k = 0; k < d; k++)
                    {
                        cases[k] += local.Cases[k];
                        interest[k] += local.Interest[k];
                    }
                }
            });

        return restricted.ToDictionary(k => k,
            k => Value(box.Cases, box.CasesOfInterest, (double)(box.CasesOfInterest + interest[k]) / (box.Cases + cases[k])));
    }

    private const int Block = 1 << 16;

    private static long[][] NewTable(int d, int last)
    {
        var table = new long[d][];
        for (var k = 0; k < d; k++)
        {
            table[k] = new long[last + 2];
        }

        return table;
    }

    /// <summary>The first box at or after <paramref name="from"/> (and before <paramref name="limit"/>) whose limits on input <paramref name="j"/> exclude <paramref name="code"/>, else <paramref name="limit"/>.</summary>
    private static int FirstExcluding(BoxLimits[] boxes, int j, int code, int from, int limit)
    {
        if (limit <= from || boxes[limit - 1].Contains(j, code))
        {
            return limit;
        }

        int lo = from, hi = limit - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (boxes[mid].Contains(j, code))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

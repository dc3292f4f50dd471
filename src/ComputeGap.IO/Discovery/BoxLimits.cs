namespace ComputeGap.IO.Discovery;

/// <summary>
/// A box in code space: for each ordered input the codes <c>Low..High</c> it keeps, for each categorical
/// input the set of categories it keeps (bit c of <c>Kept</c>). Immutable once on a trajectory.
/// </summary>
public sealed class BoxLimits
{
    private readonly int[] _low;
    private readonly int[] _high;
    private readonly ulong[] _kept;

    private BoxLimits(int[] low, int[] high, ulong[] kept)
    {
        _low = low;
        _high = high;
        _kept = kept;
    }

    /// <summary>Inputs the box covers.</summary>
    public int Dimensions => _low.Length;

    /// <summary>The box around every row of <paramref name="data"/>: each ordered input from its smallest to its largest code present, each categorical input with every category present.</summary>
    public static BoxLimits Around(PrimData data)
    {
        var d = data.Inputs.Count;
        var low = new int[d];
        var high = new int[d];
        var kept = new ulong[d];
        Parallel.For(0, d, k =>
        {
            var input = data.Inputs[k];
            int lo = int.MaxValue, hi = -1;
            ulong mask = 0;
            foreach (var code in input.Codes)
            {
                lo = Math.Min(lo, code);
                hi = Math.Max(hi, code);
                mask |= code < 64 ? 1UL << code : 0;
            }

            (low[k], high[k], kept[k]) = (lo, hi, input.Kind == InputKind.Categorical ? mask : 0);
        });
        return new BoxLimits(low, high, kept);
    }

    /// <summary>The box keeping every code of every (ordered) input.</summary>
    public static BoxLimits Full(IReadOnlyList<CodedInput> inputs) =>
        new([.. inputs.Select(_ => 0)], [.. inputs.Select(i => i.CodeCount - 1)], new ulong[inputs.Count]);

    /// <summary>Lowest code kept on ordered input <paramref name="k"/>.</summary>
    public int Low(int k) => _low[k];

    /// <summary>Highest code kept on ordered input <paramref name="k"/>.</summary>
    public int High(int k) => _high[k];

    /// <summary>Categories kept on categorical input <paramref name="k"/>, one bit each.</summary>
    public ulong Kept(int k) => _kept[k];

    /// <summary>True when code <paramref name="code"/> of input <paramref name="k"/> is inside the box.</summary>
    public bool Contains(int k, int code) => _kept[k] != 0 ? ((_kept[k] >> code) & 1) != 0 : code >= _low[k] && code <= _high[k];

    /// <summary>True when the box keeps less of input <paramref name="k"/> than <paramref name="initial"/> does.</summary>
    public bool Restricts(int k, BoxLimits initial) => _kept[k] != 0
        ? _kept[k] != initial._kept[k]
        : _low[k] != initial._low[k] || _high[k] != initial._high[k];

    /// <summary>How many inputs the box restricts, against <paramref name="initial"/>.</summary>
    public int RestrictedCount(BoxLimits initial)
    {
        var count = 0;
        for (var k = 0; k < Dimensions; k++)
        {
            count += Restricts(k, initial) ? 1 : 0;
        }

        return count;
    }

    /// <summary>This box with ordered input <paramref name="k"/> kept from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public BoxLimits WithRange(int k, int low, int high)
    {
        var lows = (int[])_low.Clone();
        var highs = (int[])_high.Clone();
        (lows[k], highs[k]) = (low, high);
        return new BoxLimits(lows, highs, _kept);
    }

    /// <summary>This box with categorical input <paramref name="k"/> keeping the categories <paramref name="kept"/>.</summary>
    public BoxLimits WithKept(int k, ulong kept)
    {
        var masks = (ulong[])_kept.Clone();
        masks[k] = kept;
        return new BoxLimits(_low, _high, masks);
    }

    /// <summary>This box with input <paramref name="k"/> as in <paramref name="initial"/> (its restriction dropped).</summary>
    public BoxLimits Without(int k, BoxLimits initial) => _kept[k] != 0
        ? WithKept(k, initial._kept[k])
        : WithRange(k, initial._low[k], initial._high[k]);
}

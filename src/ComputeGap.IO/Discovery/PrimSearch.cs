namespace ComputeGap.IO.Discovery;

/// <summary>The state of one PRIM search: the box and its counts (from rows or a grid's bitmap).</summary>
internal sealed partial class PrimSearch
{
    private readonly IPrimCounts _counts;
    private readonly PrimOptions _options;
    private readonly int _inputs;
    private long _inBox;
    private long _interestInBox;
    private BoxLimits _box;

    public PrimSearch(IPrimCounts counts, PrimOptions options)
    {
        _counts = counts;
        _options = options;
        _inputs = counts.Inputs.Count;
        Initial = counts.Initial;
        _box = Initial;
        _inBox = counts.Cases;
        _interestInBox = counts.CasesOfInterest;
        Trajectory = [Box(0, _box, pasted: false)];
    }

    /// <summary>The box around every case.</summary>
    public BoxLimits Initial { get; }

    /// <summary>The boxes so far.</summary>
    public List<PrimBox> Trajectory { get; }

    /// <summary>Peels until no peel keeps the mass at or above the minimum and raises the density.</summary>
    public void Peel()
    {
        var restricted = 0;
        while (Trajectory.Count < ushort.MaxValue - 1)
        {
            Candidate? best = null;
            for (var k = 0; k < _inputs; k++)
            {
                var nonRestricted = _inputs - restricted - (_box.Restricts(k, Initial) ? 0 : 1);
                foreach (var candidate in PeelsOf(k, nonRestricted))
                {
                    if (best is null || candidate.Beats(best.Value))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is not { } peel)
            {
                return;
            }

            var massOld = (double)_inBox / _counts.Cases;
            var massNew = (double)(_inBox - peel.Cases) / _counts.Cases;
            if (!(massNew >= _options.MassMin && massNew < massOld && peel.Objective > 0))
            {
                return;
            }

            ApplyPeel(peel);
            restricted = _box.RestrictedCount(Initial);
        }
    }

    private IEnumerable<Candidate> PeelsOf(int k, int nonRestricted)
    {
        var count = _counts.Count(k);
        var interest = _counts.Interest(k);
        if (_counts.Inputs[k].Kind == InputKind.Categorical)
        {
            var kept = _box.Kept(k);
            for (var c = 0; c < count.Length && System.Numerics.BitOperations.PopCount(kept) > 1; c++)
            {
                if (((kept >> c) & 1) != 0 && count[c] > 0 && count[c] < _inBox)
                {
                    yield return Peeled(new Candidate(k, 0, 0, kept & ~(1UL << c), count[c], interest[c], 0, nonRestricted));
                }
            }

            yield break;
        }

        int low = _box.Low(k), high = _box.High(k);

        // Upper: every case at or above the code holding sorted position ceil((n − 1)(1 − α)).
        var upper = CodeAt(count, low, (long)Math.Ceiling((_inBox - 1) * (1 - _options.PeelAlpha)), out var below);
        var removed = _inBox - below;
        if (removed < _inBox)
        {
            var newHigh = PreviousPresent(count, upper);
            yield return Peeled(new Candidate(k, low, newHigh, 0, removed, InterestFrom(interest, upper, high), 0, nonRestricted));
        }

        // Lower: every case at or below the code holding sorted position floor((n − 1) α).
        var lower = CodeAt(count, low, (long)Math.Floor((_inBox - 1) * _options.PeelAlpha), out below);
        removed = below + count[lower];
        if (removed < _inBox)
        {
            var newLow = NextPresent(count, lower);
            yield return Peeled(new Candidate(k, newLow, high, 0, removed, InterestFrom(interest, low, lower), 0, nonRestricted));
        }
    }

    /// <summary>The candidate with its objective: the rise in density per case removed.</summary>
    private Candidate Peeled(Candidate c)
    {
        var densityOld = (double)_interestInBox / _inBox;
        var densityNew = (double)(_interestInBox - c.Interest) / (_inBox - c.Cases);
        return c with { Objective = densityNew == densityOld ? 0 : (densityNew - densityOld) / c.Cases };
    }

    private void ApplyPeel(Candidate peel)
    {
        var k = peel.Input;
        _box = _counts.Inputs[k].Kind == InputKind.Categorical ? _box.WithKept(k, peel.Kept) : _box.WithRange(k, peel.Low, peel.High);
        var index = Trajectory.Count;
        _counts.Shrink(_box, k, index);
        _inBox -= peel.Cases;
        _interestInBox -= peel.Interest;
        Trajectory.Add(Box(index, _box, pasted: false));
    }

    private PrimBox Box(int index, BoxLimits limits, bool pasted) => new(index, limits, _inBox, _interestInBox,
        (double)_interestInBox / _counts.CasesOfInterest, (double)_interestInBox / _inBox, (double)_inBox / _counts.Cases,
        limits.RestrictedCount(Initial), pasted);

    /// <summary>The code holding sorted position <paramref name="position"/> (0-based) among the counts from <paramref name="from"/> on; <paramref name="before"/> is how many cases sort before that code.</summary>
    private static int CodeAt(long[] count, int from, long position, out long before)
    {
        long cumulative = 0;
        for (var c = from; c < count.Length; c++)
        {
            if (cumulative + count[c] > position)
            {
                before = cumulative;
                return c;
            }

            cumulative += count[c];
        }

        throw new InvalidOperationException("PRIM: a quantile past the box's cases (the histograms disagree with the box's count).");
    }

    private static int NextPresent(long[] count, int code)
    {
        do
        {
            code++;
        }
        while (count[code] == 0);
        return code;
    }

    private static int PreviousPresent(long[] count, int code)
    {
        do
        {
            code--;
        }
        while (count[code] == 0);
        return code;
    }

    private static long InterestFrom(long[] interest, int from, int to)
    {
        long sum = 0;
        for (var c = from; c <= to; c++)
        {
            sum += interest[c];
        }

        return sum;
    }

    /// <summary>A peel or a paste: the input, the box's new limits on it, the cases it moves and its objective.</summary>
    private readonly record struct Candidate(int Input, int Low, int High, ulong Kept, long Cases, long Interest, double Objective, int NonRestricted)
    {
        /// <summary>Higher objective first, then fewer inputs restricted; on a full tie the earlier candidate stays.</summary>
        public bool Beats(Candidate other) =>
            Objective > other.Objective || (Objective == other.Objective && NonRestricted > other.NonRestricted);
    }
}

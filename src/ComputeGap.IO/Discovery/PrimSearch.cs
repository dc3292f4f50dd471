namespace ComputeGap.IO.Discovery;

/// <summary>The state of one PRIM search: the box, its members and its per-input histograms.</summary>
internal sealed partial class PrimSearch
{
    private readonly PrimData _data;
    private readonly PrimOptions _options;
    private readonly int _inputs;
    private readonly int[][] _count;
    private readonly int[][] _interest;
    private int[] _members;
    private int _memberCount;
    private long _inBox;
    private long _interestInBox;
    private BoxLimits _box;

    public PrimSearch(PrimData data, PrimOptions options)
    {
        _data = data;
        _options = options;
        _inputs = data.Inputs.Count;
        Initial = BoxLimits.Around(data);
        _box = Initial;
        _members = new int[data.Cases];
        for (var i = 0; i < _members.Length; i++)
        {
            _members[i] = i;
        }

        _memberCount = data.Cases;
        _inBox = data.Cases;
        _interestInBox = data.CasesOfInterest;
        _count = new int[_inputs][];
        _interest = new int[_inputs][];
        ExitBox = new ushort[data.Cases];
        Array.Fill(ExitBox, ushort.MaxValue);
        ExitInput = new byte[data.Cases];
        var flags = data.OfInterest;
        Parallel.For(0, _inputs, k =>
        {
            var input = data.Inputs[k];
            var count = new int[input.CodeCount];
            var interest = new int[input.CodeCount];
            var codes = input.Codes;
            for (var i = 0; i < codes.Length; i++)
            {
                count[codes[i]]++;
                interest[codes[i]] += flags[i] ? 1 : 0;
            }

            (_count[k], _interest[k]) = (count, interest);
        });
        Trajectory = [Box(0, _box, pasted: false)];
    }

    /// <summary>The box around every case.</summary>
    public BoxLimits Initial { get; }

    /// <summary>The boxes so far.</summary>
    public List<PrimBox> Trajectory { get; }

    /// <summary>Per case: the first box on the peeling trajectory that does not hold it (<see cref="ushort.MaxValue"/> for none).</summary>
    public ushort[] ExitBox { get; }

    /// <summary>Per case removed by peeling: the input whose peel removed it.</summary>
    public byte[] ExitInput { get; }

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

            var massOld = (double)_inBox / _data.Cases;
            var massNew = (double)(_inBox - peel.Cases) / _data.Cases;
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
        var count = _count[k];
        var interest = _interest[k];
        if (_data.Inputs[k].Kind == InputKind.Categorical)
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
        _box = _data.Inputs[k].Kind == InputKind.Categorical ? _box.WithKept(k, peel.Kept) : _box.WithRange(k, peel.Low, peel.High);
        var index = (ushort)Trajectory.Count;
        var codes = _data.Inputs[k].Codes;
        var removed = new int[peel.Cases];
        int kept = 0, gone = 0;
        for (var m = 0; m < _memberCount; m++)
        {
            var row = _members[m];
            if (_box.Contains(k, codes[row]))
            {
                _members[kept++] = row;
            }
            else
            {
                removed[gone++] = row;
                ExitBox[row] = index;
                ExitInput[row] = (byte)k;
            }
        }

        _memberCount = kept;
        if (_memberCount * 4L < _members.Length)
        {
            Array.Resize(ref _members, _memberCount);
        }

        var flags = _data.OfInterest;
        Parallel.For(0, _inputs, j =>
        {
            var count = _count[j];
            var interest = _interest[j];
            var jcodes = _data.Inputs[j].Codes;
            foreach (var row in removed)
            {
                count[jcodes[row]]--;
                interest[jcodes[row]] -= flags[row] ? 1 : 0;
            }
        });
        _inBox -= peel.Cases;
        _interestInBox -= peel.Interest;
        Trajectory.Add(Box(index, _box, pasted: false));
    }

    private PrimBox Box(int index, BoxLimits limits, bool pasted) => new(index, limits, _inBox, _interestInBox,
        (double)_interestInBox / _data.CasesOfInterest, (double)_interestInBox / _inBox, (double)_inBox / _data.Cases,
        limits.RestrictedCount(Initial), pasted);

    /// <summary>The code holding sorted position <paramref name="position"/> (0-based) among the counts from <paramref name="from"/> on; <paramref name="before"/> is how many cases sort before that code.</summary>
    private static int CodeAt(int[] count, int from, long position, out long before)
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

    private static int NextPresent(int[] count, int code)
    {
        do
        {
            code++;
        }
        while (count[code] == 0);
        return code;
    }

    private static int PreviousPresent(int[] count, int code)
    {
        do
        {
            code--;
        }
        while (count[code] == 0);
        return code;
    }

    private static long InterestFrom(int[] interest, int from, int to)
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

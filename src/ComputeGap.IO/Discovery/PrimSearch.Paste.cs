namespace ComputeGap.IO.Discovery;

/// <summary>The pasting phase.</summary>
internal sealed partial class PrimSearch
{
    /// <summary>
    /// Pastes while some paste raises the density: for each restricted input, the cases outside the box
    /// on that input alone are candidates; an ordered face moves out to the code holding the candidates'
    /// (1 − α)-quantile below it (α-quantile above it), a categorical input takes back one category.
    /// </summary>
    public void Paste()
    {
        while (Trajectory.Count < ushort.MaxValue - 1)
        {
            var restrictedInputs = Enumerable.Range(0, _inputs).Where(k => _box.Restricts(k, Initial)).ToArray();
            if (restrictedInputs.Length == 0)
            {
                return;
            }

            var (count, interest) = _counts.PasteCandidates(_box, restrictedInputs);
            Candidate? best = null;
            var restricted = restrictedInputs.Length;
            foreach (var k in restrictedInputs)
            {
                foreach (var candidate in PastesOf(k, count[k]!, interest[k]!, restricted))
                {
                    if (best is null || candidate.Beats(best.Value))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is not { } paste || !(paste.Objective > 0))
            {
                return;
            }

            var k2 = paste.Input;
            _box = _counts.Inputs[k2].Kind == InputKind.Categorical ? _box.WithKept(k2, paste.Kept) : _box.WithRange(k2, paste.Low, paste.High);
            _inBox += paste.Cases;
            _interestInBox += paste.Interest;
            Trajectory.Add(Box(Trajectory.Count, _box, pasted: true));
        }
    }

    private IEnumerable<Candidate> PastesOf(int k, long[] count, long[] interest, int restricted)
    {
        if (_counts.Inputs[k].Kind == InputKind.Categorical)
        {
            var kept = _box.Kept(k);
            for (var c = 0; c < count.Length; c++)
            {
                if (((kept >> c) & 1) == 0 && count[c] > 0)
                {
                    var wider = kept | (1UL << c);
                    yield return Pasted(new Candidate(k, 0, 0, wider, count[c], interest[c], 0, NonRestrictedAfter(k, wider, restricted)));
                }
            }

            yield break;
        }

        int low = _box.Low(k), high = _box.High(k);
        long belowCount = 0, belowInterest = 0;
        for (var c = 0; c < low; c++)
        {
            belowCount += count[c];
        }

        if (belowCount > 0)
        {
            // Lower face: down to the code holding the candidates' sorted position ceil((m − 1)(1 − α)).
            var code = CodeAt(count, 0, (long)Math.Ceiling((belowCount - 1) * (1 - _options.PasteAlpha)), out var before);
            belowInterest = InterestFrom(interest, code, low - 1);
            yield return Pasted(new Candidate(k, code, high, 0, belowCount - before, belowInterest, 0,
                NonRestrictedAfterRange(k, code, high, restricted)));
        }

        long aboveCount = 0;
        for (var c = high + 1; c < count.Length; c++)
        {
            aboveCount += count[c];
        }

        if (aboveCount > 0)
        {
            // Upper face: up to the code holding the candidates' sorted position floor((m − 1) α).
            var code = CodeAt(count, high + 1, (long)Math.Floor((aboveCount - 1) * _options.PasteAlpha), out var before);
            yield return Pasted(new Candidate(k, low, code, 0, before + count[code], InterestFrom(interest, high + 1, code), 0,
                NonRestrictedAfterRange(k, low, code, restricted)));
        }
    }

    /// <summary>The candidate with its objective: the rise in density per case added (positive only when it rises).</summary>
    private Candidate Pasted(Candidate c)
    {
        var densityOld = (double)_interestInBox / _inBox;
        var densityNew = (double)(_interestInBox + c.Interest) / (_inBox + c.Cases);
        return c with { Objective = densityNew > densityOld ? (densityNew - densityOld) / c.Cases : 0 };
    }

    private int NonRestrictedAfter(int k, ulong kept, int restricted) =>
        _inputs - restricted + (kept == Initial.Kept(k) ? 1 : 0);

    private int NonRestrictedAfterRange(int k, int low, int high, int restricted) =>
        _inputs - restricted + (low <= Initial.Low(k) && high >= Initial.High(k) ? 1 : 0);
}

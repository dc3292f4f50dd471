namespace ComputeGap.IO.Discovery;

/// <summary>
/// <see cref="IPrimCounts"/> over rows: per-input histograms of the box's members, from which a peel
/// subtracts only the rows it removes, so peeling costs one pass over the inputs plus a pass over the
/// shrinking member list per peel. Records when and by which input each row left, for the quasi-p values.
/// </summary>
internal sealed class RowCounts : IPrimCounts
{
    private readonly PrimData _data;
    private readonly long[][] _count;
    private readonly long[][] _interest;
    private readonly ushort[] _exitBox;
    private readonly byte[] _exitInput;
    private int[] _members;
    private int _memberCount;

    public RowCounts(PrimData data)
    {
        _data = data;
        Initial = BoxLimits.Around(data);
        _members = new int[data.Cases];
        for (var i = 0; i < _members.Length; i++)
        {
            _members[i] = i;
        }

        _memberCount = data.Cases;
        var d = data.Inputs.Count;
        _count = new long[d][];
        _interest = new long[d][];
        _exitBox = new ushort[data.Cases];
        Array.Fill(_exitBox, ushort.MaxValue);
        _exitInput = new byte[data.Cases];
        var flags = data.OfInterest;
        Parallel.For(0, d, k =>
        {
            var input = data.Inputs[k];
            var count = new long[input.CodeCount];
            var interest = new long[input.CodeCount];
            var codes = input.Codes;
            for (var i = 0; i < codes.Length; i++)
            {
                count[codes[i]]++;
                interest[codes[i]] += flags[i] ? 1 : 0;
            }

            (_count[k], _interest[k]) = (count, interest);
        });
    }

    public IReadOnlyList<CodedInput> Inputs => _data.Inputs;

    public long Cases => _data.Cases;

    public long CasesOfInterest => _data.CasesOfInterest;

    public BoxLimits Initial { get; }

    public long[] Count(int k) => _count[k];

    public long[] Interest(int k) => _interest[k];

    public void Shrink(BoxLimits box, int k, int index)
    {
        var codes = _data.Inputs[k].Codes;
        var removed = new List<int>();
        var kept = 0;
        for (var m = 0; m < _memberCount; m++)
        {
            var row = _members[m];
            if (box.Contains(k, codes[row]))
            {
                _members[kept++] = row;
            }
            else
            {
                removed.Add(row);
                _exitBox[row] = (ushort)index;
                _exitInput[row] = (byte)k;
            }
        }

        _memberCount = kept;
        if (_memberCount * 4L < _members.Length)
        {
            Array.Resize(ref _members, _memberCount);
        }

        var flags = _data.OfInterest;
        Parallel.For(0, _data.Inputs.Count, j =>
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
    }

    public (long[]?[] Count, long[]?[] Interest) PasteCandidates(BoxLimits box, int[] restricted)
    {
        var d = _data.Inputs.Count;
        var count = new long[]?[d];
        var interest = new long[]?[d];
        foreach (var k in restricted)
        {
            count[k] = new long[_data.Inputs[k].CodeCount];
            interest[k] = new long[_data.Inputs[k].CodeCount];
        }

        var codes = _data.Inputs.Select(i => i.Codes).ToArray();
        var flags = _data.OfInterest;
        for (var row = 0; row < _data.Cases; row++)
        {
            int outside = 0, on = -1;
            foreach (var k in restricted)
            {
                if (!box.Contains(k, codes[k][row]) && ++outside == 1)
                {
                    on = k;
                }
                else if (outside > 1)
                {
                    break;
                }
            }

            if (outside == 1)
            {
                var code = codes[on][row];
                count[on]![code]++;
                interest[on]![code] += flags[row] ? 1 : 0;
            }
        }

        return (count, interest);
    }

    public void AddQuasiP(List<PrimBox> trajectory, int peeled)
    {
        var peeledBoxes = trajectory.GetRange(0, peeled);
        PrimQuasiP.AddToPeeled(_data, Initial, peeledBoxes, _exitBox, _exitInput);
        for (var b = 0; b < peeled; b++)
        {
            trajectory[b] = peeledBoxes[b];
        }

        for (var b = peeled; b < trajectory.Count; b++)
        {
            trajectory[b] = trajectory[b] with { QuasiP = PrimQuasiP.Direct(_data, Initial, trajectory[b]) };
        }
    }
}

namespace ComputeGap.IO.Sensitivity;

/// <summary>
/// The sums Sobol indices are estimated from, over the base samples of a Saltelli design, kept per
/// batch of consecutive base samples so that confidence intervals come from batch means. Merging two
/// sets of sums (other shards, other chunks) adds them; the estimates depend only on the sums.
/// </summary>
/// <remarks>
/// For base sample j the design evaluates f at A_j, AB_1j … AB_dj, [BA_1j … BA_dj,] B_j (SALib's row
/// order). With every value centred on the mean c of all evaluations, as SALib's <c>sobol.analyze</c>
/// centres them, and V the variance (divisor n) of the A and B values together:
/// S1_i = mean(f_B (f_ABi − f_A)) / V (Saltelli et al. 2010), ST_i = mean((f_A − f_ABi)²) / (2V)
/// (Jansen 1999), S2_ij = mean(f_BAi f_ABj − f_A f_B) / V − S1_i − S1_j (SALib's second order).
/// Centring is applied to the sums after the fact (it is linear), so the point estimates equal
/// SALib's from the same rows. Confidence: the same estimators on each of <see cref="Batches"/>
/// batches of consecutive base samples (contiguous blocks of a Sobol sequence are balanced
/// themselves), half-width t(0.975, B − 1) · sd / √B.
/// </remarks>
public sealed class SobolSums
{
    private readonly Batch[] _batches;

    /// <param name="dimensions">Uncertain parameters d.</param>
    /// <param name="secondOrder">Whether the design has the BA rows.</param>
    /// <param name="samples">Base samples N of the design (fixes which batch a base sample falls in).</param>
    /// <param name="batches">Batches for the confidence intervals (at most N).</param>
    public SobolSums(int dimensions, bool secondOrder, long samples, int batches = DefaultBatches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        Dimensions = dimensions;
        SecondOrder = secondOrder;
        Samples = samples;
        Batches = BatchesFor(samples, batches);
        _batches = [.. Enumerable.Range(0, Batches).Select(_ => new Batch(dimensions, secondOrder))];
    }

    /// <summary>Batches of the confidence intervals unless asked otherwise.</summary>
    public const int DefaultBatches = 32;

    /// <summary>The batches N base samples are split into: as asked, at most N.</summary>
    public static int BatchesFor(long samples, int batches = DefaultBatches) => (int)Math.Clamp(batches, 1, Math.Max(1, samples));

    /// <summary>Uncertain parameters d.</summary>
    public int Dimensions { get; }

    /// <summary>Whether the design has the BA rows.</summary>
    public bool SecondOrder { get; }

    /// <summary>Base samples N of the design.</summary>
    public long Samples { get; }

    /// <summary>Batches of consecutive base samples for the confidence intervals.</summary>
    public int Batches { get; }

    /// <summary>Evaluations per base sample: d + 2, or 2d + 2 with second order.</summary>
    public int Group => SecondOrder ? (2 * Dimensions) + 2 : Dimensions + 2;

    /// <summary>Base samples added so far.</summary>
    public long Count => _batches.Sum(b => b.N);

    /// <summary>Adds base sample <paramref name="sample"/>'s <see cref="Group"/> outcome values, in SALib's row order.</summary>
    public void Add(long sample, ReadOnlySpan<double> group)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(group.Length, Group);
        _batches[BatchOf(sample)].Add(group, Dimensions, SecondOrder);
    }

    /// <summary>Adds another set of sums over the same design.</summary>
    public void Merge(SobolSums other)
    {
        if (other.Dimensions != Dimensions || other.SecondOrder != SecondOrder || other.Samples != Samples || other.Batches != Batches)
        {
            throw new ArgumentException("the sums belong to different designs", nameof(other));
        }

        for (var b = 0; b < Batches; b++)
        {
            _batches[b].Merge(other._batches[b]);
        }
    }

    /// <summary>Doubles in one batch's record (<see cref="ExportBatch"/>): 5 + 4d, plus d + d² with second order.</summary>
    public static int RecordLength(int dimensions, bool secondOrder) =>
        5 + (4 * dimensions) + (secondOrder ? dimensions + (dimensions * dimensions) : 0);

    /// <summary>Which batch base sample <paramref name="sample"/> falls in.</summary>
    public int BatchOf(long sample) => (int)(sample * Batches / Samples);

    /// <summary>
    /// Batch <paramref name="batch"/>'s sums as one record: n, Σf_A, Σf_B, Σ(f_A² + f_B²), Σf_A f_B, then per
    /// parameter Σf_B(f_ABi − f_A), Σ(f_ABi − f_A), Σ(f_A − f_ABi)², Σf_ABi, and with second order Σf_BAi and
    /// Σf_BAi f_ABj (row i). Records add: the record of two sets of rows is the sum of theirs.
    /// </summary>
    public void ExportBatch(int batch, Span<double> record) => _batches[batch].Export(record);

    /// <summary>Adds a record (<see cref="ExportBatch"/>'s layout) to batch <paramref name="batch"/>.</summary>
    public void AddBatch(int batch, ReadOnlySpan<double> record) => _batches[batch].Import(record);

    /// <summary>S1, ST (and S2 when the design has it) with 95 % confidence half-widths.</summary>
    public SobolIndices Indices()
    {
        var total = new Batch(Dimensions, SecondOrder);
        foreach (var batch in _batches)
        {
            total.Merge(batch);
        }

        var point = total.Estimate(Dimensions, SecondOrder);
        var perBatch = _batches.Where(b => b.N > 0).Select(b => b.Estimate(Dimensions, SecondOrder)).ToArray();
        double HalfWidth(Func<Estimate, double> pick) => BatchMeans.HalfWidth([.. perBatch.Select(pick)]);

        var first = new SobolIndex[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            var at = i;
            first[i] = new SobolIndex(point.S1[i], HalfWidth(e => e.S1[at]), point.ST[i], HalfWidth(e => e.ST[at]));
        }

        var second = new List<SecondOrderIndex>();
        if (SecondOrder)
        {
            for (var i = 0; i < Dimensions; i++)
            {
                for (var j = i + 1; j < Dimensions; j++)
                {
                    var (a, b) = (i, j);
                    second.Add(new SecondOrderIndex(i, j, point.S2![i, j], HalfWidth(e => e.S2![a, b])));
                }
            }
        }

        return new SobolIndices(total.N, perBatch.Length, first, second);
    }

    /// <summary>Point estimates of one set of sums.</summary>
    private sealed record Estimate(double[] S1, double[] ST, double[,]? S2);

    /// <summary>The sums of one batch.</summary>
    private sealed class Batch
    {
        private readonly double[] _bTimesStep;
        private readonly double[] _step;
        private readonly double[] _stepSquared;
        private readonly double[] _ab;
        private readonly double[] _ba;
        private readonly double[,]? _baTimesAb;

        public Batch(int d, bool secondOrder)
        {
            _bTimesStep = new double[d];
            _step = new double[d];
            _stepSquared = new double[d];
            _ab = new double[d];
            _ba = new double[secondOrder ? d : 0];
            _baTimesAb = secondOrder ? new double[d, d] : null;
        }

        public long N { get; private set; }

        private double SumA { get; set; }

        private double SumB { get; set; }

        private double SumSquares { get; set; }

        private double SumAB { get; set; }

        public void Add(ReadOnlySpan<double> g, int d, bool secondOrder)
        {
            var a = g[0];
            var b = g[^1];
            N++;
            SumA += a;
            SumB += b;
            SumSquares += (a * a) + (b * b);
            SumAB += a * b;
            for (var i = 0; i < d; i++)
            {
                var ab = g[1 + i];
                _bTimesStep[i] += b * (ab - a);
                _step[i] += ab - a;
                _stepSquared[i] += (a - ab) * (a - ab);
                _ab[i] += ab;
            }

            if (secondOrder)
            {
                for (var i = 0; i < d; i++)
                {
                    var ba = g[1 + d + i];
                    _ba[i] += ba;
                    for (var j = 0; j < d; j++)
                    {
                        _baTimesAb![i, j] += ba * g[1 + j];
                    }
                }
            }
        }

        public void Export(Span<double> r)
        {
            var d = _step.Length;
            (r[0], r[1], r[2], r[3], r[4]) = (N, SumA, SumB, SumSquares, SumAB);
            _bTimesStep.CopyTo(r[5..]);
            _step.CopyTo(r[(5 + d)..]);
            _stepSquared.CopyTo(r[(5 + (2 * d))..]);
            _ab.CopyTo(r[(5 + (3 * d))..]);
            if (_baTimesAb is not null)
            {
                _ba.CopyTo(r[(5 + (4 * d))..]);
                for (var i = 0; i < d; i++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        r[5 + (5 * d) + (i * d) + j] = _baTimesAb[i, j];
                    }
                }
            }
        }

        public void Import(ReadOnlySpan<double> r)
        {
            var d = _step.Length;
            N += (long)r[0];
            SumA += r[1];
            SumB += r[2];
            SumSquares += r[3];
            SumAB += r[4];
            for (var i = 0; i < d; i++)
            {
                _bTimesStep[i] += r[5 + i];
                _step[i] += r[5 + d + i];
                _stepSquared[i] += r[5 + (2 * d) + i];
                _ab[i] += r[5 + (3 * d) + i];
            }

            if (_baTimesAb is not null)
            {
                for (var i = 0; i < d; i++)
                {
                    _ba[i] += r[5 + (4 * d) + i];
                    for (var j = 0; j < d; j++)
                    {
                        _baTimesAb[i, j] += r[5 + (5 * d) + (i * d) + j];
                    }
                }
            }
        }

        public void Merge(Batch other)
        {
            N += other.N;
            SumA += other.SumA;
            SumB += other.SumB;
            SumSquares += other.SumSquares;
            SumAB += other.SumAB;
            Add(_bTimesStep, other._bTimesStep);
            Add(_step, other._step);
            Add(_stepSquared, other._stepSquared);
            Add(_ab, other._ab);
            Add(_ba, other._ba);
            if (_baTimesAb is not null)
            {
                for (var i = 0; i < _baTimesAb.GetLength(0); i++)
                {
                    for (var j = 0; j < _baTimesAb.GetLength(1); j++)
                    {
                        _baTimesAb[i, j] += other._baTimesAb![i, j];
                    }
                }
            }
        }

        public Estimate Estimate(int d, bool secondOrder)
        {
            double n = N;
            var all = SumA + SumB + _ab.Sum() + _ba.Sum();
            var c = all / (n * (secondOrder ? (2 * d) + 2 : d + 2));
            var meanAB = (SumA + SumB) / (2 * n);
            var variance = (SumSquares / (2 * n)) - (meanAB * meanAB);
            var s1 = new double[d];
            var st = new double[d];
            for (var i = 0; i < d; i++)
            {
                s1[i] = (_bTimesStep[i] - (c * _step[i])) / n / variance;
                st[i] = 0.5 * _stepSquared[i] / n / variance;
            }

            double[,]? s2 = null;
            if (secondOrder)
            {
                s2 = new double[d, d];
                for (var i = 0; i < d; i++)
                {
                    for (var j = 0; j < d; j++)
                    {
                        var centred = _baTimesAb![i, j] - SumAB - (c * (_ba[i] + _ab[j] - SumA - SumB));
                        s2[i, j] = (centred / n / variance) - s1[i] - s1[j];
                    }
                }
            }

            return new Estimate(s1, st, s2);
        }

        private static void Add(double[] into, double[] from)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += from[i];
            }
        }
    }
}

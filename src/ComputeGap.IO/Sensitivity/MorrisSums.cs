namespace ComputeGap.IO.Sensitivity;

/// <summary>Morris's statistics of one parameter: the mean elementary effect, the mean absolute one, their spread.</summary>
/// <param name="Mu">Mean elementary effect.</param>
/// <param name="MuStar">Mean absolute elementary effect (Campolongo et al. 2007).</param>
/// <param name="Sigma">Standard deviation of the elementary effects (divisor r − 1, as SALib).</param>
/// <param name="MuStarConf">95 % half-width of μ*: t(0.975, r − 1) · sd(|EE|) / √r.</param>
public readonly record struct MorrisIndex(double Mu, double MuStar, double Sigma, double MuStarConf);

/// <summary>
/// Sums of elementary effects per parameter, mergeable. An elementary effect is
/// (f(x + Δ e_i) − f(x)) / Δ with Δ = p / (2(p − 1)) in the unit cube, signed by the direction of the step.
/// </summary>
public sealed class MorrisSums(int dimensions)
{
    private readonly long[] _n = new long[dimensions];
    private readonly double[] _sum = new double[dimensions];
    private readonly double[] _absolute = new double[dimensions];
    private readonly double[] _squares = new double[dimensions];

    /// <summary>Uncertain parameters d.</summary>
    public int Dimensions => _n.Length;

    /// <summary>Adds one elementary effect of parameter <paramref name="parameter"/>.</summary>
    public void Add(int parameter, double effect)
    {
        _n[parameter]++;
        _sum[parameter] += effect;
        _absolute[parameter] += Math.Abs(effect);
        _squares[parameter] += effect * effect;
    }

    /// <summary>Doubles in a record (<see cref="Export"/>): n, Σ EE, Σ |EE|, Σ EE² for each parameter.</summary>
    public static int RecordLength(int dimensions) => 4 * dimensions;

    /// <summary>The sums as one record: per parameter n, Σ EE, Σ |EE|, Σ EE². Records add.</summary>
    public void Export(Span<double> record)
    {
        for (var i = 0; i < Dimensions; i++)
        {
            (record[4 * i], record[(4 * i) + 1], record[(4 * i) + 2], record[(4 * i) + 3]) = (_n[i], _sum[i], _absolute[i], _squares[i]);
        }
    }

    /// <summary>Adds a record (<see cref="Export"/>'s layout).</summary>
    public void Add(ReadOnlySpan<double> record)
    {
        for (var i = 0; i < Dimensions; i++)
        {
            _n[i] += (long)record[4 * i];
            _sum[i] += record[(4 * i) + 1];
            _absolute[i] += record[(4 * i) + 2];
            _squares[i] += record[(4 * i) + 3];
        }
    }

    /// <summary>Adds another set of sums over the same parameters.</summary>
    public void Merge(MorrisSums other)
    {
        for (var i = 0; i < Dimensions; i++)
        {
            _n[i] += other._n[i];
            _sum[i] += other._sum[i];
            _absolute[i] += other._absolute[i];
            _squares[i] += other._squares[i];
        }
    }

    /// <summary>μ, μ*, σ and μ*'s half-width per parameter.</summary>
    public IReadOnlyList<MorrisIndex> Indices() =>
        [.. Enumerable.Range(0, Dimensions).Select(i =>
        {
            var n = _n[i];
            var mu = _sum[i] / n;
            var muStar = _absolute[i] / n;
            var sigma = n > 1 ? Math.Sqrt(Math.Max(0, (_squares[i] - (n * mu * mu)) / (n - 1))) : double.NaN;
            return new MorrisIndex(mu, muStar, sigma, BatchMeans.HalfWidthOfMean(n, _absolute[i], _squares[i]));
        })];
}

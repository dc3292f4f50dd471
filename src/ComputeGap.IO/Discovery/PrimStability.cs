namespace ComputeGap.IO.Discovery;

/// <summary>How often PRIM restricts each input when the cases are resampled.</summary>
/// <param name="Resamples">Bootstrap resamples run.</param>
/// <param name="SampleSize">Cases drawn (with replacement) per resample.</param>
/// <param name="Seed">Seed of the generator that drew them.</param>
/// <param name="RestrictedShare">Per input: the share of resamples whose chosen box restricts it.</param>
public sealed record PrimStability(int Resamples, int SampleSize, int Seed, IReadOnlyList<double> RestrictedShare)
{
    /// <summary>Cases per resample unless the data has fewer: enough to place limits within a fraction of a percent, small enough to run dozens of resamples in seconds at any data size.</summary>
    public const int DefaultSampleSize = 1_000_000;

    /// <summary>
    /// Runs PRIM on <paramref name="resamples"/> bootstrap resamples of min(cases, <paramref name="sampleSize"/>)
    /// cases drawn with replacement by <see cref="Random"/> seeded with <paramref name="seed"/> (the same
    /// seed gives the same shares), and counts, per input, the resamples whose box of the default choice
    /// restricts it. A resample with no case of interest, or only such cases, restricts nothing.
    /// </summary>
    public static PrimStability Measure(PrimData data, PrimOptions options, int resamples, int seed, int sampleSize = DefaultSampleSize) =>
        Measure(data.Cases, data.Inputs.Count, data.Gather, options, resamples, seed, sampleSize);

    /// <summary>The same over a grid's bitmap: resamples of scenario numbers, drawn as from the grid's rows (so the shares equal those of its row files).</summary>
    public static PrimStability Measure(GridBitmap grid, PrimOptions options, int resamples, int seed, int sampleSize = DefaultSampleSize)
    {
        var counts = new GridCounts(grid);
        return Measure(grid.Scenarios, grid.Axes.Count, rows => grid.Gather(rows, counts.Inputs, counts.CodeOfIndex), options, resamples, seed, sampleSize);
    }

    private static PrimStability Measure(long cases, int inputs, Func<long[], PrimData> gather, PrimOptions options, int resamples, int seed, int sampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        var size = (int)Math.Min(sampleSize, cases);
        var random = new Random(seed);
        var restricted = new int[inputs];
        var rows = new long[size];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < size; i++)
            {
                rows[i] = cases <= int.MaxValue ? random.Next((int)cases) : random.NextInt64(cases);
            }

            var sample = gather(rows);

            if (sample.CasesOfInterest == 0 || sample.CasesOfInterest == sample.Cases)
            {
                continue;
            }

            var result = Prim.Run(sample, options, quasiP: false);
            foreach (var k in result.RestrictedInputs(result.DefaultChoice))
            {
                restricted[k]++;
            }
        }

        return new PrimStability(resamples, size, seed,
            [.. restricted.Select(c => resamples == 0 ? double.NaN : (double)c / resamples)]);
    }
}

namespace ComputeGap.Core.Reduction;

/// <summary>
/// The bucket mapping of ComputeGap's mergeable quantile sketch (DDSketch-style, log-spaced buckets).
/// A value x &gt; 0 falls in bucket <c>i = ceil(ln x / ln γ)</c> with γ = (1 + α)/(1 − α) and α =
/// <see cref="RelativeAccuracy"/>; reporting a bucket by <c>2γ^i/(γ + 1)</c> is within α of every value
/// in it, so any quantile read from the counts is within 1 % (relative) of a true sample value of
/// that rank. Negative values use the same mapping on |x|; zero has its own bucket. Counts are
/// integers, so sketches merge by addition in any order, and on a GPU a bucket is one atomic add.
/// </summary>
/// <remarks>
/// Indices are clamped to ±<see cref="MaxIndex"/> (|x| from about 4e-18 to 2e17): values beyond land
/// in the end buckets, where the error bound does not hold. Non-finite values are not sketched.
/// </remarks>
public static class QuantileSketch
{
    /// <summary>α: the relative error bound of every quantile.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>Largest |bucket index|.</summary>
    public const int MaxIndex = 2000;

    /// <summary>Buckets per sign: indices −MaxIndex … MaxIndex.</summary>
    public const int BucketsPerSign = (2 * MaxIndex) + 1;

    /// <summary>Slots of one sketch: negative buckets, then the zero bucket, then positive buckets.</summary>
    public const int Length = (2 * BucketsPerSign) + 1;

    /// <summary>γ = (1 + α)/(1 − α).</summary>
    public const double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);

    /// <summary>1 / ln γ, as a float for device code.</summary>
    public const float InverseLogGamma = 49.99833f;

    /// <summary>
    /// The slot of a finite value: 0 … BucketsPerSign−1 for negative values (most negative first),
    /// BucketsPerSign for zero, then positive values (smallest first). Uses only float math that
    /// ILGPU maps to device code.
    /// </summary>
    public static int Slot(float value)
    {
        if (value == 0f)
        {
            return BucketsPerSign;
        }

        var magnitude = value < 0f ? -value : value;
        var index = (int)MathF.Ceiling(MathF.Log(magnitude) * InverseLogGamma);
        index = index < -MaxIndex ? -MaxIndex : (index > MaxIndex ? MaxIndex : index);
        return value > 0f
            ? BucketsPerSign + 1 + index + MaxIndex
            : BucketsPerSign - 1 - (index + MaxIndex);
    }

    /// <summary>
    /// Start of the sketch of series value <paramref name="index"/> (its observer index, see
    /// <c>SeriesLayout</c>) in month <paramref name="month"/>, of <paramref name="width"/> series values a month (fan charts).
    /// </summary>
    public static int FanOffset(int month, int index, int width) => ((month * width) + index) * Length;

    /// <summary>The representative value of a slot (within α of every value mapped to it).</summary>
    public static double Value(int slot)
    {
        if (slot == BucketsPerSign)
        {
            return 0;
        }

        var positive = slot > BucketsPerSign;
        var index = positive ? slot - BucketsPerSign - 1 - MaxIndex : BucketsPerSign - 1 - slot - MaxIndex;
        var magnitude = 2 * Math.Pow(Gamma, index) / (Gamma + 1);
        return positive ? magnitude : -magnitude;
    }
}

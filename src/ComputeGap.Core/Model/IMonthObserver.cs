namespace ComputeGap.Core.Model;

/// <summary>Receives a model's series values each month (see <see cref="Models.ModelDescriptor.SeriesColumns"/>).</summary>
/// <typeparam name="TLane">The lane type.</typeparam>
/// <remarks>
/// Value <c>index</c> of <see cref="Record"/> follows the descriptor's series columns: a per-region
/// column takes one index per region (region r of column c at c's first index + r), a world column one.
/// Every model's first column is the regions' shares, so indices below the region count are shares.
/// A model may pass further diagnostic values after its series columns; observers ignore what they do not know.
/// </remarks>
public interface IMonthObserver<TLane>
    where TLane : struct
{
    /// <summary>False for observers that discard everything, so the model can skip computing the values.</summary>
    bool Enabled { get; }

    /// <summary>Called once per month and value, after the month's install step.</summary>
    void Record(int month, int index, TLane value);
}

/// <summary>The observer used when no series is wanted; the JIT and ILGPU remove its calls.</summary>
public struct NoSeries<TLane> : IMonthObserver<TLane>
    where TLane : struct
{
    public readonly bool Enabled => false;

    public readonly void Record(int month, int index, TLane value)
    {
    }
}

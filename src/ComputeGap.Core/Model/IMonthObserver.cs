namespace ComputeGap.Core.Model;

/// <summary>Receives every region's share each month, for the optional series output.</summary>
/// <typeparam name="TLane">The lane type.</typeparam>
public interface IMonthObserver<TLane>
    where TLane : struct
{
    /// <summary>False for observers that discard everything, so the model can skip computing the shares.</summary>
    bool Enabled { get; }

    /// <summary>Called once per month and region, after the month's install step.</summary>
    void Share(int month, int region, TLane share);
}

/// <summary>The observer used when no series is wanted; the JIT and ILGPU remove its calls.</summary>
public struct NoSeries<TLane> : IMonthObserver<TLane>
    where TLane : struct
{
    public readonly bool Enabled => false;

    public readonly void Share(int month, int region, TLane share)
    {
    }
}

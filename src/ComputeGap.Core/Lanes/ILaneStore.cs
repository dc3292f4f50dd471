namespace ComputeGap.Core.Lanes;

/// <summary>
/// Per-scenario working memory, addressed by slot (see <see cref="Model.ModelSlots"/>). The ILGPU
/// kernel backs it with thread-local memory, the CPU path with a per-thread array.
/// </summary>
/// <typeparam name="TLane">The lane type stored.</typeparam>
public interface ILaneStore<TLane>
    where TLane : struct
{
    /// <summary>The value in <paramref name="slot"/>.</summary>
    TLane this[int slot] { get; set; }
}

namespace ComputeGap.Core.Lanes;

/// <summary>
/// Per-scenario working memory, addressed by slot (see <see cref="Model.ModelSlots"/>). The ILGPU
/// kernel backs it with thread-local memory, the CPU path with a per-thread array.
/// </summary>
/// <typeparam name="TLane">The lane type stored.</typeparam>
public interface ILaneStore<TLane>
    where TLane : struct
{
    /// <summary>
    /// True when the backend fills the model's derived slots (see <see cref="Models.DerivedSlot"/>)
    /// before the model runs; false makes the model derive them from their parameters itself.
    /// </summary>
    static abstract bool HasDerivedSlots { get; }

    /// <summary>The value in <paramref name="slot"/>.</summary>
    TLane this[int slot] { get; set; }

    /// <summary>
    /// Region <paramref name="region"/>'s value of a per-region slot given as region 0's slot
    /// (<see cref="Model.ModelSlots"/> and <see cref="Parameters.ParamSlots"/> give per-region slots
    /// unit stride, so this is slot <c>slot + region</c>). A region's passes read a dozen such slots;
    /// written this way the CPU store forms the region's address once and reads the rest at constant offsets.
    /// </summary>
    TLane this[int region, int slot] { get; set; }
}

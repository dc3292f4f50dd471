using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;

namespace ComputeGap.Core.Models;

/// <summary>
/// A model every backend can run: the kernels and the CPU path are generic over a struct
/// implementing this interface (static abstract members, so every call resolves at compile time,
/// as in ILGPU's generic-kernel sample). Model v1 (<see cref="ModelV1"/>), model v2
/// (<see cref="Market.ModelV2"/>) and test functions go through this one seam.
/// </summary>
public interface IModel
{
    /// <summary>The model's descriptor: names and kinds of its parameters and outcomes, its slot layout.</summary>
    static abstract ModelDescriptor Descriptor { get; }

    /// <summary>Slots one scenario's working memory holds (a compile-time constant: kernels size local memory with it).</summary>
    static abstract int SlotCount { get; }

    /// <summary>Leading slots that hold parameters; a backend fills them before <see cref="Run"/>.</summary>
    static abstract int ParamSlotCount { get; }

    /// <summary>Outcome columns for <paramref name="regions"/> regions.</summary>
    static abstract int OutcomeCount(int regions);

    /// <summary>The store slot holding outcome column <paramref name="column"/> for <paramref name="regions"/> regions.</summary>
    static abstract int OutcomeSlot(int column, int regions);

    /// <summary>
    /// Runs one scenario per lane whose parameters (and, when <c>TS.HasDerivedSlots</c>, derived
    /// slots) are in the store, leaving its outcomes in the outcome slots. Each month's series values
    /// go to <paramref name="series"/> (see <see cref="ModelDescriptor.SeriesColumns"/> for their order).
    /// </summary>
    static abstract void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>;
}

/// <summary>Does something generic for one model type; <see cref="ModelDescriptor.Accept"/> calls it with the descriptor's model.</summary>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IModelVisitor<out TResult>
{
    TResult Visit<TModel>()
        where TModel : struct, IModel;
}

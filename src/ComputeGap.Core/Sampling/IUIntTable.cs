namespace ComputeGap.Core.Sampling;

/// <summary>
/// A read-only table of <see cref="uint"/> read by <see cref="int"/> index: how device code reads
/// precomputed tables (Sobol direction numbers), so one function serves a GPU buffer view and a host
/// array (<see cref="ArrayTable"/>). Implementations are structs, passed as generic arguments.
/// </summary>
public interface IUIntTable
{
    /// <summary>The entry at <paramref name="index"/>, 0-based.</summary>
    uint this[int index] { get; }
}

using ComputeGap.Core.Designs;
using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Running;

/// <summary>
/// What an aggregate run of a sampled design aligns to, and why its lever combinations cannot be compared:
/// one definition for the sweep (as it starts, and for <c>--compare</c>) and for <c>summarize</c> (from the
/// design its metadata records).
/// </summary>
public static class PolicyAlignment
{
    /// <summary>
    /// What aggregate chunks and shards of a sampled design of <paramref name="kind"/> with
    /// <paramref name="samples"/> base samples (or trajectories) of <paramref name="group"/> evaluations each
    /// start on: whole blocks, and for Saltelli and Morris designs whole sensitivity units too (their least
    /// common multiple; a unit depends on the size).
    /// </summary>
    public static int Alignment(DesignKind kind, long samples, int group)
    {
        if (kind is not (DesignKind.Saltelli or DesignKind.Morris))
        {
            return PartialLayout.BlockSize;
        }

        var unit = Aggregation.SensitivityState.UnitFor(kind == DesignKind.Saltelli, samples, group);
        return checked((int)(PartialLayout.BlockSize / (long)System.Numerics.BigInteger.GreatestCommonDivisor(PartialLayout.BlockSize, unit) * unit));
    }

    /// <summary>
    /// Why aggregates of <paramref name="combinations"/> lever combinations of such a design cannot compare
    /// them, or null when they can: too few or too many combinations, a window of every combination too
    /// large, or futures that are not whole units in a run too large for one window or cut into
    /// <paramref name="shards"/> shards, with the least size that gives whole units (a power of two for
    /// Sobol-based designs; a multiple of 4,096 always does, so the search is short).
    /// </summary>
    public static string? WhyNot(DesignKind kind, long samples, int group, long combinations, int shards = 1)
    {
        var evaluations = samples * group;
        var unit = Alignment(kind, samples, group);
        if (RunOrder.WhyNotFutures(combinations, evaluations, 1) is { } why)
        {
            return why;
        }

        var whyNot = RunOrder.WhyNotFutures(combinations, evaluations, unit, shards);
        if (whyNot is null || evaluations % unit == 0 || RunOrder.UnitsTooLarge(combinations, unit))
        {
            return whyNot;
        }

        var powers = kind is DesignKind.Sobol or DesignKind.Saltelli;
        var size = samples;
        while (size * group % Alignment(kind, size, group) != 0)
        {
            size = powers ? size * 2 : size + 1;
        }

        // The size that gives whole units may still be refused (its units too large for its combinations).
        if (RunOrder.WhyNotFutures(combinations, size * group, Alignment(kind, size, group), shards) is not null)
        {
            return whyNot;
        }

        var name = kind == DesignKind.Morris ? "trajectories" : "samples";
        return $"its {evaluations:N0} futures are not a whole number of {unit:N0}-scenario units (blocks and sensitivity units), "
            + (RunOrder.FitsOneWindow(combinations, evaluations) ? "which only a run not cut into shards compares, in one window" : $"which only a run of at most {RunOrder.MaxGroup:N0} scenarios compares, in one window")
            + $"; \"{name}\": {size} gives whole units ({size * group:N0} futures)";
    }
}

using ComputeGap.Core.Reduction;

namespace ComputeGap.Engine.Aggregation;

// Setters the reader uses to rebuild a state from the mergeable columns of aggregate files.
public sealed partial class AggregateState
{
    /// <summary>Restores one outcome's mergeable values (used by the reader).</summary>
    internal void SetOutcome(int outcome, long finite, ExactSum sum, double min, double max)
    {
        _finite[outcome] = finite;
        _sums[outcome] = sum;
        _min[outcome] = min;
        _max[outcome] = max;
    }

    /// <summary>Restores the scenario count (used by the reader).</summary>
    internal void SetScenarios(long scenarios) => Scenarios = scenarios;

    /// <summary>Restores one sketch count (used by the reader).</summary>
    internal void SetSketch(int outcome, int slot, long count) => _sketch[(outcome * QuantileSketch.Length) + slot] = count;

    /// <summary>Restores one axis value's count (used by the reader).</summary>
    internal void SetEffectCount(int value, long count) => _effectCount[value] = count;

    /// <summary>Restores one main-effect cell (used by the reader).</summary>
    internal void SetEffect(int value, int outcome, long finite, ExactSum sum)
    {
        _effectFinite[(value * Shape.Outcomes.Count) + outcome] = finite;
        _effectSums[(value * Shape.Outcomes.Count) + outcome] = sum;
    }

    /// <summary>Restores one threshold count (used by the reader).</summary>
    internal void SetThreshold(int threshold, long count) => _thresholds[threshold] = count;

    /// <summary>Restores the grid's cells (used by the reader).</summary>
    internal void SetGridCells(GridCells cells) => GridCells = cells;

    /// <summary>Restores one extreme (used by the reader).</summary>
    internal void OfferExtreme(bool best, long scenario, double value) => (best ? _best : _worst).Offer(scenario, value);
}

namespace ComputeGap.Calibration.Fitting;

/// <summary>How a calibrated value came about.</summary>
public enum Provenance
{
    /// <summary>Computed from observed data by a stated formula.</summary>
    Derived,

    /// <summary>Chosen by least squares against targets.</summary>
    Fitted,
}

/// <summary>One calibrated parameter value.</summary>
/// <param name="Name">The parameter, <c>name</c> or <c>name[REGION]</c>.</param>
/// <param name="Value">Its calibrated value.</param>
/// <param name="Provenance">Derived or fitted.</param>
/// <param name="Stage">0 (derived), 1 (supply fit) or 2 (market fit).</param>
public sealed record FittedValue(string Name, double Value, Provenance Provenance, int Stage);

/// <summary>One target of a fit and how close the fitted model comes.</summary>
/// <param name="Stage">The fit stage.</param>
/// <param name="Name">What is matched.</param>
/// <param name="Target">The observed or stated figure.</param>
/// <param name="Model">The model's figure with the fitted values.</param>
/// <param name="Source">Where the target comes from.</param>
public sealed record FitTarget(int Stage, string Name, double Target, double Model, string Source);

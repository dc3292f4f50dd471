namespace ComputeGap.Sweep.Spec;

/// <summary>What a baseline file says about one parameter's value besides the value: its unit, where it comes from, and how it was obtained.</summary>
/// <param name="Unit">The file's <c>unit</c> (empty when it gives none), e.g. <c>H100e/month</c>, <c>1/year</c>, <c>fraction</c>.</param>
/// <param name="Source">The file's <c>source</c>: the data or statement the value rests on.</param>
/// <param name="Note">The file's <c>note</c>: whether the value is measured, derived, fitted or a judgement, and how.</param>
public sealed record ValueSource(string Unit, string Source, string Note);

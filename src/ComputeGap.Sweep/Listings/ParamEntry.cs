using ComputeGap.Core.Parameters;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Sweep.Listings;

/// <summary>One parameter of a model as <c>computegap params</c> lists it.</summary>
/// <param name="Info">The parameter, from the model's descriptor: name, rule, meaning, whether per-region.</param>
/// <param name="Range">The values its rule allows.</param>
/// <param name="Source">Its unit, source and note in the baseline file.</param>
/// <param name="Values">Its baseline value: one for a global parameter, one per baseline region (in their order) for a per-region one.</param>
public sealed record ParamEntry(ParamInfo Info, ParamRange Range, ValueSource Source, IReadOnlyList<double> Values);

using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.Models;

/// <summary>
/// Everything the rest of the tool needs to know about a model, in one place: its name and version,
/// its parameter catalogue and slot layout, its outcome columns and their kinds, its series, the
/// derived per-scenario constants and the columns the reductions single out. Readers of sweep and
/// baseline files, backends, writers and reports derive their lists from it, so adding a parameter
/// or an outcome is one entry here plus its use in the model.
/// </summary>
public abstract class ModelDescriptor
{
    private readonly Func<IReadOnlyList<string>, IReadOnlyList<OutcomeInfo>> _outcomes;
    private readonly Func<int, int, int> _outcomeSlot;
    private readonly Func<int, int, KeyColumns> _keys;

    private protected ModelDescriptor(Func<IReadOnlyList<string>, IReadOnlyList<OutcomeInfo>> outcomes, Func<int, int, int> outcomeSlot, Func<int, int, KeyColumns> keys)
    {
        _outcomes = outcomes;
        _outcomeSlot = outcomeSlot;
        _keys = keys;
    }

    /// <summary>The name sweep files use: <c>v1</c>, <c>v2</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The version written into every output (<c>model_version</c>) and required of its baseline files.</summary>
    public required string Version { get; init; }

    /// <summary>One line saying what the model is.</summary>
    public required string Title { get; init; }

    /// <summary>Global parameters, in slot order.</summary>
    public required IReadOnlyList<ParamInfo> Globals { get; init; }

    /// <summary>Per-region parameters; region r's value of one is <see cref="ParamInfo.Slot"/> + r.</summary>
    public required IReadOnlyList<ParamInfo> Regionals { get; init; }

    /// <summary>Leading slots that hold parameters.</summary>
    public required int ParamSlotCount { get; init; }

    /// <summary>Slots one scenario's working memory holds.</summary>
    public required int SlotCount { get; init; }

    /// <summary>Per-scenario constants derived from one parameter each.</summary>
    public required IReadOnlyList<DerivedSlot> DerivedSlots { get; init; }

    /// <summary>What the model reports each month, in the order it passes them to its observer.</summary>
    public required IReadOnlyList<SeriesColumn> SeriesColumns { get; init; }

    /// <summary>File name of the shipped baseline in data/ (<c>baseline-v2.json</c>), built into ComputeGap.Sweep.</summary>
    public required string BaselineFile { get; init; }

    /// <summary>Logical name of the built-in copy of <see cref="BaselineFile"/> (ComputeGap.Sweep's csproj names it so).</summary>
    public string BaselineResource => "ComputeGap." + BaselineFile;

    /// <summary>The one region of a model without regions (a test function): outputs name it, nothing reads it.</summary>
    public const string NominalRegion = "ALL";

    /// <summary>True when the model has per-region parameters (models v1 and v2); the test functions have none and run with the one <see cref="NominalRegion"/>.</summary>
    public bool HasRegions => Regionals.Count > 0;

    /// <summary>Pairs of per-region flags no region may set both of.</summary>
    public IReadOnlyList<(string First, string Second)> ExclusiveFlags { get; init; } = [];

    /// <summary>The outcome columns for <paramref name="regions"/> (region names in model order).</summary>
    public IReadOnlyList<OutcomeInfo> Outcomes(IReadOnlyList<string> regions) => _outcomes(regions);

    /// <summary>The store slot of outcome column <paramref name="column"/>.</summary>
    public int OutcomeSlot(int column, int regions) => _outcomeSlot(column, regions);

    /// <summary>The columns the reductions single out, for <paramref name="regions"/> regions and focus <paramref name="focus"/>.</summary>
    public KeyColumns Keys(int regions, int focus) => _keys(regions, focus);

    /// <summary>Values the model reports each month for <paramref name="regions"/> regions.</summary>
    public int SeriesWidth(int regions) => Series(regions).Width;

    /// <summary>Where each series value sits for <paramref name="regions"/> regions.</summary>
    public SeriesLayout Series(int regions) => new(SeriesColumns, regions);

    /// <summary>Calls <paramref name="visitor"/> with this descriptor's model type.</summary>
    public abstract TResult Accept<TResult>(IModelVisitor<TResult> visitor);

    /// <summary>The parameter named <paramref name="name"/> (without a region), or null.</summary>
    public ParamInfo? Find(string name) =>
        Globals.FirstOrDefault(p => p.Name == name) ?? Regionals.FirstOrDefault(p => p.Name == name);

    /// <summary>The slot of <paramref name="parameter"/> for <paramref name="region"/> (ignored for globals).</summary>
    public static int SlotOf(ParamInfo parameter, int region) => parameter.IsRegional ? parameter.Slot + region : parameter.Slot;

    /// <summary>The derived slot fed by parameter slot <paramref name="paramSlot"/>, or null.</summary>
    public DerivedSlot? DerivedFrom(int paramSlot)
    {
        foreach (var derived in DerivedSlots)
        {
            if (derived.Param == paramSlot)
            {
                return derived;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The descriptor of <typeparamref name="TModel"/>, which <see cref="ModelDescriptor.Accept"/> hands to generic code.</summary>
/// <typeparam name="TModel">The model.</typeparam>
/// <param name="outcomes">The outcome columns for a region list.</param>
/// <param name="keys">The key columns for a region count and focus.</param>
public sealed class ModelDescriptor<TModel>(Func<IReadOnlyList<string>, IReadOnlyList<OutcomeInfo>> outcomes, Func<int, int, KeyColumns> keys)
    : ModelDescriptor(outcomes, TModel.OutcomeSlot, keys)
    where TModel : struct, IModel
{
    /// <inheritdoc/>
    public override TResult Accept<TResult>(IModelVisitor<TResult> visitor) => visitor.Visit<TModel>();
}

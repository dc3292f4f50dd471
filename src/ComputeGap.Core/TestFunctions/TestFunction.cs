using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.TestFunctions;

/// <summary>What the test functions share: one outcome <c>y</c>, real-valued global parameters.</summary>
internal static class TestFunction
{
    /// <summary>The one outcome column, whatever the (single, nominal) region list.</summary>
    public static IReadOnlyList<OutcomeInfo> Outcome(IReadOnlyList<string> regions) =>
        [new OutcomeInfo("y", OutcomeKind.Number, "the test function's value")];

    /// <summary>Every key column is <c>y</c>: the reductions' focus-share slots read it.</summary>
    public static KeyColumns Keys(int regions, int focus) => new(0, 0, 0);

    /// <summary>
    /// The descriptor of a test function <typeparamref name="TModel"/>: global parameters only, in slots
    /// 0 … <paramref name="output"/> − 1, and <c>y</c> in slot <paramref name="output"/>; no regions, no
    /// derived slots, no series.
    /// </summary>
    public static ModelDescriptor Descriptor<TModel>(string name, string title, IReadOnlyList<ParamInfo> globals, int output, string baselineFile)
        where TModel : struct, IModel => new ModelDescriptor<TModel>(Outcome, Keys)
        {
            Name = name,
            Version = name,
            Title = title,
            Globals = globals,
            Regionals = [],
            ParamSlotCount = output,
            SlotCount = output + 1,
            DerivedSlots = [],
            SeriesColumns = [],
            BaselineFile = baselineFile,
        };

    /// <summary>A global real-valued parameter at <paramref name="slot"/>.</summary>
    public static ParamInfo Param(string name, int slot, string meaning) => new(name, ParamKind.Real, false, slot, meaning, slot);
}

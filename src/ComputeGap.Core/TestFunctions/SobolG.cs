using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.TestFunctions;

/// <summary>
/// Sobol's G function (Saltelli and Sobol 1995), y = Π (|4 x_i − 2| + a_i) / (1 + a_i) over eight
/// inputs x_i, usually uniform on [0, 1], with coefficients a_i (default 0, 1, 4.5, 9, 99, 99, 99,
/// 99: the smaller a_i, the more x_i matters). Known Sobol indices; no regions and no series.
/// </summary>
public readonly struct SobolG : IModel
{
    /// <summary>Inputs (and coefficients).</summary>
    public const int Inputs = 8;

    private const int Y = 2 * Inputs;

    /// <summary>The descriptor of the Sobol-G test function (<c>"model": "sobol-g"</c>).</summary>
    public static ModelDescriptor Descriptor { get; } = TestFunction.Descriptor<SobolG>(
        "sobol-g",
        "test function: Sobol's G, y = prod (|4 x_i - 2| + a_i) / (1 + a_i), 8 inputs",
        [
            .. Enumerable.Range(0, Inputs).Select(i => TestFunction.Param($"x{i + 1}", i, $"input {i + 1} (usually uniform on [0, 1])")),
            .. Enumerable.Range(0, Inputs).Select(i => TestFunction.Param($"a{i + 1}", Inputs + i, $"coefficient of input {i + 1} (>= 0; larger means less important)")),
        ],
        output: Y,
        "baseline-sobol-g.json");

    public static int SlotCount => Y + 1;

    public static int ParamSlotCount => Y;

    public static int OutcomeCount(int regions) => 1;

    public static int OutcomeSlot(int column, int regions) => Y;

    public static void Run<TL, TM, TS, TO>(TS s, in ModelShape shape, ref TO series)
        where TL : struct, ILane<TL, TM>
        where TM : struct
        where TS : struct, ILaneStore<TL>
        where TO : struct, IMonthObserver<TL>
    {
        var one = TL.Broadcast(1f);
        var four = TL.Broadcast(4f);
        var two = TL.Broadcast(2f);
        var y = one;
        for (var i = 0; i < Inputs; i++)
        {
            var centred = (four * s[i]) - two;
            var magnitude = TL.Max(centred, TL.Broadcast(0f) - centred);
            var a = s[Inputs + i];
            y *= (magnitude + a) / (one + a);
        }

        s[Y] = y;
    }
}

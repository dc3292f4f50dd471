using ComputeGap.Core.Lanes;
using ComputeGap.Core.Model;
using ComputeGap.Core.Models;
using ComputeGap.Core.Parameters;

namespace ComputeGap.Core.TestFunctions;

/// <summary>
/// The Ishigami function (Ishigami and Homma 1990), y = sin x1 + a sin² x2 + b x3⁴ sin x1, with
/// x_i usually uniform on [−π, π], a = 7, b = 0.1: a model with known Sobol indices that runs
/// through the same engine, kernels and reductions as models v1 and v2, so the estimators can be
/// checked against analytic answers. It has no regions and no series.
/// </summary>
public readonly struct Ishigami : IModel
{
    private const int X1 = 0;
    private const int X2 = 1;
    private const int X3 = 2;
    private const int A = 3;
    private const int B = 4;
    private const int Y = 5;

    /// <summary>The descriptor of the Ishigami test function (<c>"model": "ishigami"</c>).</summary>
    public static ModelDescriptor Descriptor { get; } = TestFunction.Descriptor<Ishigami>(
        "ishigami",
        "test function: Ishigami, y = sin x1 + a sin^2 x2 + b x3^4 sin x1",
        [
            TestFunction.Param("x1", X1, "input 1, radians (usually uniform on [-pi, pi])"),
            TestFunction.Param("x2", X2, "input 2, radians (usually uniform on [-pi, pi])"),
            TestFunction.Param("x3", X3, "input 3 (usually uniform on [-pi, pi])"),
            TestFunction.Param("a", A, "coefficient a (7 in the literature)"),
            TestFunction.Param("b", B, "coefficient b (0.1 in the literature)"),
        ],
        output: Y,
        "baseline-ishigami.json");

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
        var sin1 = TL.Sin(s[X1]);
        var sin2 = TL.Sin(s[X2]);
        var x3 = s[X3];
        var x3Squared = x3 * x3;
        s[Y] = sin1 + (s[A] * sin2 * sin2) + (s[B] * x3Squared * x3Squared * sin1);
    }
}

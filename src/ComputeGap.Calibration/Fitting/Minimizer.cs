using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ComputeGap.Calibration.Fitting;

/// <summary>
/// Nelder–Mead from MathNet.Numerics, restarted from its own optimum until the loss stops falling (a
/// simplex can stall on a ridge; a restart rebuilds it). Deterministic: fixed start, fixed steps.
/// </summary>
internal static class Minimizer
{
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 20_000;
    private const int MaxRestarts = 4;

    /// <summary>The minimum of <paramref name="loss"/> from <paramref name="start"/> with initial steps <paramref name="steps"/>.</summary>
    public static (double[] Point, double Loss) Minimize(Func<double[], double> loss, double[] start, double[] steps)
    {
        var objective = ObjectiveFunction.Value(v => loss([.. v]));
        var point = Vector<double>.Build.DenseOfArray(start);
        var value = double.PositiveInfinity;
        for (var restart = 0; restart <= MaxRestarts; restart++)
        {
            var result = new NelderMeadSimplex(Tolerance, MaxIterations)
                .FindMinimum(objective, point, Vector<double>.Build.DenseOfArray(steps));
            var improved = result.FunctionInfoAtMinimum.Value < value - (Tolerance * Math.Max(1, Math.Abs(value)));
            point = result.MinimizingPoint;
            value = Math.Min(value, result.FunctionInfoAtMinimum.Value);
            if (!improved)
            {
                break;
            }
        }

        return ([.. point], value);
    }
}

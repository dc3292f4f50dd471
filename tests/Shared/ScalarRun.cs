using ComputeGap.Core.Model;
using ComputeGap.Core.Models;

namespace ComputeGap.Tests.Shared;

/// <summary>A production model (Core) on one scenario with <see cref="Core.Lanes.ScalarLane"/>: <see cref="SingleRun"/> with float outcomes, as the tests compare them.</summary>
public static class ScalarRun
{
    /// <param name="Outcomes">Outcome columns in the model's order.</param>
    /// <param name="Series">Every value the model reported each month, [month, index].</param>
    public sealed record Result(float[] Outcomes, float[,] Series)
    {
        /// <summary>The regions' shares each month (model v1's only series; every model's first series column).</summary>
        public float[,] Shares => Series;
    }

    /// <summary>Model v1 on <paramref name="slots"/>.</summary>
    public static Result Run(IReadOnlyList<double> slots, ModelShape shape) => Run<ModelV1>(slots, shape);

    /// <summary><typeparamref name="TModel"/> on <paramref name="slots"/> (its parameter slots; derived slots are left to the model).</summary>
    public static Result Run<TModel>(IReadOnlyList<double> slots, ModelShape shape)
        where TModel : struct, IModel
    {
        var run = SingleRun.Run<TModel>(slots, shape);
        return new Result([.. run.Outcomes.Select(v => (float)v)], run.Months);
    }
}

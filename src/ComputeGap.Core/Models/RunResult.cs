namespace ComputeGap.Core.Models;

/// <summary>A single run's outcomes and every month's reported values.</summary>
/// <param name="Outcomes">Outcome columns in the model's order.</param>
/// <param name="Months">Values reported each month, [month, index] (series columns, then diagnostics).</param>
public sealed record RunResult(IReadOnlyList<double> Outcomes, float[,] Months)
{
    /// <summary>Most values a month kept.</summary>
    public const int MaxValues = 64;

    /// <summary>Months run.</summary>
    public int MonthCount => Months.GetLength(0);

    /// <summary>Value <paramref name="index"/> at month <paramref name="month"/>.</summary>
    public double At(int month, int index) => Months[month, index];

    /// <summary>Sum of value <paramref name="index"/> over months <c>[from, to)</c>.</summary>
    public double Sum(int index, int from, int to)
    {
        var sum = 0.0;
        for (var t = from; t < to; t++)
        {
            sum += Months[t, index];
        }

        return sum;
    }
}

using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Sensitivity;

/// <summary>
/// Sobol indices (Saltelli designs) or Morris statistics (Morris designs) from a run's rows: each
/// row's place in the design follows from its scenario index and the <see cref="DesignInfo"/> in the
/// metadata, so rows may come from any number of parts and shards, in any order.
/// </summary>
public static class SensitivityFromRows
{
    /// <summary>The sensitivity of <paramref name="outcomes"/>, or null when the design has none (or rows are missing, see <paramref name="why"/>).</summary>
    public static SensitivityResult? Compute(IColumnSource table, SummaryMetadata metadata, IReadOnlyList<string> outcomes, out string? why)
    {
        why = null;
        if (metadata.Design is not { Kind: "saltelli" or "morris" } design)
        {
            return null;
        }

        if (ScenarioOrder(table, design) is not { } order)
        {
            why = "sensitivity needs every row of the design exactly once";
            return null;
        }

        var combinations = order.Length / design.Evaluations;

        // One outcome column in memory at a time: each is read, reduced for every lever combination, dropped.
        var leverValues = new Dictionary<string, double>[combinations];
        for (var c = 0L; c < combinations; c++)
        {
            leverValues[c] = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        foreach (var lever in metadata.Axes)
        {
            var column = table.Column(lever).ToDoubles();
            for (var c = 0L; c < combinations; c++)
            {
                leverValues[c][lever] = column[order[c * design.Evaluations]];
            }
        }

        var inputs = design.Kind == "morris" ? design.Uncertain.Select(u => table.Column(u).ToDoubles()).ToArray() : [];
        var sobol = new Dictionary<string, SobolIndices>[combinations];
        var morris = new Dictionary<string, IReadOnlyList<MorrisIndex>>[combinations];
        for (var c = 0L; c < combinations; c++)
        {
            (sobol[c], morris[c]) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        }

        foreach (var outcome in outcomes)
        {
            var y = table.Column(outcome).ToDoubles();
            for (var c = 0L; c < combinations; c++)
            {
                var first = c * design.Evaluations;
                if (design.Kind == "saltelli")
                {
                    sobol[c][outcome] = Saltelli(design, y, order, first);
                }
                else
                {
                    morris[c][outcome] = Morris(design, y, inputs, order, first);
                }
            }

            ColumnMemory.Release();
        }

        var results = Enumerable.Range(0, (int)combinations)
            .Select(c => new LeverSensitivity(leverValues[c], sobol[c], morris[c]))
            .ToList();
        return new SensitivityResult(design.Kind == "saltelli" ? "sobol" : "morris", design.Uncertain, results);
    }

    /// <summary>
    /// The row of each scenario (order[s] is scenario s's row), when the table holds every scenario of
    /// whole lever combinations exactly once; else null.
    /// </summary>
    public static int[]? ScenarioOrder(IColumnSource table, DesignInfo design)
    {
        if (!table.Specs.Any(c => c.Name == OutcomeColumns.Scenario && c.Type == ColumnType.Int64))
        {
            return null;
        }

        var scenarios = table.Column(OutcomeColumns.Scenario).As<long>();
        var order = new int[scenarios.Length];
        Array.Fill(order, -1);
        for (var row = 0; row < scenarios.Length; row++)
        {
            var scenario = scenarios[row];
            if (scenario < 0 || scenario >= order.Length || order[scenario] >= 0)
            {
                return null;
            }

            order[scenario] = row;
        }

        return scenarios.Length % design.Evaluations == 0 && scenarios.Length > 0 ? order : null;
    }

    private static SobolIndices Saltelli(DesignInfo design, double[] y, int[] order, long first)
    {
        var d = design.Uncertain.Count;
        var sums = new SobolSums(d, design.SecondOrder, design.Samples);
        var group = new double[design.Group];
        for (var j = 0L; j < design.Samples; j++)
        {
            for (var r = 0; r < group.Length; r++)
            {
                group[r] = y[order[first + (j * design.Group) + r]];
            }

            sums.Add(j, group);
        }

        return sums.Indices();
    }

    /// <summary>
    /// Each step of a trajectory moves one parameter by ±Δ; the moved one is the input column that
    /// changes (quantile functions increase, so its sign is the step's). A step that changes no
    /// column (a choice whose two levels map to one value) has an effect of 0; it is given to the
    /// parameter the trajectory has not moved otherwise.
    /// </summary>
    private static IReadOnlyList<MorrisIndex> Morris(DesignInfo design, double[] y, double[][] inputs, int[] order, long first)
    {
        var d = inputs.Length;
        var delta = design.Levels / (2.0 * (design.Levels - 1));
        var sums = new MorrisSums(d);
        var moved = new bool[d];
        for (var t = 0L; t < design.Samples; t++)
        {
            Array.Clear(moved);
            var unassigned = 0;
            var start = first + (t * (d + 1));
            for (var m = 0; m < d; m++)
            {
                var before = order[start + m];
                var after = order[start + m + 1];
                var parameter = Array.FindIndex(inputs, column => column[after] != column[before]);
                if (parameter < 0)
                {
                    unassigned++;
                    continue;
                }

                moved[parameter] = true;
                var sign = inputs[parameter][after] > inputs[parameter][before] ? 1 : -1;
                sums.Add(parameter, (y[after] - y[before]) / (sign * delta));
            }

            for (var i = 0; i < d && unassigned > 0; i++)
            {
                if (!moved[i])
                {
                    sums.Add(i, 0);
                    unassigned--;
                }
            }
        }

        return sums.Indices();
    }
}

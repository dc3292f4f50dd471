using ComputeGap.IO.Names;
using ComputeGap.IO.Parquet;
using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Discovery;

/// <summary>
/// Scenario discovery over a table of scenarios: marks the cases where a condition holds, codes the inputs
/// one column at a time, and runs PRIM, its resampling and regional sensitivity.
/// </summary>
public static class ScenarioDiscovery
{
    /// <summary>Runs <paramref name="request"/> over <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">Bad input, with one line saying what and where (an unknown column names the closest one).</exception>
    public static async Task<DiscoveryResult> RunAsync(ParquetParts parts, DiscoveryRequest request, string source,
        CancellationToken cancellationToken = default)
    {
        if (request.Options.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var condition = WhereParser.ParseOption(request.Where);

        var names = parts.Columns.Select(c => c.Name).ToArray();
        foreach (var column in condition.Columns)
        {
            var spec = Known(column, "--where", names, source, parts);
            if (!ColumnTypes.IsNumeric(spec.Type))
            {
                throw new ArgumentException($"--where: column {column} of {source} holds {Kind(spec.Type)}; conditions compare numbers");
            }
        }

        var explicitInputs = request.Inputs is not null;
        var inputs = request.Inputs ?? DefaultInputs(parts, condition);
        if (inputs.Count == 0)
        {
            throw new ArgumentException($"{source} has no numeric column besides those of the condition to search; name inputs with --inputs");
        }

        foreach (var input in inputs)
        {
            if (Known(input, "--inputs", names, source, parts).Type == ColumnType.Date)
            {
                throw new ArgumentException($"--inputs: column {input} of {source} holds {Kind(ColumnType.Date)}; name its month index column instead");
            }
        }

        var twice = inputs.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"--inputs: {twice.Key} is named twice");
        }

        var rows = parts.RowCount;
        var values = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var column in condition.Columns)
        {
            values[column] = (await parts.ReadColumnAsync(column, cancellationToken).ConfigureAwait(false)).ComparableValues;
        }

        var flags = condition.Evaluate(rows, name => values[name]);
        values.Clear();
        ColumnMemory.Release();
        var ofInterest = flags.LongCount(f => f);
        RequireContrast(request, ofInterest, rows, source);

        var coded = new List<CodedInput>(inputs.Count);
        var leftOut = new List<string>();
        foreach (var name in inputs)
        {
            var column = await parts.ReadColumnAsync(name, cancellationToken).ConfigureAwait(false);
            try
            {
                coded.Add(column.Type == ColumnType.String
                    ? ColumnCoder.Code(name, column.AsStrings())
                    : ColumnCoder.Code(name, column.Values, column.Type == ColumnType.Float32));
            }
            catch (ArgumentException) when (!explicitInputs && IsConstant(column))
            {
                leftOut.Add(name);
            }

            column = null;
            ColumnMemory.Release();
        }

        if (coded.Count == 0)
        {
            throw new ArgumentException($"every input of {source} is constant ({string.Join(", ", leftOut)}); name inputs with --inputs");
        }

        var data = new PrimData(coded, flags);
        var prim = Prim.Run(data, request.Options);
        RequireBox(request, prim);

        var stability = PrimStability.Measure(data, request.Options, request.Resamples, request.Seed);
        return new DiscoveryResult(condition, prim, request.Box ?? prim.DefaultChoice, stability,
            RegionalSensitivity.Rank(data), leftOut, parts.Metadata)
        {
            Source = source,
            Options = request.Options,
        };
    }

    /// <summary>
    /// Runs <paramref name="request"/> over a grid's bitmap (<c>sweep --where</c>): PRIM over sub-grids, its
    /// resamples and regional sensitivity, as the grid's rows would give them.
    /// </summary>
    /// <param name="grid">The grid and its bits.</param>
    /// <param name="recorded">The condition the bits record.</param>
    /// <param name="request">What to find; its condition must be the recorded one, its inputs (if named) every axis.</param>
    /// <param name="metadata">The run's metadata.</param>
    /// <param name="source">The run, as the report names it.</param>
    /// <exception cref="ArgumentException">Bad input, in one line.</exception>
    public static DiscoveryResult Run(GridBitmap grid, WhereExpression recorded, DiscoveryRequest request,
        IReadOnlyDictionary<string, string> metadata, string source)
    {
        if (request.Options.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var condition = WhereParser.ParseOption(request.Where);
        if (condition.ToString() != recorded.ToString())
        {
            throw new ArgumentException($"--where \"{request.Where}\": {source} keeps the bitmap of \"{recorded}\" only; discover that, write rows, or rerun the sweep with --where \"{request.Where}\"");
        }

        if (request.Inputs is { } inputs && !inputs.Order(StringComparer.Ordinal).SequenceEqual(grid.Axes.Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException($"--inputs: a grid's bitmap is searched over all its axes ({string.Join(", ", grid.Axes)}); write rows to search fewer");
        }

        RequireContrast(request, grid.Holds, grid.Scenarios, source);

        var prim = Prim.Run(grid, request.Options);
        RequireBox(request, prim);

        return new DiscoveryResult(recorded, prim, request.Box ?? prim.DefaultChoice,
            PrimStability.Measure(grid, request.Options, request.Resamples, request.Seed),
            RegionalSensitivity.Rank(grid), [], metadata)
        {
            Source = source,
            Options = request.Options,
        };
    }

    /// <summary>Refuses a condition that holds in no case or in every case: PRIM would have nothing to tell apart.</summary>
    private static void RequireContrast(DiscoveryRequest request, long ofInterest, long cases, string source)
    {
        if (ofInterest == 0 || ofInterest == cases)
        {
            throw new ArgumentException($"--where \"{request.Where}\" holds in {(ofInterest == 0 ? "no case" : "every case")} of the {cases:N0} in {source}, so there is nothing to tell apart");
        }
    }

    /// <summary>Refuses a <c>--box</c> beyond the trajectory.</summary>
    private static void RequireBox(DiscoveryRequest request, PrimResult prim)
    {
        if (request.Box is { } box && (box < 0 || box >= prim.Trajectory.Count))
        {
            throw new ArgumentException($"--box {box}: the trajectory has boxes 0 to {prim.Trajectory.Count - 1}");
        }
    }

    /// <summary>
    /// A run's axes and uncertain parameters (from its metadata, those present as columns); for other
    /// tables every numeric column the condition does not read.
    /// </summary>
    public static IReadOnlyList<string> DefaultInputs(ParquetParts parts, WhereExpression condition)
    {
        var present = parts.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var metadata = SummaryMetadata.Parse(parts.Metadata);
        var described = metadata.InputColumns.Where(present.Contains).ToList();
        if (described.Count > 0)
        {
            return described;
        }

        var used = condition.Columns.ToHashSet(StringComparer.Ordinal);
        return [.. parts.Columns.Where(c => ColumnTypes.IsNumeric(c.Type) && !used.Contains(c.Name)).Select(c => c.Name)];
    }

    private static string Kind(ColumnType type) => type == ColumnType.Date ? "calendar dates" : "text";

    private static ColumnSpec Known(string column, string option, string[] names, string source, ParquetParts parts)
    {
        UnknownColumn.Check(option, column, names, source);
        return parts.Find(column)!.Value;
    }

    private static bool IsConstant(TableColumn column)
    {
        if (column.Type == ColumnType.String)
        {
            return column.AsStrings().Distinct(StringComparer.Ordinal).Take(2).Count() < 2;
        }

        var first = ColumnBlocks.At(column.Values, 0);
        var constant = true;
        ColumnBlocks.ForEachInOrder(column.Values, (_, block) => constant &= !block.ContainsAnyExcept(first));
        return constant;
    }

}

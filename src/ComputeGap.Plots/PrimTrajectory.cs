using System.Text.Json;
using ComputeGap.IO.Discovery;

namespace ComputeGap.Plots;

/// <summary>The trajectory of a <c>computegap discover … --format json</c> output, and the box it chose.</summary>
/// <param name="Condition">The <c>--where</c> condition.</param>
/// <param name="Source">The run it was found in.</param>
/// <param name="Boxes">Every box, in order.</param>
/// <param name="Chosen">The chosen box's index.</param>
public sealed record PrimTrajectory(string Condition, string Source, IReadOnlyList<PrimBox> Boxes, int Chosen)
{
    /// <summary>Every input discover searched, with its full range (empty in output written before discover gave ranges).</summary>
    public IReadOnlyList<PrimInput> Inputs { get; init; } = [];

    /// <summary>True when <paramref name="path"/> names a JSON file (by its extension), which <c>plot</c> reads as discover output.</summary>
    public static bool IsJsonFile(string path) => File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the trajectory from discover's JSON.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON of the format <see cref="DiscoveryReport.FormatName"/>.</exception>
    public static PrimTrajectory Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != DiscoveryReport.FormatName)
            {
                throw new InvalidDataException(
                    $"{path} is not the output of computegap discover --format json (its \"format\" is {(format is null ? "missing" : $"\"{format}\"")}, not \"{DiscoveryReport.FormatName}\")");
            }

            var boxes = root.GetProperty("trajectory").EnumerateArray().Select(b => new PrimBox(
                b.GetProperty("box").GetInt32(),
                b.GetProperty("coverage").GetDouble(),
                b.GetProperty("density").GetDouble(),
                b.GetProperty("mass").GetDouble(),
                b.GetProperty("restricted").GetInt32(),
                b.GetProperty("pasted").GetBoolean())
            {
                Limits = LimitsOf(b),
            }).ToArray();
            var inputs = root.TryGetProperty("inputs", out var list)
                ? list.EnumerateArray().Select(i => new PrimInput(i.GetProperty("name").GetString() ?? string.Empty, NumberOr(i, "min"), NumberOr(i, "max"), Strings(i, "values"))).ToArray()
                : [];
            return new PrimTrajectory(root.GetProperty("condition").GetString() ?? string.Empty, root.GetProperty("source").GetString() ?? string.Empty,
                boxes, root.GetProperty("chosen").GetInt32())
            {
                Inputs = inputs,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not readable as computegap discover output: {e.Message}", e);
        }
    }

    /// <summary>The chosen box, or null when the trajectory lacks it.</summary>
    public PrimBox? ChosenBox => Boxes.FirstOrDefault(b => b.Index == Chosen);

    /// <summary>The box's limits by input, with each restriction's quasi-p.</summary>
    private static PrimLimit[] LimitsOf(JsonElement box)
    {
        if (!box.TryGetProperty("limits", out var limits))
        {
            return [];
        }

        var quasiP = box.TryGetProperty("quasi_p", out var q) ? q : default;
        return [.. limits.EnumerateObject().Select(l => new PrimLimit(l.Name, NumberOr(l.Value, "min"), NumberOr(l.Value, "max"), Strings(l.Value, "values"),
            quasiP.ValueKind == JsonValueKind.Object && quasiP.TryGetProperty(l.Name, out var p) ? p.GetDouble() : null))];
    }

    private static double NumberOr(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)] : [];
}

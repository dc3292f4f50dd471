using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComputeGap.Calibration.Fitting;

/// <summary>Writes calibrated values into a baseline file, keeping every source, unit and note as it is.</summary>
public static class BaselineWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of <paramref name="text"/> with every value in <paramref name="fitted"/> replaced (rounded to <see cref="CalibrationResult.Digits"/> digits).</summary>
    public static string Apply(string text, IEnumerable<FittedValue> fitted)
    {
        var root = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidDataException("the baseline file is not a JSON object");
        foreach (var value in fitted)
        {
            var open = value.Name.IndexOf('[', StringComparison.Ordinal);
            var rounded = JsonValue.Create(CalibrationResult.Rounded(value.Value));
            if (open < 0)
            {
                root["globals"]![value.Name]!["value"] = rounded;
            }
            else
            {
                root["regional"]![value.Name[..open]]!["values"]![value.Name[(open + 1)..^1]] = rounded;
            }
        }

        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Rewrites <paramref name="path"/> atomically (a temporary file renamed over it).</summary>
    public static void Write(string path, IEnumerable<FittedValue> fitted)
    {
        var text = Apply(File.ReadAllText(path), fitted);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..12];
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}

using System.Globalization;
using System.Text.Json;

namespace ComputeGap.IO.Reports;

/// <summary>How a <see cref="ResultTable"/> column is shown to people (machine formats carry the raw value).</summary>
public enum CellFormat
{
    /// <summary>Text as it is.</summary>
    Text,

    /// <summary>A quantity: four significant digits, k/M/G/T above ten thousand.</summary>
    Number,

    /// <summary>A fraction shown as a percentage.</summary>
    Percent,

    /// <summary>A difference of fractions in percentage points.</summary>
    PercentagePoints,

    /// <summary>A signed relative change or error, shown as a percentage with its sign.</summary>
    SignedPercent,

    /// <summary>US dollars.</summary>
    Dollars,
}

/// <summary>A number that people see in its own format, whatever its column's (machine formats carry the raw value).</summary>
/// <param name="Value">The value.</param>
/// <param name="Format">How people see it.</param>
public readonly record struct Cell(double Value, CellFormat Format);

/// <summary>One column of a <see cref="ResultTable"/>.</summary>
/// <param name="Name">Machine name (snake_case), the JSON key and CSV header.</param>
/// <param name="Header">Heading for people.</param>
/// <param name="Format">How people see the values.</param>
public sealed record ResultColumn(string Name, string Header, CellFormat Format);

/// <summary>
/// A tidy table of results — one row per item, one column per attribute — written for people (aligned
/// text), for scripts (JSON) or for spreadsheets and data frames (CSV with one header line). The
/// calibration, hindcast, lever and baseline commands write their results through it.
/// </summary>
/// <param name="Name">Machine name of the table (its JSON key).</param>
/// <param name="Title">A line saying what the table holds.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows: strings, doubles, <see cref="Cell"/>s, booleans or null (missing), one cell per column.</param>
public sealed record ResultTable(string Name, string Title, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="tables"/>: all of them as text or one JSON object; CSV holds the first (the command's main table).</summary>
    public static void Write(IReadOnlyList<ResultTable> tables, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Json:
                using (var stream = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartObject();
                        foreach (var table in tables)
                        {
                            table.WriteJson(json);
                        }

                        json.WriteEndObject();
                    }

                    writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
            case ReportFormat.Csv:
                tables[0].WriteCsv(writer);
                break;
            default:
                for (var i = 0; i < tables.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    tables[i].WriteText(writer);
                }

                break;
        }
    }

    private void WriteText(TextWriter writer)
    {
        writer.WriteLine(Title);
        var rows = new List<string[]> { Columns.Select(c => c.Header).ToArray() };
        rows.AddRange(Rows.Select(row => Columns.Select((c, i) => Show(row[i], c.Format)).ToArray()));
        TextTable.Write(rows, writer, "  ", i => Columns[i].Format != CellFormat.Text);
    }

    private void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartArray(Name);
        foreach (var row in Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < Columns.Count; i++)
            {
                json.WritePropertyName(Columns[i].Name);
                switch (row[i])
                {
                    case double d when double.IsFinite(d):
                        json.WriteNumberValue(d);
                        break;
                    case Cell c when double.IsFinite(c.Value):
                        json.WriteNumberValue(c.Value);
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    case string s:
                        json.WriteStringValue(s);
                        break;
                    default:
                        json.WriteNullValue();
                        break;
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(",", Columns.Select(c => CsvReport.Field(c.Name))));
        foreach (var row in Rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Csv)));
        }
    }

    private static string Csv(object? cell) => cell switch
    {
        double d => ReportNumbers.Exact(d),
        Cell c => ReportNumbers.Exact(c.Value),
        bool b => b ? "true" : "false",
        string s => CsvReport.Field(s),
        _ => string.Empty,
    };

    private static string Show(object? cell, CellFormat format) => cell switch
    {
        null => "-",
        string s => s,
        bool b => b ? "yes" : "no",
        Cell c => Show(c.Value, c.Format),
        double d => format switch
        {
            CellFormat.Percent => ReportNumbers.Percent(d, 3),
            CellFormat.PercentagePoints => (d >= 0 ? "+" : string.Empty) + ReportNumbers.PercentagePoints(d),
            CellFormat.SignedPercent => double.IsFinite(d) ? (d * 100).ToString("+0.0;-0.0;0.0", Invariant) + " %" : ReportNumbers.Number(d),
            CellFormat.Dollars => "$" + ReportNumbers.Number(d),
            _ => ReportNumbers.Number(d),
        },
        _ => cell.ToString() ?? string.Empty,
    };
}

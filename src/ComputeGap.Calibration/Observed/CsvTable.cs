using System.Globalization;

namespace ComputeGap.Calibration.Observed;

/// <summary>
/// One of the data/observed files: <c>#</c> comment lines naming the source, one header line, then
/// comma-separated rows without quoting. Every malformed line is reported with the file and line.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<(int Line, string[] Fields)> _rows = [];

    private CsvTable(string name, string text)
    {
        Name = name;
        string[]? header = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length < header.Length)
            {
                throw new InvalidDataException($"{name}: line {lineNumber}: {fields.Length} fields where the header has {header.Length}");
            }

            _rows.Add((lineNumber, fields));
        }

        if (header is null)
        {
            throw new InvalidDataException($"{name}: no header line");
        }

        _columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Reads <paramref name="text"/>, named <paramref name="name"/> in messages.</summary>
    public static CsvTable Parse(string name, string text) => new(name, text);

    /// <summary>The rows whose column <paramref name="column"/> is <paramref name="value"/> (all rows when <paramref name="column"/> is null).</summary>
    public IEnumerable<Row> Rows(string? column = null, string? value = null)
    {
        foreach (var (line, fields) in _rows)
        {
            if (column is null || fields[Index(column)] == value)
            {
                yield return new Row(this, line, fields);
            }
        }
    }

    private int Index(string column) =>
        _columns.TryGetValue(column, out var i) ? i : throw new InvalidDataException($"{Name}: no column \"{column}\"");

    /// <summary>One data row.</summary>
    public readonly struct Row
    {
        private readonly CsvTable _table;
        private readonly int _line;
        private readonly string[] _fields;

        internal Row(CsvTable table, int line, string[] fields)
        {
            _table = table;
            _line = line;
            _fields = fields;
        }

        /// <summary>The text of <paramref name="column"/>.</summary>
        public string Text(string column) => _fields[_table.Index(column)];

        /// <summary>The number in <paramref name="column"/>.</summary>
        public double Number(string column) =>
            double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new InvalidDataException($"{_table.Name}: line {_line}: column \"{column}\" is not a number (\"{Text(column)}\")");
    }
}

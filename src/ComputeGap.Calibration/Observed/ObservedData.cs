using System.Globalization;

namespace ComputeGap.Calibration.Observed;

/// <summary>
/// The observed series model v2 is fitted to and checked against (data/observed, whose README and
/// header comments give every source). Periods are calendar quarters and years; months are counted
/// from January 2024, the v2 baseline's t = 0.
/// </summary>
public sealed class ObservedData
{
    private readonly Dictionary<string, CsvTable> _tables;

    private ObservedData(Dictionary<string, CsvTable> tables) => _tables = tables;

    /// <summary>The files built into this assembly (data/observed at build time).</summary>
    public static ObservedData BuiltIn() => Load(name =>
    {
        using var stream = typeof(ObservedData).Assembly.GetManifestResourceStream("ComputeGap.observed." + name)
            ?? throw new InvalidDataException($"observed data file {name} is missing from {typeof(ObservedData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The files in <paramref name="directory"/>.</summary>
    public static ObservedData FromDirectory(string directory) => Load(name =>
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{path}: file not found", path);
    });

    private static ObservedData Load(Func<string, string> read)
    {
        string[] names = ["us-designed-output.csv", "china-holdings.csv", "prices.csv", "spending.csv", "nvidia-compute-revenue.csv", "cluster-shares.csv", "huawei-output.csv"];
        return new ObservedData(names.ToDictionary(n => n, n => CsvTable.Parse(n, read(n)), StringComparer.Ordinal));
    }

    /// <summary>US-designed output (all makers) in a calendar quarter such as <c>2024Q1</c>, H100e (Epoch medians).</summary>
    public double QuarterOutput(string quarter)
    {
        var rows = _tables["us-designed-output.csv"].Rows("quarter", quarter).ToList();
        return rows.Count > 0 ? rows.Sum(r => r.Number("h100e")) : throw new InvalidDataException($"us-designed-output.csv: no rows for {quarter}");
    }

    /// <summary>One maker's output in a calendar quarter (maker as the file writes it: nvidia, google_tpu, amd, aws_trainium), H100e.</summary>
    public double QuarterOutput(string quarter, string maker) =>
        _tables["us-designed-output.csv"].Rows("quarter", quarter).Where(r => r.Text("maker") == maker).Select(r => r.Number("h100e")).DefaultIfEmpty(double.NaN).First() is var v && !double.IsNaN(v)
            ? v
            : throw new InvalidDataException($"us-designed-output.csv: no {maker} row for {quarter}");

    /// <summary>US-designed output in a calendar year, H100e.</summary>
    public double YearOutput(int year) => Enumerable.Range(1, 4).Sum(q => QuarterOutput(Quarter(year, q)));

    /// <summary>Every quarter with output data, in order, as (year, quarter).</summary>
    public IReadOnlyList<(int Year, int Quarter)> OutputQuarters() =>
        [.. _tables["us-designed-output.csv"].Rows().Select(r => r.Text("quarter")).Distinct().Order(StringComparer.Ordinal)
            .Select(q => (int.Parse(q[..4], CultureInfo.InvariantCulture), q[5] - '0'))];

    /// <summary>Epoch's NVIDIA H100e held by China at a quarter end such as <c>2024-12-31</c>.</summary>
    public double ChinaHoldings(string quarterEnd) =>
        _tables["china-holdings.csv"].Rows("quarter_end", quarterEnd).Select(r => r.Number("h100e")).DefaultIfEmpty(double.NaN).First() is var v && !double.IsNaN(v)
            ? v
            : throw new InvalidDataException($"china-holdings.csv: no row for {quarterEnd}");

    /// <summary>A price series value, e.g. <c>cost_all_makers</c> in 2024 ($ per H100e) or <c>h100_price_per_chip_geomean</c>.</summary>
    public double Price(int year, string series) => Single("prices.csv", r => r.Text("series") == series && r.Text("year") == Year(year), "usd_per_h100e", $"{series} {year}");

    /// <summary>NVIDIA's compute revenue in fiscal quarter <paramref name="fiscalQuarter"/> (e.g. <c>FY25Q1</c>), $ bn.</summary>
    public double NvidiaComputeRevenue(string fiscalQuarter) =>
        Single("nvidia-compute-revenue.csv", r => r.Text("fiscal_quarter") == fiscalQuarter, "compute_revenue_usd_bn", fiscalQuarter);

    /// <summary>The regions' shares in a cluster snapshot (e.g. <c>2025-05</c>).</summary>
    public IReadOnlyDictionary<string, double> ClusterShares(string snapshot) =>
        _tables["cluster-shares.csv"].Rows("snapshot", snapshot).ToDictionary(r => r.Text("region"), r => r.Number("share"), StringComparer.Ordinal);

    /// <summary>The published range of Huawei's AI-chip output in <paramref name="year"/>, dies.</summary>
    public (double Low, double High) HuaweiRange(int year) =>
        (Single("huawei-output.csv", r => r.Text("year") == Year(year) && r.Text("estimate") == "low", "dies", $"low {year}"),
         Single("huawei-output.csv", r => r.Text("year") == Year(year) && r.Text("estimate") == "high", "dies", $"high {year}"));

    /// <summary>A quarter's name, e.g. <c>2024Q1</c>.</summary>
    public static string Quarter(int year, int quarter) => FormattableString.Invariant($"{year}Q{quarter}");

    private double Single(string file, Func<CsvTable.Row, bool> match, string column, string what)
    {
        foreach (var row in _tables[file].Rows())
        {
            if (match(row))
            {
                return row.Number(column);
            }
        }

        throw new InvalidDataException($"{file}: no row for {what}");
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}

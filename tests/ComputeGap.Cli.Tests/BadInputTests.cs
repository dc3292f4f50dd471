using ComputeGap.IO.Tests;
namespace ComputeGap.Cli.Tests;

/// <summary>Bad input: one clear line naming the file, the JSON path and the rule; exit code 2; no output left behind.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "{ \"axes\": [ ", "$", "" },
        { "{ \"axes\": [ { \"param\": \"leakage\", \"values\": [0.5, 1.5] } ] }", "$.axes[0].values[1]", "[0, 1]" },
        { "{ \"axes\": [ { \"param\": \"no_such_thing\", \"values\": [1] } ] }", "$.axes[0].param", "no_such_thing" },
        { "{ \"axes\": [ { \"param\": \"dc_power_growth[MARS]\", \"values\": [1] } ] }", "$.axes[0].param", "MARS" },
        { "{ \"horizon_months\": 601, \"axes\": [] }", "$.horizon_months", "600" },
        { "{ \"axes\": [ { \"param\": \"leakage\", \"values\": [] } ] }", "$.axes[0].values", "" },
        { "{ \"axes\": [ { \"param\": \"leakage\", \"values\": [\"NaN\"] } ] }", "$.axes[0].values[0]", "" },
        { "{ \"axes\": [ { \"param\": \"leakage\", \"values\": [0] }, { \"param\": \"leakage\", \"values\": [1] } ] }", "$.axes[1].param", "leakage" },
        { "{ \"set\": { \"ree_stock_months\": -1 }, \"axes\": [] }", "$.set.ree_stock_months", ">= 0" },
        { "{ \"axes\": [ { \"param\": \"fab_capacity0\", \"range\": { \"from\": 1, \"to\": 2, \"count\": 1000000000 } }, { \"param\": \"leakage\", \"range\": { \"from\": 0, \"to\": 1, \"count\": 1000000000 } }, { \"param\": \"demand0\", \"range\": { \"from\": 1, \"to\": 2, \"count\": 1000000000 } } ] }", "$.axes", "" },

        // Models: an unknown name, a parameter of the other model either way, and v2's own ranges.
        { "{ \"model\": \"v3\", \"axes\": [] }", "$.model", "unknown model \"v3\" (models: v1, v2, ishigami, sobol-g)" },
        { "{ \"model\": \"v1\", \"axes\": [ { \"param\": \"fab_capacity0\", \"values\": [1] } ] }", "$.axes[0].param", "parameter of model v2, not of model v1" },
        { "{ \"axes\": [ { \"param\": \"supply0\", \"values\": [1] } ] }", "$.axes[0].param", "parameter of model v1, not of model v2" },
        { "{ \"set\": { \"capex_growth[EU]\": -1 }, \"axes\": [] }", "$.set['capex_growth[EU]']", "greater than -1" },
        { "{ \"set\": { \"dc_power0[EU]\": -5 }, \"axes\": [] }", "$.set['dc_power0[EU]']", ">= 0" },
        { "{ \"axes\": [ { \"param\": \"price_floor0\", \"values\": [20000, 0] } ] }", "$.axes[0].values[1]", "price_floor0 must be > 0" },
        { "{ \"axes\": [ { \"param\": \"levage\", \"values\": [0] } ] }", "$.axes[0].param", "(did you mean leakage?)" },

        // Sampled designs: no uncertain list, a bad distribution, a lever also uncertain, samples not a power of two.
        { "{ \"design\": { \"kind\": \"lhs\", \"samples\": 10 } }", "$", "needs \"uncertain\"" },
        { "{ \"design\": { \"kind\": \"lhs\", \"samples\": 10 }, \"uncertain\": [ { \"param\": \"leakage\", \"normal\": { \"mean\": 0.1, \"sd\": 0, \"min\": 0, \"max\": 1 } } ] }", "$.uncertain[0].normal.sd", "sd > 0" },
        { "{ \"design\": { \"kind\": \"lhs\", \"samples\": 10 }, \"uncertain\": [ { \"param\": \"leakage\", \"uniform\": { \"from\": 0.5, \"to\": 0.1 } } ] }", "$.uncertain[0].uniform.to", "from <= to" },
        { "{ \"design\": { \"kind\": \"lhs\", \"samples\": 10 }, \"uncertain\": [ { \"param\": \"leakage\", \"uniform\": { \"from\": 0, \"to\": 1 } } ], \"levers\": [ { \"param\": \"leakage\", \"values\": [0, 1] } ] }", "$.uncertain[0]", "either a lever or uncertain" },
        { "{ \"design\": { \"kind\": \"saltelli\", \"samples\": 1000 }, \"uncertain\": [ { \"param\": \"leakage\", \"uniform\": { \"from\": 0, \"to\": 1 } } ] }", "$.design.samples", "power of two" },
        { "{ \"design\": { \"kind\": \"lhs\", \"samples\": 10 }, \"uncertain\": [ { \"param\": \"bubble_month\", \"choice\": { \"values\": [-1, 24], \"weights\": [0, 0] } } ] }", "$.uncertain[0].choice.weights", "positive" },

        // Thresholds: a misspelt outcome, no bound or two, a bound that is not a number, one given twice, too many.
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EUU\", \"below\": 0.1 } ] }", "$.thresholds[0].outcome", "(did you mean share_EU?)" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\" } ] }", "$.thresholds[0]", "give one of \"below\"" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\", \"below\": 0.1, \"at_least\": 0.2 } ] }", "$.thresholds[0]", "give one of \"below\"" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\", \"below\": \"NaN\" } ] }", "$.thresholds[0].below", "NaN and Infinity are not allowed" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\", \"at_least\": 3.4028235e38 } ] }", "$.thresholds[0].at_least", "largest 32-bit float" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\", \"belo\": 0.1 } ] }", "$.thresholds[0].belo", "(did you mean below?)" },
        { "{ \"axes\": [], \"thresholds\": [ { \"outcome\": \"share_EU\", \"below\": 0.1 }, { \"outcome\": \"share_EU\", \"below\": 0.1 } ] }", "$.thresholds[1]", "given twice" },
        { "{ \"axes\": [], \"thresholds\": { \"outcome\": \"share_EU\", \"below\": 0.1 } }", "$.thresholds", "must be an array" },
        { "{ \"axes\": [], \"thresholds\": [" + string.Join(", ", Enumerable.Range(0, 33).Select(i => $"{{ \"outcome\": \"share_EU\", \"below\": {i} }}")) + "] }", "$.thresholds", "at most 32 thresholds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadSweepFileExitsWithCode2AndOneLineAndNoOutput(string text, string path, string rule)
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad.json");
        await File.WriteAllTextAsync(file, text);
        var outDir = Path.Combine(dir.Path, "out");
        var run = await Cli.InvokeAsync("sweep", file, "--out", outDir, "--backend", "cpu");
        Assert.Equal(2, run.ExitCode);
        var line = run.Error.TrimEnd();
        Assert.DoesNotContain('\n', line);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(rule, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "output was left behind");
    }

    [Fact]
    public async Task MissingSweepFileIsNamed()
    {
        var run = await Cli.InvokeAsync("sweep", "/no/such/sweep.json", "--out", "/tmp/unused-computegap");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/sweep.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeOfMissingPathFailsWithCode2()
    {
        var run = await Cli.InvokeAsync("summarize", "/no/such/dir");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/dir", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GridOverTheRowLimitIsRefusedBeforeAnythingIsWritten()
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("v1/ree-shock.json"), "--out", dir.Path, "--output", "rows", "--row-limit", "1000");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("row-output limit", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--shard", "4/4")]
    [InlineData("--shard", "x")]
    [InlineData("--compression", "lz4")]
    [InlineData("--backend", "opencl")]
    public async Task BadOptionsAreRejected(string option, string value)
    {
        using var dir = new TempDirectory();
        var run = await Cli.InvokeAsync("sweep", Cli.SweepFile("v1/eu-ree-shock.json"), "--out", dir.Path, option, value);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}

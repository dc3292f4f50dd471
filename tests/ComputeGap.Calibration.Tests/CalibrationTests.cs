using ComputeGap.Calibration.Fitting;
using ComputeGap.Calibration.Observed;
using ComputeGap.Core.Market;
using ComputeGap.Sweep.Spec;

namespace ComputeGap.Calibration.Tests;

/// <summary>`computegap calibrate`: the shipped baseline holds what the documented procedure produces, and the fit meets its targets.</summary>
public sealed class CalibrationTests
{
    private static readonly Lazy<CalibrationResult> Result = new(() => Calibrator.Calibrate(BaselineLoader.LoadBuiltIn(ModelV2.Descriptor), ObservedData.BuiltIn()));

    [Fact]
    public void The_shipped_baseline_holds_the_calibration_to_the_written_digits()
    {
        var file = new BaselineValues(BaselineLoader.LoadBuiltIn(ModelV2.Descriptor));
        Assert.NotEmpty(Result.Value.Fitted);
        foreach (var value in Result.Value.Fitted)
        {
            // Eight significant digits are written; refitting from them moves a value by rounding and
            // by the float32 noise of the loss, which the flat loss around price_adjustment magnifies:
            // refits from one another's output were seen to alternate by 3.1e-5 relative there, hence 1e-4.
            Assert.True(Math.Abs(file[value.Name] - value.Value) <= 1e-4 * Math.Max(1e-3, Math.Abs(value.Value)),
                $"{value.Name}: the file holds {file[value.Name]}, calibrate gives {value.Value} (run computegap calibrate --baseline data/baseline-v2.json --write)");
        }
    }

    [Fact]
    public void Every_stage_calibrates_the_parameters_the_docs_name()
    {
        var names = Result.Value.Fitted.Select(v => (v.Name, v.Stage)).ToList();
        Assert.Contains(("fab_capacity0", 1), names);
        Assert.Contains(("growth_halflife_years", 1), names);
        Assert.Contains(("price_adjustment", 2), names);
        Assert.Contains(("price_floor_decline", 2), names);
        Assert.Contains(("capex0[EU]", 2), names);
        Assert.Contains(("capex_growth[US]", 2), names);
        Assert.Contains(("installed0[CN]", 0), names);
        Assert.Contains(("demand_growth", 3), names);
    }

    [Fact]
    public void The_market_fit_meets_its_targets_and_the_supply_fit_stays_within_ten_percent_a_quarter()
    {
        foreach (var target in Result.Value.Targets)
        {
            var error = Math.Abs(target.Model - target.Target) / Math.Abs(target.Target);
            Assert.True(target.Stage == 1 ? error < 0.10 : error < 0.01, $"{target.Name}: target {target.Target}, model {target.Model}");
        }
    }

    [Fact]
    public void Calibration_is_deterministic()
    {
        var again = Calibrator.Calibrate(BaselineLoader.LoadBuiltIn(ModelV2.Descriptor), ObservedData.BuiltIn());
        Assert.Equal(Result.Value.Fitted.Select(v => v.Value), again.Fitted.Select(v => v.Value));
    }

    [Fact]
    public void The_fleet_of_January_2024_is_Epochs_output_since_2022_aged_by_the_model_s_rule()
    {
        var values = Result.Value.Values;
        var total = values.Regions.Sum(r => values[$"installed0[{r}]"]) - values["domestic_installed0"];
        var observed = ObservedData.BuiltIn();
        var produced = Enumerable.Range(2022, 2).Sum(y => observed.YearOutput(y));
        Assert.InRange(total, 0.9 * produced, produced);
        Assert.Equal(total + values["domestic_installed0"], values["demand0"], 6);
    }

    [Fact]
    public void A_v1_baseline_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Calibrator.Calibrate(BaselineLoader.LoadBuiltIn(Core.Models.ModelV1.Descriptor), ObservedData.BuiltIn()));
        Assert.Contains("model v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_replaces_values_and_keeps_sources_and_notes()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "baseline-v2.json"));
        var written = BaselineWriter.Apply(text, [new FittedValue("leakage", 0.123456789, Provenance.Fitted, 2), new FittedValue("capex0[EU]", 1e9, Provenance.Fitted, 2)]);
        var baseline = BaselineLoader.Parse(written, "written.json");
        var values = new BaselineValues(baseline);
        Assert.Equal(0.12345679, values["leakage"]);
        Assert.Equal(1e9, values["capex0[EU]"]);
        Assert.Equal(text.Split('\n').Count(l => l.Contains("\"note\"", StringComparison.Ordinal)), written.Split('\n').Count(l => l.Contains("\"note\"", StringComparison.Ordinal)));
        Assert.Equal(text, BaselineWriter.Apply(text, []));
    }
}

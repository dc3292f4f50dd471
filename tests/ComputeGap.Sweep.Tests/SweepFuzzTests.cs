using System.Diagnostics;
using ComputeGap.Sweep.Spec;
using Xunit;
using Xunit.Abstractions;

namespace ComputeGap.Sweep.Tests;

/// <summary>
/// Seeded fuzzing: mutated sweep and baseline texts are either accepted as valid specs or rejected
/// with a one-line <see cref="SpecException"/> naming the file; nothing else escapes, nothing hangs.
/// </summary>
public sealed class SweepFuzzTests(ITestOutputHelper output)
{
    private const string FuzzFile = "fuzz.json";

    /// <summary>Time one parse may take, generous for a slow CI machine; a hang fails the case.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static IEnumerable<string> SweepSeeds()
    {
        yield return TestData.Example;
        yield return TestData.J("{'name': 'small', 'set': {'installed0[US]': 0}, 'axes': [{'param': 'installed0[CN]', 'values': [1, 2]}, {'param': 'bubble_month', 'range': {'from': -1, 'to': 11, 'count': 13}}]}");
        yield return TestData.J("{'horizon_months': 12, 'focus': 'CN', 'rivals': ['EU', 'ROW'], 'axes': []}");
        foreach (var file in TestData.ShippedSweeps.Concat(TestData.V1Sweeps))
        {
            yield return File.ReadAllText(TestData.SweepPath(file));
        }
    }

    [Fact]
    public async Task Mutated_sweep_texts_are_valid_specs_or_one_line_spec_errors()
    {
        var seeds = SweepSeeds().ToArray();
        var mutator = new FuzzMutator(new Random(20250101));
        var accepted = 0;
        var rejected = 0;
        var rules = new List<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var text = mutator.Mutate(seeds[i % seeds.Length]);
            var outcome = await Timed(() => SweepSpecParser.Parse(text, FuzzFile, text.Contains("\"model\"", StringComparison.Ordinal) ? null : TestData.V1Baseline), text);
            if (outcome.Spec is { } spec)
            {
                SpecValidity.AssertValid(spec);
                accepted++;
            }
            else
            {
                AssertCleanRejection(outcome.Error!, text);
                rules.Add(RuleKind(outcome.Error!.Rule));
                rejected++;
            }
        }

        output.WriteLine($"{accepted} accepted, {rejected} rejected");
        foreach (var rule in rules.GroupBy(r => r).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{rule.Count(),5}  {rule.Key}");
        }

        // Both outcomes must be exercised, or the fuzzing proves little.
        Assert.True(accepted >= 50, $"only {accepted} mutated sweeps were accepted");
        Assert.True(rejected >= 500, $"only {rejected} mutated sweeps were rejected");
    }

    [Fact]
    public async Task Mutated_baseline_texts_are_valid_or_one_line_spec_errors()
    {
        var seed = TestData.BaselineText;
        var mutator = new FuzzMutator(new Random(72));
        var rejected = 0;
        for (var i = 0; i < 500; i++)
        {
            var text = mutator.Mutate(seed);
            var outcome = await Timed(() => SweepSpecParser.ForBaseline(BaselineLoader.Parse(text, FuzzFile)), text);
            if (outcome.Spec is { } spec)
            {
                SpecValidity.AssertValid(spec);
            }
            else
            {
                AssertCleanRejection(outcome.Error!, text);
                rejected++;
            }
        }

        Assert.True(rejected >= 100, $"only {rejected} mutated baselines were rejected");
    }

    private static void AssertCleanRejection(SpecException error, string text)
    {
        Assert.StartsWith(FuzzFile + ": ", error.Message, StringComparison.Ordinal);
        TestData.AssertOneLine(error.Message);
        Assert.False(error.Message.Contains("internal error", StringComparison.Ordinal), $"{error.Message} for {Snippet(text)}");
        Assert.True(error.Message.Length < 600, $"overlong message for {Snippet(text)}: {error.Message}");
    }

    private static async Task<(SweepSpec? Spec, SpecException? Error)> Timed(Func<SweepSpec> parse, string text)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run<(SweepSpec?, SpecException?)>(() =>
        {
            try
            {
                return (parse(), null);
            }
            catch (SpecException ex)
            {
                return (null, ex);
            }
        });
        try
        {
            var outcome = await task.WaitAsync(Budget);
            Assert.True(clock.Elapsed < Budget, $"parse took {clock.Elapsed} for {Snippet(text)}");
            return outcome;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"parse did not finish within {Budget} for {Snippet(text)}");
            throw;
        }
    }

    /// <summary>The rule without the user's values, to group rejections in the test output.</summary>
    private static string RuleKind(string rule)
    {
        var cut = rule.IndexOfAny(['"', '(', ':', ',']);
        return cut > 0 ? rule[..cut].Trim() : rule;
    }

    private static string Snippet(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Tests;

/// <summary>Prose fitted to a width: truncation, wrapping and first sentences.</summary>
public sealed class TextFitTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("one two three four", 10, "one two t…")]
    [InlineData("abcdefghijk", 5, "abcd…")]
    public void TruncateKeepsTheWidthAndMarksTheCut(string text, int width, string expected)
    {
        var fitted = TextFit.Truncate(text, width);
        Assert.Equal(expected, fitted);
        Assert.True(fitted.Length <= width);
    }

    [Fact]
    public void WrapBreaksAtSpacesWithinTheWidthAndIndents()
    {
        var lines = TextFit.Wrap("baseline: US 1220854.9, CN 231827.46, EU 59147.414, ALLY 54735.867, ROW 46893.116", 40, "  ", "    ");
        Assert.Equal(["  baseline: US 1220854.9, CN 231827.46,", "      EU 59147.414, ALLY 54735.867, ROW", "      46893.116"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 40));
        Assert.Equal("  a-very-long-wo…", Assert.Single(TextFit.Wrap("a-very-long-word-indeed", 17, "  ")));
    }

    [Theory]
    [InlineData("Can Europe catch up under model v2? Its spending.", "Can Europe catch up under model v2?")]
    [InlineData("Sobol indices (a = 7, b = 0.1): S1 = 0.314. Then.", "Sobol indices (a = 7, b = 0.1): S1 = 0.314.")]
    [InlineData("No full stop", "No full stop")]
    [InlineData("", "")]
    public void FirstSentenceEndsAtAStopFollowedByASpace(string text, string expected) =>
        Assert.Equal(expected, TextFit.FirstSentence(text));
}

using ComputeGap.Core.Sampling;

namespace ComputeGap.Core.Tests.Sampling;

/// <summary>The embedded direction-number file parses and validates line by line, and bad lines are refused by rule.</summary>
public sealed class JoeKuoTableTests
{
    [Fact]
    public void EmbeddedFileHoldsDimensions2To1024AndEveryLineIsValid()
    {
        var entries = JoeKuoTable.Embedded;

        Assert.Equal(1023, entries.Count);
        for (var k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            Assert.Equal(k + 2, e.Dimension);
            Assert.True(e.Degree >= 1, $"d = {e.Dimension}: s = {e.Degree}");
            Assert.True(e.Coefficients < 1u << (e.Degree - 1), $"d = {e.Dimension}: a = {e.Coefficients}");
            Assert.Equal(e.Degree, e.InitialNumbers.Count);
            for (var i = 1; i <= e.Degree; i++)
            {
                var m = e.InitialNumbers[i - 1];
                Assert.True(m % 2 == 1 && m < 1u << i, $"d = {e.Dimension}: m_{i} = {m}");
            }
        }
    }

    [Fact]
    public void EmbeddedFileStartsAndEndsWithTheLinesOfNewJoeKuo6()
    {
        var entries = JoeKuoTable.Embedded;

        // First and last lines of data/sobol/new-joe-kuo-6.1024.txt: "2 1 0 1", "10 5 7 1 1 7 11 19"
        // and "1024 13 3538 1 1 5 11 11 33 37 29 263 1019 657 1453 7807".
        Assert.Equal((2, 1, 0u), (entries[0].Dimension, entries[0].Degree, entries[0].Coefficients));
        Assert.Equal([1u], entries[0].InitialNumbers);
        Assert.Equal([1u, 1u, 7u, 11u, 19u], entries[8].InitialNumbers);
        Assert.Equal((1024, 13, 3538u), (entries[^1].Dimension, entries[^1].Degree, entries[^1].Coefficients));
        Assert.Equal([1u, 1u, 5u, 11u, 11u, 33u, 37u, 29u, 263u, 1019u, 657u, 1453u, 7807u], entries[^1].InitialNumbers);
    }

    [Fact]
    public void ParseAcceptsCarriageReturnsAndBlankLines()
    {
        var entries = JoeKuoTable.Parse("d       s       a       m_i     \r\n2       1       0       1 \r\n\r\n3       2       1       1 3 \r\n");

        Assert.Equal(2, entries.Count);
        Assert.Equal([1u, 3u], entries[1].InitialNumbers);
    }

    [Theory]
    [InlineData("2 1 0 1\n", "line 1: expected the header")]
    [InlineData("d s a m_i\n3 1 0 1\n", "line 2: d = 3, expected 2")]
    [InlineData("d s a m_i\n2 1 0 1\n4 2 1 1 3\n", "line 3: d = 4, expected 3")]
    [InlineData("d s a m_i\n2 0 0 1\n", "line 2: s = 0")]
    [InlineData("d s a m_i\n2 2 2 1 3\n", "line 2: a = 2 is not below 2^(s−1) = 2")]
    [InlineData("d s a m_i\n2 2 1 1\n", "line 2: 1 initial numbers m_i, expected s = 2")]
    [InlineData("d s a m_i\n2 2 1 1 3 5\n", "line 2: 3 initial numbers m_i, expected s = 2")]
    [InlineData("d s a m_i\n2 2 1 1 2\n", "line 2: m_2 = 2 must be odd")]
    [InlineData("d s a m_i\n2 2 1 1 5\n", "line 2: m_2 = 5 must be odd and below 2^2")]
    [InlineData("d s a m_i\n2 1 0 x\n", "line 2: m_1 = 'x' is not")]
    [InlineData("d s a m_i\n2 1 0\n", "line 2: expected 'd s a m_1 … m_s'")]
    public void ParseRefusesALineThatBreaksARule(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => JoeKuoTable.Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}

using ComputeGap.Engine.Aggregation;
using ComputeGap.IO.Discovery;

namespace ComputeGap.Engine.Tests.Aggregation;

public sealed class WhereBitsTests
{
    private static readonly string[] Outcomes = ["share_EU", "rival_ratio"];

    [Fact]
    public void Chunks_set_one_bit_per_scenario_where_the_condition_holds()
    {
        var bits = new WhereBits(WhereParser.Parse("share_EU < 0.5 and rival_ratio > 1"), Outcomes);
        var share = Enumerable.Range(0, 130).Select(i => i % 3 == 0 ? 0.1f : 0.9f).ToArray();
        var ratio = Enumerable.Range(0, 130).Select(i => i % 2 == 0 ? 2f : 0f).ToArray();
        bits.Add([share, ratio], first: 64, count: 130);
        var words = bits.ToWordsFrom(1, 3);
        for (var i = 0; i < 130; i++)
        {
            Assert.Equal(i % 6 == 0, ((words[i >> 6] >> (i & 63)) & 1) != 0);
        }

        Assert.Equal(Enumerable.Range(0, 130).Count(i => i % 6 == 0), bits.Holds);
    }

    [Fact]
    public void A_month_outcome_s_never_matches_no_comparison_as_the_row_files_null_does_not()
    {
        var bits = new WhereBits(WhereParser.Parse("focus_target_month < 40 or focus_target_month != 12"), ["focus_target_month"]);

        // Months 12, never (−1), 50: only 12 < 40 and only 50 != 12; the never is NULL in the rows and matches neither.
        bits.Add([[12f, -1f, 50f]], first: 0, count: 3);

        Assert.Equal(0b101UL, bits.ToWordsFrom(0, 1)[0]);
    }

    [Fact]
    public void Parts_placed_in_any_order_merge_into_the_same_bits()
    {
        var condition = WhereParser.Parse("share_EU < 0.5");
        ulong[] all = [1, 2, 3, 4, 5, 6, 7];
        var forward = new WhereBits(condition, Outcomes);
        var backward = new WhereBits(condition, Outcomes);
        foreach (var (first, length) in new[] { (0, 2), (2, 3), (5, 2) })
        {
            forward.Place(first, all[first..(first + length)]);
        }

        foreach (var (first, length) in new[] { (5, 2), (0, 2), (2, 3) })
        {
            backward.Place(first, all[first..(first + length)]);
        }

        Assert.Equal(all, forward.ToWords(7 * 64));
        Assert.True(forward.ExactlyEquals(backward));
        Assert.Single(backward.Segments);

        var gap = new WhereBits(condition, Outcomes);
        gap.Place(0, [1UL]);
        gap.Place(2, [3UL]);
        Assert.Contains("covers", Assert.Throws<InvalidDataException>(() => gap.ToWords(3 * 64)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new WhereBits(WhereParser.Parse("leakage < 1"), Outcomes));
    }
}

using ComputeGap.IO.Discovery;

namespace ComputeGap.IO.Tests.Discovery;

public sealed class WhereParserTests
{
    private static bool[] Evaluate(string where, Dictionary<string, double[]> columns) =>
        WhereParser.Parse(where).Evaluate(columns.First().Value.Length, name => columns[name]);

    private static readonly Dictionary<string, double[]> Table = new(StringComparer.Ordinal)
    {
        ["a"] = [1, 2, 3, 4, double.NaN],
        ["b"] = [4, 3, 2, 1, 0],
        ["Greater than 90%"] = [1, 0, 1, 0, 1],
    };

    [Theory]
    [InlineData("a < 3", new[] { true, true, false, false, false })]
    [InlineData("a <= 3", new[] { true, true, true, false, false })]
    [InlineData("a > 3", new[] { false, false, false, true, false })]
    [InlineData("a >= 2", new[] { false, true, true, true, false })]
    [InlineData("a = 2", new[] { false, true, false, false, false })]
    [InlineData("a == 2", new[] { false, true, false, false, false })]
    [InlineData("a != 2", new[] { true, false, true, true, false })]
    [InlineData("a <> 2", new[] { true, false, true, true, false })]
    [InlineData("3 > a", new[] { true, true, false, false, false })]
    [InlineData("a < b", new[] { true, true, false, false, false })]
    [InlineData("a < 2 or a > 3 and b < 2", new[] { true, false, false, true, false })]
    [InlineData("(a < 2 or a > 3) and b > 2", new[] { true, false, false, false, false })]
    [InlineData("not a < 3", new[] { false, false, true, true, true })]
    [InlineData("a < 3 AND NOT b = 4", new[] { false, true, false, false, false })]
    [InlineData("\"Greater than 90%\" = 1", new[] { true, false, true, false, true })]
    [InlineData("a>=1e0and b>-1.5e+0", new[] { true, true, true, true, false })]
    public void Evaluates_comparisons_with_and_binding_tighter_than_or_and_NaN_never_matching(string where, bool[] expected) =>
        Assert.Equal(expected, Evaluate(where, Table));

    [Fact]
    public void Lists_each_column_once_in_order_of_first_mention()
    {
        Assert.Equal(["b", "a", "Greater than 90%"], WhereParser.Parse("b < 1 or (a > b and \"Greater than 90%\" = 1) or a = 3").Columns);
    }

    [Fact]
    public void Writes_itself_back_as_a_condition_that_parses_to_the_same_flags()
    {
        var text = WhereParser.Parse("a < 3 and not (b = 4 or \"Greater than 90%\" != 1)").ToString();
        Assert.Equal(Evaluate("a < 3 and not (b = 4 or \"Greater than 90%\" != 1)", Table), Evaluate(text, Table));
        Assert.Contains("\"Greater than 90%\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a<3 AND b>1", "a < 3 and b > 1")]
    [InlineData("(a < 3 or b > 1) and a = 2", "(a < 3 or b > 1) and a = 2")]
    [InlineData("a < 3 or (b > 1 and a = 2)", "a < 3 or b > 1 and a = 2")]
    [InlineData("not (a < 3 or b > 1)", "not (a < 3 or b > 1)")]
    public void Normalises_text_with_parentheses_only_where_needed(string where, string expected)
    {
        Assert.Equal(expected, WhereParser.Parse(where).ToString());
        Assert.Equal(expected, WhereParser.Parse(expected).ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a <", "at character 4: the condition ends where a column or a number was expected")]
    [InlineData("a 3", "at character 3: expected a comparison")]
    [InlineData("a < 3 and", "at character 10: the condition ends where a column or a number was expected")]
    [InlineData("(a < 3", "a \"(\" is never closed")]
    [InlineData("a < 3)", "at character 6: unexpected \")\"")]
    [InlineData("1 < 2", "one side of a comparison must be a column")]
    [InlineData("\"a < 3", "at character 1: a quoted column name is never closed")]
    [InlineData("a < 1e+", "\"1e+\" is not a finite number")]
    [InlineData("a < and", "not the keyword \"and\"")]
    [InlineData("a < 3 # b", "unexpected \"# b\"")]
    public void Refuses_malformed_conditions_naming_the_position(string where, string expected)
    {
        var error = Assert.Throws<WhereSyntaxException>(() => WhereParser.Parse(where));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

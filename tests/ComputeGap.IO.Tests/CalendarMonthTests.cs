using ComputeGap.IO.Reports;

namespace ComputeGap.IO.Tests;

public sealed class CalendarMonthTests
{
    [Theory]
    [InlineData("2025-01", 0, "2025-01-01")]
    [InlineData("2025-01", 11, "2025-12-01")]
    [InlineData("2024-11", 3, "2025-02-01")]
    [InlineData("2025-01", 71, "2030-12-01")]
    public void Month_t_is_the_first_day_of_the_start_month_plus_t_months(string start, int month, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), CalendarMonth.DateOf(CalendarMonth.Parse(start), month));

    [Fact]
    public void The_date_column_of_a_month_outcome_replaces_its_month_suffix()
    {
        Assert.Equal("focus_target_date", CalendarMonth.DateColumn("focus_target_month"));
        Assert.Equal("month_date", CalendarMonth.DateColumn("month_month"));
        Assert.Throws<ArgumentException>(() => CalendarMonth.DateColumn("share_EU"));
    }
}

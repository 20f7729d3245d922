using NewsMiner.Storage;
using Xunit;

namespace NewsMiner.Tests.Storage;

public class PeriodYearsTests
{
    [Theory]
    [InlineData("2016", 2016, 2016)]
    [InlineData("2015-2020", 2015, 2020)]
    [InlineData("2017-01/2017-11", 2017, 2017)]
    [InlineData("2016-12/2017-02", 2016, 2017)]
    [InlineData("2017-02-24", 2017, 2017)]
    [InlineData("2023-06", 2023, 2023)]
    [InlineData("2017-01-01/2018-06-30", 2017, 2018)]
    [InlineData(" 2016 ", 2016, 2016)]
    public void Schema_periods_give_first_and_last_year(string period, int start, int end)
    {
        Assert.True(PeriodYears.TryParse(period, out var years));
        Assert.Equal(new PeriodYears(start, end), years);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("năm 2016")]
    [InlineData("2020-2015")]
    [InlineData("2017-13")]
    [InlineData("2017-02-30")]
    [InlineData("2017-11/2016-01")]
    [InlineData("16")]
    [InlineData("2016-")]
    public void Other_text_is_not_a_period(string? period)
    {
        Assert.False(PeriodYears.TryParse(period, out _));
        Assert.Null(PeriodYears.Parse(period));
    }

    [Theory]
    [InlineData("2015-2020", 2015, true)]
    [InlineData("2015-2020", 2020, true)]
    [InlineData("2015-2020", 2021, false)]
    [InlineData("2017-01/2017-11", 2016, false)]
    public void Contains_is_inclusive(string period, int year, bool expected) =>
        Assert.Equal(expected, PeriodYears.Parse(period)!.Value.Contains(year));
}

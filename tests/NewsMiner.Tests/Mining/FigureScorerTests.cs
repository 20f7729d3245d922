using NewsMiner.Mining;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining;

public class FigureScorerTests
{
    private static Figure Predicted(Metric metric, decimal value, string? period, string? district, string? commune = null, string? unit = null, decimal? max = null) =>
        new(metric, null, value, max, Qualifier.Exact, false, period, new Locality("Quảng Ninh", district, commune, unit), "e", 0, 1, 0, 0.9);

    private static GoldFigure Gold(string metric, decimal value, string? period, string? district, string? commune = null, string? unit = null, decimal? max = null) =>
        new(metric, null, value, max, "exact", false, period, new Locality("Quảng Ninh", district, commune, unit), null);

    [Theory]
    [InlineData("2016", "2016", true)]
    [InlineData("2016", "2016-05-01", true)]
    [InlineData("2017-01/2017-11", "2017", true)]
    [InlineData("2015-2020", "2015-2017", false)]
    [InlineData("2015-2020", "2015-2020", true)]
    [InlineData(null, null, true)]
    [InlineData("2016", null, false)]
    public void Periods_compare_by_first_and_last_year(string? gold, string? predicted, bool same) =>
        Assert.Equal(same, FigureScorer.SamePeriodYears(gold, predicted));

    [Fact]
    public void Strict_needs_locality_levels_gold_fills_and_lenient_does_not()
    {
        var s = FigureScorer.Score("d", [Predicted(Metric.NewMembers, 320, "2016", "Uông Bí")], [Gold("new_members", 320, "2016", "Đông Triều")]);
        Assert.Equal(0, s.Strict.TruePositives);
        Assert.Equal(1, s.Lenient.TruePositives);
        Assert.Single(s.Misses);
        Assert.Single(s.Extras);
    }

    [Fact]
    public void Unit_is_compared_without_party_prefix_or_case()
    {
        var s = FigureScorer.Score("d", [Predicted(Metric.NewMembers, 0, "2020", "Đakrông", "Krông Klang", "chi bộ khóm Khe Xong")],
            [Gold("new_members", 0, "2020", "Đakrông", "Krông Klang", "Chi bộ khóm Khe Xong")]);
        Assert.Equal(1, s.Strict.TruePositives);
    }

    [Fact]
    public void Each_gold_figure_matches_one_prediction_and_unscored_metrics_are_ignored()
    {
        var s = FigureScorer.Score("d",
            [Predicted(Metric.NewMembers, 5, "2016", "X"), Predicted(Metric.NewMembers, 5, "2016", "X"), Predicted(Metric.NewMemberSharePct, 23.75m, "2016", "X")],
            [Gold("new_members", 5, "2016", "X")]);
        Assert.Equal(new Score(1, 1, 0), s.Strict);
        Assert.Equal(0.5, s.Strict.Precision, 3);
    }

    [Fact]
    public void Ranges_need_value_max()
    {
        var s = FigureScorer.Score("d", [Predicted(Metric.NewMembersTarget, 10, "2015-2020", "X")], [Gold("new_members_target", 10, "2015-2020", "X", max: 12)]);
        Assert.Equal(0, s.Strict.TruePositives);
    }
}

using NewsMiner.Mining.Localities;
using Xunit;

namespace NewsMiner.Tests.Mining.Localities;

public class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2010-01-01", 63, 697)]
    [InlineData("2019-06-30", 63, 713)]
    [InlineData("2020-07-01", 63, 707)]
    [InlineData("2025-03-01", 63, 696)]
    [InlineData("2025-07-01", 34, 0)]
    [InlineData("2026-01-01", 34, 0)]
    public void Counts_match_the_official_lists(string asOf, int provinces, int districts)
    {
        var date = D(asOf);
        var ps = G.Provinces(date);
        Assert.Equal(provinces, ps.Count);
        Assert.Equal(districts, ps.Sum(p => G.Children(p.Code, date).Count(u => u.Level == UnitLevel.District)));
    }

    [Fact]
    public void The_new_tree_has_3321_communes_directly_under_provinces()
    {
        var date = D("2025-07-01");
        var communes = G.Provinces(date).SelectMany(p => G.Children(p.Code, date)).ToList();
        Assert.Equal(3321, communes.Count);
        Assert.All(communes, c => Assert.Equal(UnitLevel.Commune, c.Level));
        Assert.All(communes, c => Assert.Equal(c.ProvinceCode, c.ParentCode));
    }

    [Fact]
    public void Null_date_is_the_last_pre_reform_state()
    {
        Assert.Equal(63, G.Provinces(null).Count);
        Assert.Equal("Bình Định", G.ByCode("52")?.Name);
        Assert.Equal("Gia Lai", G.ByCode("52", D("2025-08-01"))?.Name);
    }

    [Fact]
    public void Names_have_no_type_words_and_are_nfc()
    {
        string[] typeWords = ["Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Thị xã ", "Xã ", "Thị trấn "];
        Assert.All(G.Units, u =>
        {
            Assert.True(u.Name.IsNormalized(System.Text.NormalizationForm.FormC), u.Name);
            Assert.DoesNotContain(typeWords, t => u.Name.StartsWith(t, StringComparison.OrdinalIgnoreCase));
            Assert.False(string.IsNullOrWhiteSpace(u.Type));
        });
    }

    [Theory]
    [InlineData("205", "2010-01-01", "Đông Triều", "Huyện")]
    [InlineData("205", "2017-02-24", "Đông Triều", "Thị xã")]
    [InlineData("205", "2025-01-01", "Đông Triều", "Thành phố")]
    [InlineData("07105", "2012-01-01", "Xuân Sơn", "Xã")]
    [InlineData("07105", "2017-02-24", "Xuân Sơn", "Phường")]
    [InlineData("15283", "2018-05-01", "Hà Vân", "Xã")]
    [InlineData("15283", "2020-05-01", "Hoạt Giang", "Xã")]
    [InlineData("467", "2020-05-07", "Đakrông", "Huyện")]
    [InlineData("46", "2024-01-01", "Thừa Thiên Huế", "Tỉnh")]
    [InlineData("46", "2025-02-01", "Huế", "Thành phố")]
    [InlineData("27151", "2019-01-01", "5", "Phường")]
    [InlineData("760", "2019-01-01", "1", "Quận")]
    [InlineData("17", "2019-01-01", "Hòa Bình", "Tỉnh")]
    [InlineData("44", "2025-08-01", "Quảng Trị", "Tỉnh")]
    [InlineData("44", "2019-01-01", "Quảng Bình", "Tỉnh")]
    public void ByCode_picks_the_version_in_force(string code, string asOf, string name, string type)
    {
        var u = G.ByCode(code, D(asOf));
        Assert.NotNull(u);
        Assert.Equal(name, u.Name);
        Assert.Equal(type, u.Type);
        Assert.True(u.InForceAt(D(asOf)));
    }

    [Fact]
    public void ByCode_of_a_merged_commune_after_its_merger_returns_its_last_version()
    {
        var u = G.ByCode("15301", D("2021-01-01"));
        Assert.NotNull(u);
        Assert.Equal("Hà Phong", u.Name);
        Assert.False(u.InForceAt(D("2021-01-01")));
        Assert.Null(G.ByCode("99999"));
    }

    [Theory]
    [InlineData("Đakrông", UnitLevel.District, "2020-01-01", null, "467")]
    [InlineData("Đa Krông", UnitLevel.District, "2020-01-01", null, "467")]
    [InlineData("ĐaKrông", UnitLevel.District, "2020-01-01", null, "467")]
    [InlineData("huyện Đakrông", null, "2020-01-01", null, "467")]
    [InlineData("Hoà Bình", UnitLevel.Province, "2020-01-01", null, "17")]
    [InlineData("tỉnh Hoà Bình", null, "2020-01-01", null, "17")]
    [InlineData("Thanh Thuỷ", UnitLevel.District, "2020-01-01", null, "239")]
    [InlineData("thành phố Thái Nguyên", null, "2020-01-01", null, "164")]
    [InlineData("tỉnh Thái Nguyên", null, "2020-01-01", null, "19")]
    [InlineData("Quảng Ninh", UnitLevel.District, "2020-01-01", null, "456")]
    [InlineData("Quảng Ninh", UnitLevel.Province, "2020-01-01", null, "22")]
    [InlineData("Xuân Sơn", UnitLevel.Commune, "2017-01-01", "22", "07105")]
    [InlineData("Xuân Sơn", UnitLevel.Commune, "2017-01-01", "205", "07105")]
    [InlineData("Xuân Sơn", UnitLevel.Commune, "2015-01-01", "38", "15532")]
    [InlineData("Hà Phong", UnitLevel.Commune, "2018-01-01", "392", "15301")]
    [InlineData("Phường Đúc", UnitLevel.Commune, "2020-01-01", null, "19780")]
    [InlineData("Phú Lương", UnitLevel.Commune, "2025-09-01", "19", "05611")]
    [InlineData("TX Đông Triều", null, "2017-01-01", null, "205")]
    [InlineData("Kontum", UnitLevel.Province, "2017-01-01", null, "62")]
    public void FindByName_matches_spelling_variants(string name, UnitLevel? level, string asOf, string? within, string code)
    {
        var found = G.FindByName(name, level, D(asOf), within);
        Assert.Contains(found, u => u.Code == code);
        if (within is not null) Assert.Single(found);
    }

    [Theory]
    [InlineData("Hà Phong", UnitLevel.Commune, "2021-01-01", "392")]
    [InlineData("Phú Lương", UnitLevel.District, "2025-09-01", null)]
    [InlineData("Thừa Thiên Huế", UnitLevel.Province, "2025-08-01", null)]
    [InlineData("Không Có Nơi Này", null, "2020-01-01", null)]
    public void FindByName_returns_only_units_in_force(string name, UnitLevel? level, string asOf, string? within) =>
        Assert.Empty(G.FindByName(name, level, D(asOf), within));

    [Fact]
    public void Xuan_Son_is_ambiguous_without_a_parent()
    {
        var all = G.FindByName("Xuân Sơn", UnitLevel.Commune, D("2017-01-01"));
        Assert.True(all.Count >= 6, $"{all.Count}");
        Assert.Equal(all.Count, all.Select(u => u.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("07105", "07069", "whole")]
    [InlineData("19555", "19555", "whole")]
    public void Successors_follow_the_2025_conversion_table(string oldCode, string newCode, string relation)
    {
        var s = G.Successors(oldCode);
        Assert.Contains(s, x => x.Unit.Code == newCode && x.Relation == relation && x.Unit.IsPostReform);
    }

    [Fact]
    public void Children_of_a_town_list_its_wards_at_the_date()
    {
        var kids2017 = G.Children("205", D("2017-02-24"));
        Assert.Contains(kids2017, u => u.Code == "07105" && u.Type == "Phường");
        Assert.All(kids2017, u => Assert.Equal("205", u.ParentCode));
        Assert.Empty(G.Children("205", D("2025-08-01")));
    }

    [Fact]
    public void Parent_of_a_ward_is_the_town_version_at_the_given_date()
    {
        var ward = G.ByCode("07105", D("2017-02-24"))!;
        Assert.Equal("Thị xã", G.ParentOf(ward, D("2017-02-24"))?.Type);
        Assert.Equal("Quảng Ninh", G.ProvinceOf(ward)?.Name);
    }

    [Fact]
    public void Default_is_loaded_once()
    {
        Assert.Same(Gazetteer.Default, Gazetteer.Default);
        Assert.True(G.Units.Count > 17000, $"{G.Units.Count}");
    }
}

using NewsMiner.Mining;
using NewsMiner.Mining.Localities;
using NewsMiner.Storage;
using Xunit;
using static NewsMiner.Tests.Storage.ComparePlant;

namespace NewsMiner.Tests.Storage;

/// <summary>Consolidation, comparison and place filters; the same checks run on SQLite and, when available, PostgreSQL.</summary>
public sealed class StatisticsTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private static FigureQuery ThaiNguyen(int from = 2015, int to = 2024) =>
        new(ProvinceIn: LocalityFilters.Resolve(Gazetteer.Default, "Thái Nguyên", UnitLevel.Province), FromYear: from, ToYear: to);

    [Fact]
    public async Task Sqlite_consolidates_compares_and_rolls_up() => await CheckAllAsync(_dir.File("plant.db"));

    [PostgresFact]
    public async Task Postgres_consolidates_compares_and_rolls_up()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await CheckAllAsync(schema.ConnectionString);
    }

    [PostgresFact]
    public async Task Postgres_search_highlights_and_re_save_replaces_figures()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStores.OpenAsync(schema.ConnectionString, _ct);
        Assert.Equal(StoreBackend.Postgres, store.Backend);
        await FillAsync(store, _ct);
        await FillAsync(store, _ct);
        Assert.Equal(11, await store.QueryFiguresAsync(FigureQuery.All, _ct).CountAsync());
        var hits = await store.SearchAsync("kết nạp", 10, _ct).ToListAsync();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains("[kết] [nạp]", h.Snippet));
        Assert.Equal(2, await store.SearchAsync("Định Hoá", 10, _ct).CountAsync());
        Assert.Equal(UrlA, Assert.Single(await store.SearchAsync("tổng cộng", 10, _ct).ToListAsync()).Url);
        Assert.Empty(await store.SearchAsync("đang", 10, _ct).ToListAsync());
        await using var reader = await NewsStores.OpenExistingAsync(schema.ConnectionString, _ct);
        Assert.Equal(await store.SchemaVersionAsync(_ct), await reader.SchemaVersionAsync(_ct));
    }

    private async Task CheckAllAsync(string db)
    {
        await using var store = await NewsStores.OpenAsync(db, _ct);
        await FillAsync(store, _ct);

        var stats = await store.StatisticsAsync(new FigureQuery(Metric: Metric.NewMembers), _ct);
        var phuLuong2016 = Assert.Single(stats, s => s.Locality.District == "Phú Lương" && s.Period == "2016");
        Assert.False(phuLuong2016.Conflict);
        Assert.Equal(120m, phuLuong2016.Value);
        Assert.Equal([UrlA, UrlB], phuLuong2016.Sources.Select(x => x.ArticleUrl).Order());
        var repeated = Assert.Single(stats, s => s.Locality.District == "Phú Lương" && s.Period == "2017");
        Assert.Equal(2, repeated.Sources.Count());
        Assert.Equal(1, repeated.ArticleCount);
        var daiTu = Assert.Single(stats, s => s.Locality.District == "Đại Từ");
        Assert.True(daiTu.Conflict);
        Assert.Null(daiTu.Value);
        Assert.Equal([200m, 210m], daiTu.Values.Select(v => v.Value));
        Assert.Equal([UrlA, UrlB], daiTu.Values.Select(v => Assert.Single(v.Sources).ArticleUrl));

        var result = await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, ThaiNguyen(), CompareLevel.District, CompareRate.Per100Members), _ct);
        Assert.Equal(
            ["Phú Lương 2016", "Phú Lương 2017", "Đại Từ 2016", "Định Hóa 2016"],
            result.Rows.Select(r => $"{r.Statistic.Locality.District} {r.Statistic.Period}"));
        var ranks = result.Rows.ToDictionary(r => $"{r.Statistic.Locality.District} {r.Statistic.Period}", r => r.Rank);
        Assert.Equal(1, ranks["Phú Lương 2016"]);
        Assert.Equal(1, ranks["Phú Lương 2017"]);
        Assert.Null(ranks["Đại Từ 2016"]);
        Assert.Null(ranks["Định Hóa 2016"]);
        var rates = result.Rows.ToDictionary(r => $"{r.Statistic.Locality.District} {r.Statistic.Period}", r => r.Rate!);
        Assert.Equal(2m, rates["Phú Lương 2016"].Value);
        Assert.Equal(2.17m, rates["Phú Lương 2017"].Value);
        Assert.Contains("total_members 2016", rates["Phú Lương 2017"].Label);
        Assert.Null(rates["Đại Từ 2016"].Value);
        Assert.Contains("disagree", rates["Đại Từ 2016"].Missing);

        var rollUp = Assert.Single(result.RollUps, u => u.Period == "2016");
        Assert.Equal(1500m, rollUp.Reported?.Value);
        Assert.Equal(220m, rollUp.SumOfParts);
        Assert.Equal(2, rollUp.PartsSummed);
        Assert.Equal("Đại Từ", Assert.Single(rollUp.PartsLeftOut).District);
        Assert.Contains("reported province", rollUp.ReportedLabel);
        Assert.Contains("sum of 2 district", rollUp.SumLabel);

        var target = await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, ThaiNguyen(2016, 2016), CompareLevel.District, CompareRate.PctOfTarget), _ct);
        Assert.Equal(120m, target.Rows.Single(r => r.Statistic.Locality.District == "Phú Lương").Rate!.Value);
        Assert.Null(target.Rows.Single(r => r.Statistic.Locality.District == "Định Hóa").Rate!.Value);

        var provinces = await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, ThaiNguyen(), CompareLevel.Province), _ct);
        Assert.Equal(1500m, Assert.Single(provinces.Rows).Statistic.Value);
        Assert.Empty(provinces.RollUps);

        var onlyB = await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, ThaiNguyen() with { Source = UrlB }), _ct);
        Assert.DoesNotContain(onlyB.Rows, r => r.Statistic.Conflict);
        Assert.All(onlyB.Rows, r => Assert.All(r.Statistic.Sources, s => Assert.Equal(UrlB, s.ArticleUrl)));
        var older = await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, ThaiNguyen(2010, 2014)), _ct);
        Assert.Equal("2013", Assert.Single(older.Rows).Statistic.Period);
        var elsewhere = new FigureQuery(ProvinceIn: LocalityFilters.Resolve(Gazetteer.Default, "Quảng Ninh", UnitLevel.Province));
        Assert.Empty((await store.CompareStatisticsAsync(new CompareRequest(Metric.NewMembers, elsewhere), _ct)).Rows);
    }

    [Theory]
    [InlineData("Thái Nguyên", UnitLevel.Province, "19")]
    [InlineData("tỉnh THÁI NGUYÊN", UnitLevel.Province, "19")]
    [InlineData("19", UnitLevel.Province, "19")]
    [InlineData("huyện Phú Lương", UnitLevel.District, "168")]
    [InlineData("Định Hoà", UnitLevel.District, "167")]
    public void Places_resolve_by_name_or_code(string input, UnitLevel level, string code)
    {
        var filter = LocalityFilters.Resolve(Gazetteer.Default, input, level);
        Assert.Contains(code, filter.Codes);
        Assert.NotEmpty(filter.Keys);
    }

    [Fact]
    public void A_unit_only_in_the_2025_tree_also_matches_the_units_it_was_formed_from()
    {
        var g = Gazetteer.Default;
        var post = g.Units.Where(u => u.IsPostReform && u.Level == UnitLevel.Commune)
            .First(u => g.FindByName(u.Name, UnitLevel.Commune, Gazetteer.LatestPreReform).Count == 0
                && LocalityFilters.Predecessors(g, u).Count > 1
                && g.FindByName(u.Name, UnitLevel.Commune, Gazetteer.ReformDate).Count == 1);
        var filter = LocalityFilters.Resolve(g, post.Name, UnitLevel.Commune);
        Assert.Contains(post.Code, filter.Codes);
        Assert.All(LocalityFilters.Predecessors(g, post), old => Assert.Contains(old.Code, filter.Codes));
    }

    [Theory]
    [InlineData("Thai Nguyen x", UnitLevel.Province, "Thái Nguyên")]
    [InlineData("Phú Lươngg", UnitLevel.District, "Phú Lương")]
    public void Unknown_place_lists_the_nearest_gazetteer_names(string input, UnitLevel level, string nearest)
    {
        var e = Assert.Throws<StoreException>(() => LocalityFilters.Resolve(Gazetteer.Default, input, level));
        Assert.Contains(input, e.Message);
        Assert.Contains(nearest, e.Message.Split("nearest:")[1].Split(", ")[0]);
    }

    [Fact]
    public void Every_export_column_metric_and_segment_has_a_codebook_entry()
    {
        Assert.Equal(FigureExport.Columns, Codebook.Columns.Select(c => c.Column));
        Assert.Equal(Enum.GetValues<Metric>().Order(), Codebook.Metrics.Select(m => m.Metric).Order());
        Assert.All(Codebook.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Meaning)));
        Assert.Equal(Codebook.Segments.Count, Codebook.Segments.Select(s => s.Label).Distinct().Count());
    }
}

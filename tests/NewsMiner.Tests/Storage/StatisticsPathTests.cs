using NewsMiner.Mining;
using NewsMiner.Mining.Localities;
using NewsMiner.Storage;
using Xunit;

namespace NewsMiner.Tests.Storage;

/// <summary>
/// The trimmed read behind `compare` (StatisticsAsync) must give exactly what consolidating the full figure stream
/// gives: same statistics, same values, same sources with their articles and evidence, in the same order.
/// </summary>
public sealed class StatisticsPathTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string?, int?, int?, bool> Queries => new()
    {
        // label, province, from, to, whole organisations only
        { "everything", null, null, null, false },
        { "Thái Nguyên 2015-2024", "Thái Nguyên", 2015, 2024, true },
        { "Thái Nguyên from 2016", "19", 2016, null, false },
        { "Đắk Lắk", "Đắk Lắk", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Sqlite_statistics_path_equals_consolidating_the_stream(string label, string? province, int? from, int? to, bool whole)
    {
        await using var store = await NewsStores.OpenAsync(_dir.File("path.db"), _ct);
        await CheckAsync(store, label, province, from, to, whole);
    }

    [PostgresFact]
    public async Task Postgres_statistics_path_equals_consolidating_the_stream()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStores.OpenAsync(schema.ConnectionString, _ct);
        var first = true;
        foreach (var row in Queries)
        {
            var args = row.ToArray();
            await CheckAsync(store, (string)args[0], (string?)args[1], (int?)args[2], (int?)args[3], (bool)args[4], fill: first);
            first = false;
        }
    }

    private async Task CheckAsync(INewsStore store, string label, string? province, int? from, int? to, bool whole, bool fill = true)
    {
        if (fill)
        {
            await ComparePlant.FillAsync(store, _ct);
            await store.SaveArticleAsync(StoreSamples.Article("https://baodaklak.vn/xay-dung-dang/ea-kar.html"), StoreSamples.Figures(),
                StoreSamples.Provenance("https://baodaklak.vn/xay-dung-dang/ea-kar.html"), _ct);
        }
        var q = new FigureQuery(
            ProvinceIn: province is null ? null : LocalityFilters.Resolve(Gazetteer.Default, province, UnitLevel.Province),
            FromYear: from, ToYear: to, Segment: whole ? FigureQuery.WholeOrganisation : null);

        var expected = Statistics.Consolidate(await store.QueryFiguresAsync(q, _ct).ToListAsync());
        var actual = await store.StatisticsAsync(q, _ct);

        Assert.NotEmpty(expected);
        Assert.Equal(Describe(expected), Describe(actual));
        Assert.True(expected.Count == actual.Count, label);
    }

    private static List<string> Describe(IReadOnlyList<Statistic> statistics) =>
        statistics.Select(s => string.Join(" | ",
            s.Metric, s.Segment, s.Locality, s.Period, s.Years, s.PerYear,
            string.Join("; ", s.Values.Select(v => $"{v.Value}-{v.ValueMax}: " + string.Join(", ", v.Sources.Select(x =>
                $"{x.FigureId}/{x.ArticleId} {x.ArticleUrl} '{x.ArticleTitle}' {x.Published:O} {x.Qualifier} {x.Confidence} {x.EvidenceStart}+{x.EvidenceLength} {x.Evidence}"))))))
            .ToList();
}

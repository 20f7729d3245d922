using NewsMiner.Crawling;
using NewsMiner.Storage;
using NewsMiner.Tests.Cli;
using NewsMiner.Tests.Crawling;
using Xunit;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.Storage;

/// <summary>
/// `newsminer import-store`: a SQLite store written by the previous release's code (the SQLite store and frontier, still
/// here for reading old files) is crawled into, then moved into a LiteDB file: nothing is lost.
/// </summary>
public sealed class ImportStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_crawled_sqlite_store_moves_into_litedb_with_every_article_url_figure_and_frontier_row()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/", () => Html(Listing("Trang chủ", [.. Enumerable.Range(0, 12).Select(n => $"/bai/{n}"), "/mat"])));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/bai/{n:int}", (int n) =>
                Html(ArticleHtml(7000 + n, extraBody: $"<p>Năm 2023, Đảng bộ huyện Ea Kar kết nạp được {200 + n} đảng viên mới.</p>")));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/mat", () => Microsoft.AspNetCore.Http.Results.NotFound());
        });
        var old = _dir.File("old.db");
        var oldFigures = new List<StoredFigure>();
        IReadOnlyDictionary<FrontierState, long> oldCounts;
        IReadOnlyList<SourceStatus> oldStatus;
        StoreStats oldStats;
        await using (var sqlite = await NewsStore.OpenAsync(old, _ct))
        {
            await NewsPipeline.CreateDefault().CrawlAsync(sqlite, [Source(site, "/")], Options, null, _ct);
            await foreach (var f in sqlite.QueryFiguresAsync(FigureQuery.All, _ct)) oldFigures.Add(f);
            await using var frontier = await sqlite.OpenFrontierAsync(TimeSpan.Zero, _ct);
            oldCounts = await frontier.CountsAsync(_ct);
            oldStatus = await frontier.StatusAsync(_ct);
            oldStats = await sqlite.StatsAsync(_ct);
        }
        Assert.Equal(12, oldStats.Articles);
        Assert.NotEmpty(oldFigures);

        var db = _dir.File("new.db");
        var import = await CliRunner.RunAsync("import-store", old, "--db", db);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("12 article(s)", import.Out, StringComparison.Ordinal);

        await using var lite = await NewsStores.OpenAsync(db, _ct);
        Assert.Equal(StoreBackend.LiteDb, lite.Backend);
        var stats = await lite.StatsAsync(_ct);
        Assert.Equal((oldStats.Articles, oldStats.Figures, oldStats.Fetches), (stats.Articles, stats.Figures, stats.Fetches));
        Assert.Equal(oldStats.FailuresByErrorClass, stats.FailuresByErrorClass);
        var figures = await lite.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync();
        // Ids are new; everything else of every figure, and its article's URL, title and date, is the same.
        Assert.Equal(oldFigures.Select(f => f with { Id = 0, ArticleId = 0 }), figures.Select(f => f with { Id = 0, ArticleId = 0 }));
        await using (var frontier = await lite.OpenFrontierAsync(TimeSpan.Zero, _ct))
        {
            Assert.Equal(oldCounts, await frontier.CountsAsync(_ct));
            Assert.Equal(oldStatus.Select(s => (s.Source, s.TotalPages, s.TotalNewArticles)), (await frontier.StatusAsync(_ct)).Select(s => (s.Source, s.TotalPages, s.TotalNewArticles)));
        }
        Assert.Equal(await (await NewsStore.OpenReadOnlyAsync(old, _ct)).SourcesAsync(_ct), await lite.SourcesAsync(_ct));
        Assert.True(await lite.HasArticleWithUrlAsync(site.Url("/bai/3").AbsoluteUri, _ct));
        Assert.Equal(12, (await lite.SearchAsync("ket nap", 50, _ct).ToListAsync()).Count);

        // A crawl on the imported store fetches nothing it had finished.
        var hits = site.Hits.Count;
        await NewsPipeline.CreateDefault().CrawlAsync(lite, [Source(site, "/")], Options, null, _ct);
        Assert.Equal(12, (await lite.StatsAsync(_ct)).Articles);
        Assert.DoesNotContain(site.Hits.Skip(hits), h => h.PathAndQuery.StartsWith("/bai/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_an_old_store_is_one_line_and_writes_nothing()
    {
        var bogus = _dir.File("bogus.db");
        await File.WriteAllTextAsync(bogus, "không phải cơ sở dữ liệu", _ct);
        var db = _dir.File("new.db");
        var r = await CliRunner.RunAsync("import-store", bogus, "--db", db);
        Assert.Equal(NewsMiner.Cli.ExitCodes.BadInput, r.ExitCode);
        Assert.Contains(bogus, Assert.Single(r.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task A_store_of_a_newer_version_or_an_old_sqlite_store_is_one_line_naming_the_file_exit_2_and_left_as_it_was()
    {
        var db = _dir.File("newer.db");
        await using (var store = await NewsStores.OpenAsync(db, _ct))
        {
            await store.SaveArticleAsync(StoreSamples.Article("https://a.vn/1"), StoreSamples.Figures(), StoreSamples.Provenance("https://a.vn/1"), _ct);
        }
        using (var lite = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = db, Connection = LiteDB.ConnectionType.Direct }))
        {
            lite.UserVersion = NewsMiner.Storage.Lite.LiteStore.ShapeVersion + 1;
        }
        var old = _dir.File("old.db");
        await using (var sqlite = await NewsStore.OpenAsync(old, _ct))
        {
            await sqlite.SaveArticleAsync(StoreSamples.Article("https://a.vn/2"), [], StoreSamples.Provenance("https://a.vn/2"), _ct);
        }
        foreach (var (file, says) in new[] { (db, "newer than this build"), (old, "import-store") })
        {
            var before = await File.ReadAllBytesAsync(file, _ct);
            foreach (var args in new[] { new[] { "query", "--db", file }, ["crawl", "--db", file, "--start", "http://127.0.0.1:9/", "--quiet"], ["export", "--db", file, "--format", "csv", "--out", _dir.File("x.csv")] })
            {
                var r = await CliRunner.RunAsync(args);
                Assert.Equal(NewsMiner.Cli.ExitCodes.BadInput, r.ExitCode);
                var line = Assert.Single(r.ErrorLines);
                Assert.Contains(Path.GetFullPath(file), line, StringComparison.Ordinal);
                Assert.Contains(says, line, StringComparison.Ordinal);
            }
            Assert.Equal(before, await File.ReadAllBytesAsync(file, _ct));
            Assert.False(File.Exists(_dir.File("x.csv")));
        }
    }
}

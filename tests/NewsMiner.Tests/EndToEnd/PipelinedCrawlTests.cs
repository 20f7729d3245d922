using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Crawling;
using NewsMiner.Storage;
using NewsMiner.Tests.Crawling;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>
/// The pipelined crawl (fetch, extract/mine workers, one group-committing writer) stopped part-way: what is in the
/// database is whole pages only, no page is done without its article, and the next run finishes the rest exactly once.
/// </summary>
public class PipelinedCrawlTests
{
    private const int Articles = 120;
    private const int PerListing = 15;

    private static string ArticleHtml(int n) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Tin {n}</title></head><body><article><h1>Chi bộ khu phố {n} họp bàn việc phát triển đảng viên</h1>"
        + $"<p>Ngày 1{n % 9}/04/2024, chi bộ khu phố số {n} họp để bàn cách bồi dưỡng quần chúng ưu tú trong đoàn viên thanh niên.</p>"
        + string.Concat(Enumerable.Range(0, 5).Select(i => $"<p>Ý kiến {i} ở khu phố {n}: mỗi đảng viên nhận kèm cặp một quần chúng, báo cáo tiến độ ở buổi sinh hoạt hằng tháng.</p>"))
        + "</article></body></html>";

    private static string ListingHtml(int page)
    {
        var links = Enumerable.Range(page * PerListing, PerListing).Where(n => n < Articles).Select(n => $"<a href=\"/tin/{n}\">Tin {n}</a>");
        var next = (page + 1) * PerListing < Articles ? $"<a href=\"/muc?trang={page + 1}\">Trang sau</a>" : "";
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Mục tin</title></head><body>{string.Concat(links)}{next}</body></html>";
    }

    private static long Scalar(string db, string sql) => NewsMiner.Tests.Support.StoreSnapshot.Scalar(db, sql);

    /// <summary>Progress that runs on the writer's thread, so the cancellation lands between or inside page writes.</summary>
    private sealed class CancelAfter(int articles, CancellationTokenSource cts) : IProgress<CrawlReport>
    {
        public void Report(CrawlReport value)
        {
            if (value.ArticlesStored >= articles) cts.Cancel();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(60)]
    public async Task A_cancelled_crawl_keeps_whole_pages_and_the_next_run_completes_each_once(int cancelAfter)
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/muc", (int? trang) => Results.Content(ListingHtml(trang ?? 0), "text/html; charset=utf-8"));
            app.MapGet("/tin/{n:int}", (int n) => Results.Content(ArticleHtml(n), "text/html; charset=utf-8"));
        });
        using var dir = new TempDir();
        var db = dir.File("pipe.db");
        var sources = new[] { new CrawlSource("muc", "Bình Định", [site.Url("/muc")]) };
        var options = new CrawlOptions { DelayMs = 0, RespectRobots = false, MaxPages = 1000, MaxConcurrency = 4, ConnectionsPerHost = 4 };

        await using (var store = await NewsStores.OpenAsync(db, CancellationToken.None))
        {
            using var cts = new CancellationTokenSource();
            // A stop ends the run normally: pages already fetched are stored, the rest stays queued.
            var stopped = await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, new CancelAfter(cancelAfter, cts), cts.Token);
            Assert.True(cts.IsCancellationRequested);
            Assert.InRange(stopped.ArticlesStored, cancelAfter, Articles - 1);
        }

        var stored = Scalar(db, "SELECT count(*) FROM articles");
        Assert.InRange(stored, cancelAfter, Articles - 1);
        // Done and stored go together, in both directions.
        Assert.Equal(0, Scalar(db, """
            SELECT count(*) FROM frontier f WHERE f.state = 'done' AND f.url LIKE '%/tin/%' AND NOT EXISTS (SELECT 1 FROM article_urls u WHERE u.url = f.url)
            """));
        Assert.Equal(0, Scalar(db, """
            SELECT count(*) FROM article_urls u WHERE NOT EXISTS (SELECT 1 FROM frontier f WHERE f.url = u.url AND f.state = 'done')
            """));
        // Whole pages: every stored article has its figures' article and its fetch record.
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM fetches x WHERE x.url = a.canonical_url)"));

        await using (var store = await NewsStores.OpenAsync(db, CancellationToken.None))
        {
            var report = await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, null, CancellationToken.None);
            Assert.Equal(Articles - stored, report.ArticlesStored);
        }
        Assert.Equal(Articles, Scalar(db, "SELECT count(*) FROM articles"));
        Assert.Equal(Articles, Scalar(db, "SELECT count(DISTINCT canonical_url) FROM articles"));
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')"));
        var articleFetches = site.Hits.Where(h => h.PathAndQuery.StartsWith("/tin/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Articles, articleFetches.Select(h => h.PathAndQuery).Distinct().Count());
    }
}

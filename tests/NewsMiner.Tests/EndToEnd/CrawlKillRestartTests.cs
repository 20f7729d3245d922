using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Tests.Crawling;
using NewsMiner.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>
/// The crash-safety promise, end to end: the real CLI crawls a 500-article loopback site, is killed with SIGKILL at
/// ten moments, and is started again each time; in the end every article is stored exactly once.
/// </summary>
public class CrawlKillRestartTests(ITestOutputHelper output)
{
    private const int Articles = 500;
    private const int PerListing = 20;

    private static string ArticleHtml(int n) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Bài số {n}</title></head><body><article><h1>Bài số {n}: chi bộ thôn {n} sinh hoạt định kỳ</h1>"
        + $"<p>Ngày 0{1 + n % 9}/03/2024, chi bộ thôn số {n} tổ chức buổi sinh hoạt chuyên đề về công tác xây dựng Đảng ở khu dân cư.</p>"
        + string.Concat(Enumerable.Range(0, 6).Select(i => $"<p>Đoạn {i} của bài {n}: các đảng viên thảo luận việc giữ mối liên hệ với nhân dân, chăm lo đời sống bà con và đóng góp ý kiến cho cấp ủy.</p>"))
        + "</article></body></html>";

    private static string ListingHtml(int page)
    {
        var links = Enumerable.Range(page * PerListing, PerListing).Where(n => n < Articles).Select(n => $"<a href=\"/bai/{n}\">Bài {n}</a>");
        var next = (page + 1) * PerListing < Articles ? $"<a href=\"/danh-sach?trang={page + 1}\">Trang sau</a>" : "";
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Danh sách</title></head><body>{string.Concat(links)}{next}</body></html>";
    }

    private static long CountArticles(string db) => File.Exists(db) ? StoreSnapshot.Scalar(db, "SELECT count(*) FROM articles") : 0;

    private Process StartCrawl(string db, Uri start, string workDir) =>
        CliProcess.Start(workDir, ["crawl", "--db", db, "--start", start.AbsoluteUri, "--delay-ms", "0", "--max-pages", "5000", "--quiet", "--ignore-robots"],
            line => output.WriteLine("out: " + line), line => output.WriteLine("err: " + line));

    /// <summary>Paths of the article pages the frontier holds as done.</summary>
    private static HashSet<string> DonePaths(string db)
    {
        if (!File.Exists(db)) return [];
        using var conn = StoreSnapshot.Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT url FROM frontier WHERE state = 'done'";
        using var r = cmd.ExecuteReader();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) paths.Add(new Uri(r.GetString(0)).PathAndQuery);
        return paths.Where(p => p.StartsWith("/bai/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    private static int ArticlePagesServed(LoopbackSite site) =>
        site.Hits.Select(h => h.PathAndQuery).Where(p => p.StartsWith("/bai/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count();

    [Fact]
    public async Task Killed_ten_times_then_restarted_stores_every_article_once()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/danh-sach", (int? trang) => Results.Content(ListingHtml(trang ?? 0), "text/html; charset=utf-8"));
            app.MapGet("/bai/{n:int}", (int n) => n < Articles ? Results.Content(ArticleHtml(n), "text/html; charset=utf-8") : Results.NotFound());
        });
        using var dir = new TempDir();
        var db = dir.File("kill.db");
        var start = site.Url("/danh-sach");

        // After each kill: the article pages the database had finished, and how many requests the site had seen by then.
        var finishedAtKill = new List<(HashSet<string> Done, int HitsSoFar)>();
        // The crawl owns the file while it runs, so the moment to kill is read from the site: the distinct article
        // pages it has served, then a random pause (seeded: a failure can be replayed) so kills land anywhere in a batch.
        var random = new Random(14);
        foreach (var killAt in new[] { 15, 50, 90, 130, 170, 215, 260, 310, 360, 420 })
        {
            using var p = StartCrawl(db, start, dir.Path);
            var deadline = Stopwatch.StartNew();
            while (ArticlePagesServed(site) < killAt && !p.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(5);
            await Task.Delay(random.Next(0, 120));
            Assert.False(p.HasExited, $"the crawl ended before {killAt} article pages (exit {(p.HasExited ? p.ExitCode : 0)})");
            p.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            await p.WaitForExitAsync();
            output.WriteLine($"killed at {CountArticles(db)} articles (target {killAt})");
            finishedAtKill.Add((DonePaths(db), site.Hits.Count));
        }

        using (var last = StartCrawl(db, start, dir.Path))
        {
            Assert.True(last.WaitForExit(TimeSpan.FromSeconds(120)), "the final crawl did not finish");
            Assert.Equal(0, last.ExitCode);
        }

        using var conn = StoreSnapshot.Open(db);
        long Scalar(string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return (long)cmd.ExecuteScalar()!;
        }
        Assert.Equal(Articles, Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(Articles, Scalar("SELECT count(DISTINCT canonical_url) FROM articles"));
        Assert.Equal(Articles, Scalar("SELECT count(DISTINCT title) FROM articles"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')"));
        // Nothing finished is fetched again: no article page done at a kill was requested by any later run. (Pages
        // fetched but not yet committed when the process died are not finished, and are fetched again.)
        var hits = site.Hits;
        foreach (var (done, hitsSoFar) in finishedAtKill)
        {
            var again = hits.Skip(hitsSoFar).Select(h => h.PathAndQuery).Where(done.Contains).ToList();
            Assert.True(again.Count == 0, $"finished pages fetched again: {string.Join(", ", again.Take(5))}");
        }
        var articleHits = hits.Where(h => h.PathAndQuery.StartsWith("/bai/", StringComparison.Ordinal)).GroupBy(h => h.PathAndQuery).ToList();
        Assert.Equal(Articles, articleHits.Count);
        output.WriteLine($"{articleHits.Sum(g => g.Count())} article requests for {Articles} articles over 10 kills");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Cli;
using NewsMiner.Cli.Commands;
using NewsMiner.Crawling;
using NewsMiner.Storage;
using NewsMiner.Tests.Cli;
using NewsMiner.Tests.Crawling;
using NewsMiner.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>Stopping with SIGINT, `crawl --watch`, `status` and the one-crawl-per-database lock, through the CLI.</summary>
public sealed class CrawlStopAndScheduleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("crawl.db");

    public void Dispose() => _dir.Dispose();

    private Process StartCli(params string[] args) =>
        CliProcess.Start(_dir.Path, args, line => output.WriteLine("out: " + line), line => output.WriteLine("err: " + line));

    [Fact]
    public async Task Sigint_lets_the_page_in_flight_finish_and_exits_0_with_a_consistent_frontier()
    {
        var served = new ConcurrentBag<int>();
        var started = new ConcurrentBag<int>();
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", [.. Enumerable.Range(0, 60).Select(n => $"/bai/{n}")])));
            app.MapGet("/bai/{n:int}", async (int n) =>
            {
                started.Add(n);
                await Task.Delay(700); // slow enough that a page is in flight when the signal comes
                served.Add(n);
                return Html(ArticleHtml(1000 + n));
            });
        });
        using var p = StartCli("crawl", "--db", Db, "--start", site.BaseUrl.AbsoluteUri, "--delay-ms", "0", "--ignore-robots", "--quiet");
        var guard = Stopwatch.StartNew();
        // The crawl owns the file while it runs; the site's count of pages served says how far it got.
        while (served.Count < 2 && !p.HasExited && guard.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(20);
        Assert.False(p.HasExited, "the crawl ended before it could be stopped");
        // Wait until a request is in flight on the server, then interrupt.
        var before = started.Count;
        while (started.Count == before && guard.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(5);
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();

        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "the crawl did not stop after SIGINT");
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.True(served.Count < 60, "the crawl had finished anyway, so nothing was interrupted");
        // The page in flight at the signal was finished and stored: every page served is an article, none is in flight.
        Assert.Equal(served.Count, Count(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM frontier WHERE state = 'in_flight'"));
        Assert.Equal(60 - served.Count, Count(Db, "SELECT count(*) FROM frontier WHERE state = 'queued'"));
    }

    [Fact]
    public async Task Watch_revisits_a_listing_on_its_interval_until_stopped()
    {
        var visits = 0;
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            // Each visit of the listing shows one more article, as a section page does when news is posted.
            app.MapGet("/tin-moi", () =>
            {
                var n = Interlocked.Increment(ref visits);
                return Html(Listing("Tin mới", [.. Enumerable.Range(0, n).Select(i => $"/bai/{i}")]));
            });
            app.MapGet("/bai/{n:int}", (int n) => Html(ArticleHtml(2000 + n)));
        });
        var source = new CrawlSource(SourceName, "Hà Nam", [site.Url("/tin-moi")])
        {
            RevisitInterval = TimeSpan.FromSeconds(1),
            ListingPatterns = [new("/tin-moi$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))],
            ArticlePatterns = [new("/bai/\\d+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))],
        };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // hang guard
        await using var store = await NewsStores.OpenAsync(Db, CancellationToken.None);

        var watching = CrawlCommand.WatchAsync(new CliIo(stdout, stderr), store, [source], Options with { StopGraceMs = 5000 }, quiet: false, cts.Token);
        while ((await store.StatsAsync(CancellationToken.None)).Articles < 3 && !watching.IsCompleted && !cts.IsCancellationRequested) await Task.Delay(50);
        await cts.CancelAsync();
        var code = await watching;

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(Volatile.Read(ref visits) >= 3, $"the listing was visited {visits} time(s)");
        Assert.True((await store.StatsAsync(CancellationToken.None)).Articles >= 3);
        Assert.Contains("pass done", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("crawl: stopped", stdout.ToString(), StringComparison.Ordinal);
        // Article pages are fetched once however often their listing is revisited.
        Assert.All(site.Hits.Where(h => h.PathAndQuery.StartsWith("/bai/", StringComparison.Ordinal)).GroupBy(h => h.PathAndQuery), g => Assert.Single(g));
    }

    [Fact]
    public async Task Status_shows_per_source_the_last_run_pages_new_articles_failures_by_class_and_the_last_new_article()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", "/bai/1", "/bai/2", "/mat")));
            app.MapGet("/bai/{n:int}", (int n) => Html(ArticleHtml(3000 + n)));
            app.MapGet("/mat", () => Results.NotFound());
        });
        var sources = _dir.File("sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [ { "name": "Báo thử", "province": "Hà Nam", "startUrls": ["{{site.BaseUrl.AbsoluteUri}}"] } ] }
            """);

        var crawl = await CliRunner.RunAsync("crawl", "--db", Db, "--sources", sources, "--delay-ms", "0", "--ignore-robots", "--quiet");
        Assert.Equal(0, crawl.ExitCode);
        var status = await CliRunner.RunAsync("status", "--db", Db);

        Assert.Equal(0, status.ExitCode);
        var line = Assert.Single(status.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("Báo thử:", StringComparison.Ordinal));
        Assert.Contains("4 page(s)", line, StringComparison.Ordinal);
        Assert.Contains("2 new article(s)", line, StringComparison.Ordinal);
        Assert.Contains("http_4xx 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(unfinished)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("last new article -", line, StringComparison.Ordinal);
        Assert.Contains("last run " + DateTimeOffset.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_crawl_on_a_locked_database_exits_with_one_clear_line()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/", () => Html(Listing("Trang chủ"))));
        Assert.Equal(0, (await CliRunner.RunAsync("crawl", "--db", Db, "--start", site.BaseUrl.AbsoluteUri, "--ignore-robots", "--quiet")).ExitCode);
        // Another live process holds the store's OS lock (flock(1) takes the same lock a crawl does) and says who it is.
        using var holder = Process.Start("flock", [Db + ".lock", "sleep", "60"]);
        try
        {
            await File.WriteAllTextAsync(Db + ".owner", $"newsminer crawl (pid {holder.Id} on {Environment.MachineName})");
            var deadline = Stopwatch.StartNew();
            while (NewsMiner.Storage.Lite.LiteFiles.TakeLock(Path.GetFullPath(Db)) is { } free && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                free.Dispose();
                await Task.Delay(20);
            }

            foreach (var args in new[] { new[] { "crawl", "--db", Db, "--start", site.BaseUrl.AbsoluteUri, "--quiet" }, ["crawl", "--watch", "--db", Db, "--start", site.BaseUrl.AbsoluteUri, "--quiet"] })
            {
                var second = await CliRunner.RunAsync(args);
                Assert.Equal(ExitCodes.BadInput, second.ExitCode);
                var line = Assert.Single(second.ErrorLines);
                Assert.Contains("another crawl is running", line, StringComparison.OrdinalIgnoreCase);
                Assert.Contains($"pid {holder.Id}", line, StringComparison.Ordinal);
            }
            Assert.Single(site.Hits); // only the first crawl fetched anything
        }
        finally
        {
            holder.Kill();
        }
    }
}

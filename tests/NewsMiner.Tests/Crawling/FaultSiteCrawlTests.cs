using System.Diagnostics;
using NewsMiner.Crawling;
using NewsMiner.SampleSite.Faults;
using NewsMiner.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.Crawling;

/// <summary>
/// Issue #15's end-to-end test: one crawl of the fault site (every fault kind of <see cref="FaultSite.Cases"/>, two
/// hosts) through the whole pipeline into a database, with deadlines shrunk to 2.5 s so it runs in seconds. It checks
/// every good article stored once, every passing fault recovered within the run, every other fault classified, nothing
/// fetched outside scope or robots, traps bounded, the run ending by itself, memory bounded.
/// </summary>
public sealed class FaultSiteCrawlTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("faults.db");

    public void Dispose() => _dir.Dispose();

    private static readonly FaultSiteOptions SiteOptions = new()
    {
        SlowAnswerMs = 8_000, DripBytesPerSecond = 40, RobotsDelayMs = 800, HugeBodyBytes = 60L * 1024 * 1024,
    };

    private static readonly TrapLimits Traps = TrapLimits.Default with { MaxUrlsPerPattern = 15, DefaultMaxDepth = 8 };

    private static CrawlOptions CrawlOptionsFor(NoticeLog notices) => new()
    {
        DelayMs = 0, TimeoutMs = 2_500, RespectRobots = true, RobotsRetryDelayMs = 1_000, RetryBaseDelayMs = 200, MaxIdleWaitMs = 5_000,
        MaxPages = 2_000, MaxBodyBytes = 2 * 1024 * 1024, Traps = Traps, Notices = notices,
    };

    [Fact]
    public async Task A_crawl_of_the_fault_site_stores_every_good_and_recoverable_article_once_and_classifies_the_rest()
    {
        await using var site = FaultSite.Start(SiteOptions);
        var notices = new NoticeLog();
        var sources = new[]
        {
            new CrawlSource("lỗi", "Hà Nam", [site.BaseUrl]),
            new CrawlSource("phụ", "Hà Nam", [new Uri(site.SiblingUrl, "/phu/")]) { AllowedHosts = ["localhost"] },
        };
        using var memory = new PeakMemory();
        var watch = Stopwatch.StartNew();

        var report = await RunAsync(Db, sources, CrawlOptionsFor(notices));

        watch.Stop();
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s, peak working set {memory.PeakMb} MB (grew {memory.GrowthMb} MB); " +
            $"{report.PagesFetched} fetched, {report.ArticlesStored} stored, failures: {string.Join(", ", report.FailuresByClass.Select(f => $"{f.Key} {f.Value}"))}");
        foreach (var n in notices.Items) output.WriteLine("notice: " + n.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(75), "the run did not end by itself in time");
        Assert.True(memory.GrowthMb < 500, $"memory grew by {memory.GrowthMb} MB");

        AssertGoodArticlesStoredOnce(site);
        foreach (var fault in site.Cases) AssertCase(site, fault);
        AssertNothingOutsideScopeOrRobots(site);
        // robots.txt answering 500 pauses its host, and the run says so, and says when it is back.
        Assert.Contains(notices.Items, n => n is { Kind: CrawlNoticeKind.HostPaused, Host: "localhost" } && n.Message.Contains("robots.txt", StringComparison.Ordinal));
        Assert.Contains(notices.Items, n => n is { Kind: CrawlNoticeKind.HostResumed, Host: "localhost" });
        Assert.DoesNotContain(notices.Items, n => n is { Kind: CrawlNoticeKind.HostPaused, Host: "127.0.0.1" }); // page faults never pause a host
        AssertTrapsBounded(site, notices);
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM frontier WHERE state = 'in_flight'"));
        var recoverable = site.Cases.Count(c => c.Recoverable);
        Assert.Equal(site.GoodArticlePaths.Count + recoverable + site.SiblingArticlePaths.Count, Count(Db, "SELECT count(*) FROM articles"));
        Assert.True(site.Cases.Count >= 25, $"{site.Cases.Count} fault kinds");
    }

    private void AssertGoodArticlesStoredOnce(FaultSite site)
    {
        foreach (var path in site.GoodArticlePaths)
        {
            Assert.Equal(1, Count(Db, $"SELECT count(*) FROM article_urls WHERE url = '{Crawler.Canonicalize(site.Url(path)).AbsoluteUri}'"));
            Assert.Equal(1, site.CallsTo(path));
        }
        foreach (var path in site.SiblingArticlePaths)
            Assert.Equal(1, Count(Db, $"SELECT count(*) FROM article_urls WHERE url = '{Crawler.Canonicalize(new Uri(site.SiblingUrl, path)).AbsoluteUri}'"));
    }

    private void AssertCase(FaultSite site, FaultCase fault)
    {
        var url = fault.Path.StartsWith('/') && !fault.Path.StartsWith("//", StringComparison.Ordinal) ? site.Url(fault.Path) : null;
        string Stored(Uri u) => $"SELECT count(*) FROM article_urls WHERE url = '{Crawler.Canonicalize(u).AbsoluteUri}'";
        switch (fault.Expect)
        {
            case FaultExpectation.Article:
                Assert.True(Count(Db, Stored(url!)) == 1, $"{fault.Kind}: article not stored");
                Assert.Equal("done", Frontier(Db, url!)!.State);
                break;
            case FaultExpectation.Failure:
                var row = Frontier(Db, url!);
                Assert.True(row is not null && (row.State, row.ErrorClass) == ("failed", fault.ErrorClass),
                    $"{fault.Kind}: expected failed {fault.ErrorClass}, got {row?.State} {row?.ErrorClass} ({row?.Message})");
                Assert.Equal(0, Count(Db, Stored(url!)));
                break;
            case FaultExpectation.NoArticle:
                Assert.True(Frontier(Db, url!) is { State: "done" }, $"{fault.Kind}: not fetched");
                Assert.Equal(0, Count(Db, Stored(url!)));
                break;
            case FaultExpectation.Queued:
                Assert.True(Frontier(Db, url!) is { State: "queued", ErrorClass: "http_5xx" }, $"{fault.Kind}: not left queued");
                break;
            case FaultExpectation.NeverRequested:
                Assert.DoesNotContain(site.Hits, h => h.PathAndQuery == fault.Path);
                if (fault.ErrorClass is { } expected) Assert.Equal(expected, Frontier(Db, url!)!.ErrorClass);
                break;
            case FaultExpectation.Robots:
                break; // checked through the articles of the hosts they guard and the hits on robots.txt
        }
        if (fault.Slow) Assert.Equal(2, site.CallsTo(fault.Path)); // fewer attempts for a page that hangs than for a 503
    }

    private static void AssertNothingOutsideScopeOrRobots(FaultSite site)
    {
        Assert.All(site.Hits, h => Assert.Contains(h.Host, new[] { "127.0.0.1", "localhost" }));
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery.StartsWith("/ngoai/", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery.StartsWith("/rieng/", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery.Length > 2048);
        Assert.Equal(1, site.CallsTo("/robots.txt"));
        var siblingRobots = site.Hits.Where(h => h.Host == "localhost" && h.PathAndQuery == "/robots.txt").Select(h => h.At).Order().ToList();
        Assert.Equal(2, siblingRobots.Count); // 500, then read again after the host's pause
        var firstPage = site.Hits.Where(h => h.Host == "localhost" && h.PathAndQuery != "/robots.txt").Min(h => h.At);
        Assert.True(firstPage >= siblingRobots[1], "a page of the host was fetched while its robots.txt was unavailable");
    }

    private void AssertTrapsBounded(FaultSite site, NoticeLog notices)
    {
        foreach (var prefix in new[] { "/lich?", "/tim?" })
        {
            var hits = site.Hits.Count(h => h.PathAndQuery.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(hits <= Traps.MaxUrlsPerPattern + 1, $"{hits} requests to {prefix}");
        }
        Assert.True(site.Hits.Count(h => h.PathAndQuery.StartsWith("/vong/", StringComparison.Ordinal)) <= 3, "the path loop was followed");
        var reasons = notices.Items.Where(n => n.Kind == CrawlNoticeKind.LinksCut).Select(n => n.Reason).ToHashSet();
        Assert.Contains(TrapLimits.PatternLimit, reasons);
        Assert.Contains(TrapLimits.RepeatedSegment, reasons);
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM frontier WHERE length(url) > 2048 OR url NOT LIKE 'http%'"));
    }

    /// <summary>Samples the process's working set while a test runs; other tests running in parallel share the process.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly long _start = Environment.WorkingSet;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public PeakMemory()
        {
            _peak = _start;
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet));
                    try
                    {
                        await Task.Delay(50, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            });
        }

        public long PeakMb => Interlocked.Read(ref _peak) / (1024 * 1024);

        public long GrowthMb => (Interlocked.Read(ref _peak) - _start) / (1024 * 1024);

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }
}

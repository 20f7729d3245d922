using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Crawling;
using Xunit;

namespace NewsMiner.Tests.Crawling;

/// <summary>Robots.txt, retries and the fault-injecting cases against a loopback site.</summary>
public class PolitenessTests
{
    private static string Page(string title, params string[] hrefs) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>"
        + string.Concat(hrefs.Select(h => $"<a href=\"{h}\">liên kết</a> ")) + "</body></html>";

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static async Task<List<CrawlOutcome>> CrawlAllAsync(CrawlOptions options, int seconds = 20)
    {
        using var crawler = new Crawler(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var outcomes = new List<CrawlOutcome>();
        await foreach (var outcome in crawler.CrawlAsync(cts.Token)) outcomes.Add(outcome);
        return outcomes;
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /rieng/\n", "/rieng/a", false)]
    [InlineData("User-agent: *\nDisallow: /rieng/\nAllow: /rieng/cong-khai\n", "/rieng/cong-khai/1", true)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: NewsMiner\nDisallow: /cam\n", "/tin/1", true)]
    [InlineData("User-agent: *\nDisallow: /*.aspx$\n", "/tin/1.aspx", false)]
    [InlineData("User-agent: *\nDisallow: /*.aspx$\n", "/tin/1.aspx?x=1", true)]
    [InlineData("User-agent: *\nDisallow:\n", "/bat-ky", true)]
    [InlineData("User-agent: other\nDisallow: /\n", "/bat-ky", true)]
    public void Robots_rules_use_the_longest_match_for_our_group(string robots, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(robots, CrawlOptions.RobotsToken).IsAllowed(new Uri("http://tinh.vn" + path)));

    [Theory]
    [InlineData("User-agent: *\nCrawl-delay: 2.5\n", 2500)]
    [InlineData("User-agent: *\nCrawl-delay: 3600\n", 60_000)]
    [InlineData("User-agent: *\nDisallow: /x\n", -1)]
    public void Crawl_delay_is_read_and_capped(string robots, int expectedMs) =>
        Assert.Equal(expectedMs < 0 ? null : TimeSpan.FromMilliseconds(expectedMs), RobotsTxt.Parse(robots, CrawlOptions.RobotsToken).CrawlDelay);

    [Fact]
    public async Task Robots_disallow_and_crawl_delay_are_obeyed()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /rieng/\nCrawl-delay: 0.3\n"));
            app.MapGet("/", () => Html(Page("Trang chủ", "/rieng/bi-mat", "/tin/1", "/tin/2")));
            app.MapGet("/tin/{n}", (string n) => Html(Page("Tin " + n)));
            app.MapGet("/rieng/{x}", (string x) => Html(Page("Riêng")));
        });

        var outcomes = await CrawlAllAsync(new CrawlOptions { StartUrls = [site.BaseUrl], DelayMs = 0, TimeoutMs = 5000 });

        var denied = Assert.Single(outcomes.OfType<FetchFailure>());
        Assert.Equal(FetchErrorClass.RobotsDenied, denied.ErrorClass);
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery.StartsWith("/rieng/", StringComparison.Ordinal));
        Assert.Single(site.Hits, h => h.PathAndQuery == "/robots.txt");
        var pages = site.Hits.Where(h => h.PathAndQuery != "/robots.txt").Select(h => h.At).Order().ToList();
        for (var i = 1; i < pages.Count; i++) Assert.True((pages[i] - pages[i - 1]).TotalMilliseconds >= 280, "Crawl-delay not kept");
    }

    [Fact]
    public async Task Robots_5xx_defers_the_host_and_fetches_nothing()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(503));
            app.MapGet("/", () => Html(Page("Trang chủ")));
        });
        var outcomes = await CrawlAllAsync(new CrawlOptions { StartUrls = [site.BaseUrl], DelayMs = 0, TimeoutMs = 5000, MaxPages = 5, RobotsRetryDelayMs = 60_000 }, seconds: 3)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : []);
        Assert.Empty(outcomes);
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery == "/");
    }

    [Fact]
    public async Task A_429_with_Retry_After_and_a_500_are_retried_until_success()
    {
        var calls = new Dictionary<string, int>();
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/ban", "/loi")));
            app.MapGet("/ban", (HttpContext ctx) =>
            {
                lock (calls) calls["ban"] = calls.GetValueOrDefault("ban") + 1;
                if (calls["ban"] == 1)
                {
                    ctx.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                }
                return Html(Page("Đã mở"));
            });
            app.MapGet("/loi", () =>
            {
                lock (calls) calls["loi"] = calls.GetValueOrDefault("loi") + 1;
                return calls["loi"] == 1 ? Results.StatusCode(500) : Html(Page("Đã sửa"));
            });
        });

        var outcomes = await CrawlAllAsync(new CrawlOptions { StartUrls = [site.BaseUrl], DelayMs = 0, TimeoutMs = 5000, RetryBaseDelayMs = 100, RespectRobots = false });

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.IsType<FetchedPage>(o));
        var banHits = site.Hits.Where(h => h.PathAndQuery == "/ban").Select(h => h.At).ToList();
        Assert.Equal(2, banHits.Count);
        Assert.True((banHits[1] - banHits[0]).TotalMilliseconds >= 900, "Retry-After not honoured");
        Assert.Equal(2, site.Hits.Count(h => h.PathAndQuery == "/loi"));
    }

    [Fact]
    public async Task A_one_shot_crawl_does_not_wait_for_a_retry_due_far_later()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/bao-tri")));
            app.MapGet("/bao-tri", (HttpContext ctx) =>
            {
                ctx.Response.Headers.RetryAfter = "3600";
                return Results.StatusCode(503);
            });
        });
        var started = DateTimeOffset.UtcNow;
        var outcomes = await CrawlAllAsync(new CrawlOptions { StartUrls = [site.BaseUrl], DelayMs = 0, TimeoutMs = 5000, RespectRobots = false, MaxIdleWaitMs = 2000 });
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30), "the crawl waited for the hour-long Retry-After");
        Assert.Single(outcomes, o => o is FetchedPage);
        Assert.Single(site.Hits, h => h.PathAndQuery == "/bao-tri");
    }

    [Fact]
    public async Task A_gzip_bomb_is_too_large_and_non_html_is_refused()
    {
        var bomb = new MemoryStream();
        using (var gz = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++) gz.Write(zeros);
        }
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/bom", "/anh")));
            app.MapGet("/bom", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(bomb.ToArray(), "text/html");
            });
            app.MapGet("/anh", () => Results.Bytes(Encoding.ASCII.GetBytes("GIF89a"), "image/gif"));
        });

        var outcomes = await CrawlAllAsync(new CrawlOptions { StartUrls = [site.BaseUrl], DelayMs = 0, TimeoutMs = 5000, MaxBodyBytes = 1 << 20, RespectRobots = false });

        var failures = outcomes.OfType<FetchFailure>().ToDictionary(f => f.Url.AbsolutePath, f => f.ErrorClass);
        Assert.Equal(FetchErrorClass.TooLarge, failures["/bom"]);
        Assert.Equal(FetchErrorClass.NotHtml, failures["/anh"]);
    }

    [Theory]
    [InlineData("§¶ng bé x· Hßa B×nh tæ chøc §¹i héi ®¶ng viªn, kÕt n¹p ®¶ng viªn míi cho c¸c chi bé th«n.", "tcvn3")]
    [InlineData("Ñaûng boä xaõ toå chöùc Ñaïi hoäi, keát naïp ñaûng vieân môùi cho caùc chi boä thoân xoùm.", "vni")]
    [InlineData("Đảng bộ xã tổ chức Đại hội, kết nạp đảng viên mới cho các chi bộ thôn © 2024.", null)]
    public void Legacy_font_text_is_flagged(string text, string? expected) =>
        Assert.Equal(expected, LegacyFontDetector.Detect("<p>" + text + "</p>"));
}

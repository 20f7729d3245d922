using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Cli;
using NewsMiner.Crawling;
using NewsMiner.Tests.Cli;
using NewsMiner.Tests.Support;
using Xunit;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.Crawling;

/// <summary>Issue #15's rules one at a time: deadlines, parser safety, trap limits, and what a run says is left.</summary>
public sealed class PageFaultTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("crawl.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_deadline_covers_the_whole_fetch_redirects_and_a_dripping_body_included()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            // Each hop answers in 60 % of the deadline: a per-hop timeout would let the chain run on.
            app.MapGet("/cham/{n:int}", async (int n, HttpContext ctx) =>
            {
                await Task.Delay(600, ctx.RequestAborted);
                return n < 3 ? Results.Redirect($"/cham/{n + 1}") : Html(ArticleHtml(1));
            });
            app.MapGet("/giot", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                ctx.Response.ContentLength = 100_000;
                for (var i = 0; i < 100_000; i++)
                {
                    await ctx.Response.Body.WriteAsync("<"u8.ToArray(), ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(50, ctx.RequestAborted);
                }
            });
        });
        var watch = Stopwatch.StartNew();

        await RunAsync(Db, [Source(site, "/cham/0", "/giot")], Options with { TimeoutMs = 1000, MaxAttempts = 1 });

        Assert.Equal(("failed", FetchErrorClass.Timeout), (Frontier(Db, site.Url("/cham/0"))!.State, Frontier(Db, site.Url("/cham/0"))!.ErrorClass));
        Assert.Equal(("failed", FetchErrorClass.Timeout), (Frontier(Db, site.Url("/giot"))!.State, Frontier(Db, site.Url("/giot"))!.ErrorClass));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_hanging_page_holds_its_hosts_connection_no_longer_than_the_deadline_and_is_tried_fewer_times_than_a_503()
    {
        var calls = new Dictionary<string, int>();
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", "/treo", "/tin/1", "/ban")));
            app.MapGet("/treo", async (HttpContext ctx) => await Task.Delay(Timeout.Infinite, ctx.RequestAborted));
            app.MapGet("/tin/{n:int}", (int n) => Html(ArticleHtml(n)));
            app.MapGet("/ban", () => Results.StatusCode(503));
        });

        await RunAsync(Db, [Source(site, "/")], Options with { TimeoutMs = 800, RetryBaseDelayMs = 50 });

        var hang = site.Hits.Where(h => h.PathAndQuery == "/treo").Select(h => h.At).ToList();
        Assert.Equal(CrawlOptions.DefaultMaxPageFaultAttempts, hang.Count);
        Assert.Equal(CrawlOptions.DefaultMaxAttempts, site.Hits.Count(h => h.PathAndQuery == "/ban"));
        // One connection per host: the next request of the host follows the hang once its deadline cut it.
        var after = site.Hits.Where(h => h.At > hang[0]).Min(h => h.At);
        Assert.True(after - hang[0] < TimeSpan.FromMilliseconds(800 + 700), $"the host waited {(after - hang[0]).TotalMilliseconds} ms");
        Assert.Equal(1, Count(Db, "SELECT count(*) FROM articles"));
    }

    [Theory]
    [InlineData("div", 60_000)]
    [InlineData("span", 20_000)]
    [InlineData("b", 20_000)]
    [InlineData("table", 5_000)]
    public async Task Deep_nesting_through_the_whole_pipeline_yields_the_article_and_never_overflows_the_stack(string tag, int depth)
    {
        var page = ArticleHtml(3);
        var at = page.IndexOf("<article>", StringComparison.Ordinal);
        var html = page[..at] + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + page[at..].Replace("</body>", string.Concat(Enumerable.Repeat($"</{tag}>", depth)) + "</body>", StringComparison.Ordinal);
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/sau", () => Html(html)));

        await RunAsync(Db, [Source(site, "/sau")], Options);

        var text = Assert.Single(Strings(Db, "SELECT text FROM articles"));
        Assert.Contains(Paragraphs(3)[4][..40], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_capped_only_past_the_limit_and_the_text_stays()
    {
        var normal = ArticleHtml(5);
        Assert.Same(normal, HtmlNesting.Limit(normal, 256));
        var deep = string.Concat(Enumerable.Repeat("<div class='a>b'>", 300)) + "<script>if (a<b) { '<div>' }</script><p>chữ</p>" + string.Concat(Enumerable.Repeat("</div>", 300));
        var capped = HtmlNesting.Limit(deep, 256);
        Assert.Equal(256 + 1, CountOf(capped, "<div")); // the one in the script is text
        Assert.Equal(256, CountOf(capped, "</div>"));
        Assert.Contains("<script>if (a<b) { '<div>' }</script>chữ", capped, StringComparison.Ordinal); // the <p> was too deep
        static int CountOf(string s, string what) => (s.Length - s.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
    }

    [Fact]
    public void Binary_bodies_are_recognised_and_text_with_a_few_NULs_is_not()
    {
        Assert.Equal("a PNG image", BinarySniff.Describe([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]));
        Assert.Equal("a PDF document", BinarySniff.Describe("%PDF-1.7\n"u8));
        var noise = new byte[2048];
        new Random(1).NextBytes(noise);
        noise[0] = (byte)'<';
        Assert.Equal("binary data", BinarySniff.Describe(noise));
        Assert.Null(BinarySniff.Describe(Encoding.UTF8.GetBytes(ArticleHtml(1).Replace("<p>", "\0<p>", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("/a/b/a/b/a/b/a", TrapLimits.RepeatedSegment)]
    [InlineData("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16", TrapLimits.PathTooLong)]
    [InlineData("/tim?a=1&b=2&c=3&d=4&e=5&f=6&g=7", TrapLimits.TooManyParameters)]
    [InlineData("/tin/1.html", null)]
    [InlineData("/danh-muc?page=2", null)]
    public void Trap_rules_cut_with_a_reason(string path, string? reason)
    {
        var guard = new TrapGuard(TrapLimits.Default, null, TimeProvider.System);
        Assert.Equal(reason, guard.Check(new Uri("http://tinh.gov.vn" + path), 1, null));
    }

    [Fact]
    public void A_pattern_limit_cuts_a_calendar_but_never_the_source_s_declared_articles_and_says_so_once()
    {
        var notices = new NoticeLog();
        var guard = new TrapGuard(TrapLimits.Default with { MaxUrlsPerPattern = 5 }, notices, TimeProvider.System);
        var scope = new CrawlScope("tỉnh") { ArticlePatterns = [new System.Text.RegularExpressions.Regex("/tin\\?id=\\d+$")] };
        var cut = Enumerable.Range(1, 20).Count(d => guard.Check(new Uri($"http://tinh.gov.vn/lich?ngay=2024-01-{d:00}"), 1, scope) is not null);
        Assert.Equal(15, cut);
        Assert.All(Enumerable.Range(1, 20), n => Assert.Null(guard.Check(new Uri($"http://tinh.gov.vn/tin?id={n}"), 1, scope)));
        Assert.Null(guard.Check(new Uri("http://tinh.gov.vn/bai/2"), 40, scope));
        Assert.Equal(TrapLimits.TooDeep, guard.Check(new Uri("http://tinh.gov.vn/bai/2"), 41, scope));
        Assert.Single(notices.Items, n => n.Reason == TrapLimits.PatternLimit);
        Assert.Equal(15, guard.Cut[("tỉnh", TrapLimits.PatternLimit)]);
    }

    [Theory]
    [InlineData("0; url=/trang-moi", "/trang-moi")]
    [InlineData("5;URL='http://x.vn/a'", "http://x.vn/a")]
    [InlineData("0", null)]
    public void A_meta_refresh_names_its_target(string content, string? target) => Assert.Equal(target, LinkExtractor.RefreshTarget(content));

    private static Task<LoopbackSite> SmallSiteAsync() => LoopbackSite.StartAsync(app =>
    {
        app.MapGet("/ds", () => Html(Listing("Danh sách", "/tin/1", "/tin/2")));
        app.MapGet("/tin/{n:int}", (int n) => Html(ArticleHtml(n)));
        app.MapGet("/dong", (HttpContext ctx) => ctx.Abort());
        app.MapGet("/ban", (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = "7200";
            return Results.StatusCode(503);
        });
    });

    [Fact]
    public async Task A_one_shot_run_that_leaves_work_says_what_and_when_per_source_and_exits_3()
    {
        await using var site = await SmallSiteAsync();

        var r = await CliRunner.RunAsync("--db", Db, "crawl", "--start", site.Url("/ban").AbsoluteUri, site.Url("/ds").AbsoluteUri,
            "--delay-ms", "0", "--quiet", "--ignore-robots");

        Assert.True(r.ExitCode == ExitCodes.WorkLeft, r.Out + r.Error);
        Assert.Contains("command line: 3 fetched, 2 stored; failed: none; 1 still queued (1 due ", r.Out, StringComparison.Ordinal);
        Assert.Contains("Work left: 1 URL(s) still queued (exit code 3)", r.Out, StringComparison.Ordinal);
        var status = await CliRunner.RunAsync("--db", Db, "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("1 still queued (1 due ", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_finishes_everything_exits_0_and_says_nothing_is_queued()
    {
        await using var site = await SmallSiteAsync();

        var r = await CliRunner.RunAsync("--db", Db, "crawl", "--start", site.Url("/ds").AbsoluteUri, site.Url("/dong").AbsoluteUri,
            "--delay-ms", "0", "--quiet", "--ignore-robots", "--timeout-ms", "2000");

        Assert.True(r.ExitCode == ExitCodes.Ok, r.Out + r.Error);
        Assert.Contains("command line: 4 fetched, 2 stored; failed: reset 1; nothing queued", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Work left", r.Out, StringComparison.Ordinal);
    }
}

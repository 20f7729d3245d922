using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Crawling;
using Xunit;

namespace NewsMiner.Tests.Crawling;

public class CrawlerTests
{
    private static string Page(string title, params string[] hrefs) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>"
        + string.Concat(hrefs.Select(h => $"<a href=\"{h}\">liên kết</a> "))
        + "</body></html>";

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>Robots.txt and retries have their own tests (PolitenessTests); here every request is a page, tried once.</summary>
    private static CrawlOptions Options(LoopbackSite site, int delayMs = 0) =>
        new() { StartUrls = [site.BaseUrl], DelayMs = delayMs, TimeoutMs = 5000, RespectRobots = false, MaxAttempts = 1 };

    private static async Task<List<CrawlOutcome>> CrawlAllAsync(CrawlOptions options)
    {
        using var crawler = new Crawler(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var outcomes = new List<CrawlOutcome>();
        await foreach (var outcome in crawler.CrawlAsync(cts.Token)) outcomes.Add(outcome);
        return outcomes;
    }

    private static string PathOf(CrawlOutcome outcome) => outcome.Url.PathAndQuery;

    [Fact]
    public async Task Bfs_visits_every_linked_page_once_in_breadth_order()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", (HttpContext ctx) => Html(Page("Trang chủ",
                "/tin/1", "tin/2#phan-hai", "/danh-muc?page=2", "/tin/1#binh-luan", "/tin/1?utm_source=zalo&fbclid=abc",
                $"http://localhost:{ctx.Connection.LocalPort}/tin/ngoai",
                "mailto:toasoan@tinh.vn", "javascript:void(0)", "tel:0912345678", "/anh/logo.png", "/tai-lieu.zip")));
            app.MapGet("/danh-muc", (HttpContext ctx, int page) => page switch
            {
                2 => Html(Page("Trang 2", "/danh-muc?page=3", "/tin/3", "/", "./danh-muc?page=2")),
                3 => Html(Page("Trang 3", "/tin/4", "/danh-muc?page=2", $"HTTP://127.0.0.1:{ctx.Connection.LocalPort}/tin/3#dau")),
                _ => Results.NotFound(),
            });
            app.MapGet("/tin/{id}", (string id) => Html(id == "4"
                ? "<html><head><base href=\"/chuyen-muc/\"></head><body><a href=\"bai-cuoi\">cuối</a></body></html>"
                : Page($"Tin {id}", "/", "../tin/1")));
            app.MapGet("/chuyen-muc/bai-cuoi", () => Html(Page("Bài cuối", "/tin/4")));
        });

        var outcomes = await CrawlAllAsync(Options(site));

        Assert.All(outcomes, o => Assert.IsType<FetchedPage>(o));
        var paths = outcomes.Select(PathOf).ToList();
        Assert.Equal(
            ["/", "/chuyen-muc/bai-cuoi", "/danh-muc?page=2", "/danh-muc?page=3", "/tin/1", "/tin/2", "/tin/3", "/tin/4"],
            paths.Order(StringComparer.Ordinal));
        // Breadth first: depth 0, then the three pages linked from the home page, then deeper ones.
        Assert.Equal("/", paths[0]);
        Assert.Equal(["/danh-muc?page=2", "/tin/1", "/tin/2"], paths[1..4].Order(StringComparer.Ordinal));
        Assert.Equal("/chuyen-muc/bai-cuoi", paths[^1]);

        var hits = site.Hits;
        Assert.Equal(paths.Count, hits.Count);
        Assert.All(hits, h => Assert.Equal("127.0.0.1", h.Host));
        Assert.Equal(hits.Count, hits.Select(h => h.PathAndQuery).Distinct().Count());
    }

    [Fact]
    public async Task Failures_are_recorded_and_the_crawl_continues()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/khong-co", "/loi", "/bao-cao", "/vong/a", "/tin/1")));
            app.MapGet("/khong-co", () => Results.NotFound());
            app.MapGet("/loi", () => Results.StatusCode(500));
            app.MapGet("/bao-cao", () => Results.Bytes("%PDF-1.4 giả"u8.ToArray(), "application/pdf"));
            app.MapGet("/vong/a", () => Results.Redirect("/vong/b"));
            app.MapGet("/vong/b", () => Results.Redirect("/vong/a"));
            app.MapGet("/tin/1", () => Html(Page("Tin một", "/tin/2")));
            app.MapGet("/tin/2", () => Html(Page("Tin hai")));
        });

        var outcomes = await CrawlAllAsync(Options(site));
        var byPath = outcomes.ToDictionary(PathOf);

        Assert.Equal(7, outcomes.Count);
        Assert.Equal((FetchErrorClass.Http4xx, 404), Failure(byPath["/khong-co"]));
        Assert.Equal((FetchErrorClass.Http5xx, 500), Failure(byPath["/loi"]));
        Assert.Equal((FetchErrorClass.NotHtml, 200), Failure(byPath["/bao-cao"]));
        Assert.Equal((FetchErrorClass.RedirectLoop, 302), Failure(byPath["/vong/a"]));
        Assert.IsType<FetchedPage>(byPath["/tin/1"]);
        Assert.IsType<FetchedPage>(byPath["/tin/2"]); // found only after the failures, so the crawl went on past them
    }

    private static (string, int?) Failure(CrawlOutcome outcome)
    {
        var failure = Assert.IsType<FetchFailure>(outcome);
        return (failure.ErrorClass, failure.Status);
    }

    /// <summary>One server with every kind of misbehaviour, fetched one URL at a time.</summary>
    [Fact]
    public async Task FetchOne_classifies_each_misbehaviour()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/khong-co", () => Results.NotFound());
            app.MapGet("/cam", () => Results.StatusCode(403));
            app.MapGet("/loi", () => Results.StatusCode(503));
            app.MapGet("/bao-cao", () => Results.Bytes("%PDF-1.4"u8.ToArray(), "application/pdf"));
            app.MapGet("/khong-kieu", async (HttpContext ctx) => await ctx.Response.Body.WriteAsync("<p>x</p>"u8.ToArray()));
            app.MapGet("/vong/a", () => Results.Redirect("/vong/b"));
            app.MapGet("/vong/b", () => Results.Redirect("/vong/a"));
            app.MapGet("/chuyen/{n:int}", (int n) => Results.Redirect($"/chuyen/{n + 1}"));
            app.MapGet("/chuyen-hong", (HttpContext ctx) => { ctx.Response.StatusCode = 302; });
            app.MapGet("/rong", () => Results.Content("", "text/html"));
            app.MapGet("/trang", () => Results.Content("  \n ", "text/html"));
            app.MapGet("/lon", async (HttpContext ctx) =>
            {
                // Chunked, no Content-Length: the cap has to be enforced while streaming.
                ctx.Response.ContentType = "text/html";
                var chunk = Encoding.ASCII.GetBytes(new string('a', 16 * 1024));
                for (var i = 0; i < 64 && !ctx.RequestAborted.IsCancellationRequested; i++)
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            });
            app.MapGet("/lon-khai-bao", () => Results.Bytes(new byte[200 * 1024], "text/html"));
            app.MapGet("/cham", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                return Html(Page("muộn"));
            });
            app.MapGet("/cat-ngang", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "text/html";
                ctx.Response.ContentLength = 10_000;
                await ctx.Response.Body.WriteAsync("<html><body>"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                // Let the client read the headers first: a reset discards data the client has not read yet.
                await Task.Delay(100, ctx.RequestAborted);
                ctx.Abort();
            });
            app.MapGet("/cham-giua-chung", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.Body.WriteAsync("<html><body>"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            });
        });

        var options = Options(site) with { MaxBodyBytes = 64 * 1024, TimeoutMs = 1500, MaxRedirects = 5 };
        using var crawler = new Crawler(options);
        // A first request pays for JIT and connection setup, which a loaded machine can stretch past a short deadline; 1.5 s
        // keeps the slow pages well under the 3 s each case may take and leaves room for a busy machine.
        using (var warm = new HttpClient()) (await warm.GetAsync(site.Url("/khong-co"))).Dispose();
        var cases = new (string Path, string ErrorClass, int? Status)[]
        {
            ("/khong-co", FetchErrorClass.Http4xx, 404),
            ("/cam", FetchErrorClass.Http4xx, 403),
            ("/loi", FetchErrorClass.Http5xx, 503),
            ("/bao-cao", FetchErrorClass.NotHtml, 200),
            ("/khong-kieu", FetchErrorClass.NotHtml, 200),
            ("/vong/a", FetchErrorClass.RedirectLoop, 302),
            ("/chuyen/0", FetchErrorClass.TooManyRedirects, 302),
            ("/chuyen-hong", FetchErrorClass.BadUrl, 302),
            ("/rong", FetchErrorClass.Empty, 200),
            ("/trang", FetchErrorClass.Empty, 200),
            ("/lon", FetchErrorClass.TooLarge, 200),
            ("/lon-khai-bao", FetchErrorClass.TooLarge, 200),
            ("/cham", FetchErrorClass.Timeout, null),
            ("/cham-giua-chung", FetchErrorClass.Timeout, 200),
            ("/cat-ngang", FetchErrorClass.Reset, 200),
        };
        foreach (var (path, errorClass, status) in cases)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await crawler.FetchOneAsync(site.Url(path), CancellationToken.None);
            var failure = Assert.IsType<FetchFailure>(outcome);
            Assert.True(errorClass == failure.ErrorClass, $"{path}: expected {errorClass}, got {failure.ErrorClass} ({failure.Message})");
            Assert.Equal(status, failure.Status);
            Assert.False(string.IsNullOrWhiteSpace(failure.Message));
            Assert.True(watch.ElapsedMilliseconds < 3000, $"{path} took {watch.ElapsedMilliseconds} ms");
        }
        // The redirect chain stops at MaxRedirects: the first URL plus five hops.
        // Distinct URLs: the HTTP stack may resend a request once when a pooled connection turns out to be closed.
        Assert.Equal(6, site.Hits.Where(h => h.PathAndQuery.StartsWith("/chuyen/", StringComparison.Ordinal)).Select(h => h.PathAndQuery).Distinct().Count());
    }

    [Fact]
    public async Task FetchOne_follows_redirects_and_reports_the_final_url_and_hash()
    {
        var body = Encoding.UTF8.GetBytes(Page("Đích đến"));
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/cu", () => Results.Redirect("/moi?utm_source=x", permanent: true));
            app.MapGet("/moi", () => Results.Bytes(body, "text/html; charset=utf-8"));
        });
        using var crawler = new Crawler(Options(site));

        var page = Assert.IsType<FetchedPage>(await crawler.FetchOneAsync(site.Url("/cu"), CancellationToken.None));

        Assert.Equal(site.Url("/cu"), page.Url);
        Assert.Equal("/moi?utm_source=x", page.FinalUrl.PathAndQuery);
        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains("Đích đến", page.Html, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), page.ContentHash);
        Assert.True(page.DurationMs >= 0);
    }

    [Fact]
    public async Task A_redirect_to_a_page_already_known_does_not_fetch_it_twice()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/cu", "/moi", "/khac")));
            app.MapGet("/cu", () => Results.Redirect("/moi"));
            app.MapGet("/khac", () => Results.Redirect("/dich"));
            app.MapGet("/{x}", (string x) => Html(Page(x)));
        });

        var outcomes = await CrawlAllAsync(Options(site));

        Assert.Equal(1, site.Hits.Count(h => h.PathAndQuery == "/moi"));
        Assert.Equal(1, site.Hits.Count(h => h.PathAndQuery == "/dich"));
        var viaRedirect = Assert.IsType<FetchedPage>(Assert.Single(outcomes, o => PathOf(o) == "/khac"));
        Assert.Equal("/dich", viaRedirect.FinalUrl.AbsolutePath);
        Assert.Equal(3, outcomes.Count); // "/", "/moi" and "/khac"; "/cu" is the page "/moi" already fetched
    }

    [Fact]
    public async Task Connection_refused_is_a_connect_failure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var crawler = new Crawler(new CrawlOptions { TimeoutMs = 2000 });

        var outcome = await crawler.FetchOneAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);

        Assert.Equal(FetchErrorClass.Connect, Assert.IsType<FetchFailure>(outcome).ErrorClass);
    }

    [Fact]
    public async Task Bad_start_url_is_reported_without_stopping_the_crawl()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/", () => Html(Page("Trang chủ"))));
        var options = Options(site) with { StartUrls = [new Uri("mailto:toasoan@tinh.vn"), site.BaseUrl] };

        var outcomes = await CrawlAllAsync(options);

        Assert.Equal(FetchErrorClass.BadUrl, Assert.IsType<FetchFailure>(outcomes[0]).ErrorClass);
        Assert.IsType<FetchedPage>(Assert.Single(outcomes.Skip(1)));
    }

    [Theory]
    [InlineData("/header", "Đảng viên mới")]
    [InlineData("/header-sloppy", "Đảng viên mới")]
    [InlineData("/meta", "Đảng viên mới")]
    [InlineData("/utf8", "Đảng viên mới")]
    public async Task Charset_from_the_header_or_meta_is_honoured(string path, string expected)
    {
        var cp1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        // Windows-1258 stores tones as combining marks, so the text is spelled that way to be encodable.
        const string legacy = "\u0110a\u0309ng vi\u00EAn m\u01A1\u0301i";
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/header", () => Results.Bytes(cp1258.GetBytes($"<html><body><p>{legacy}</p></body></html>"), "text/html; charset=windows-1258"));
            app.MapGet("/header-sloppy", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ContentType = "text/html;charset=windows-1258;";
                return ctx.Response.Body.WriteAsync(cp1258.GetBytes($"<p>{legacy}</p>")).AsTask();
            });
            app.MapGet("/meta", () => Results.Bytes(cp1258.GetBytes($"<html><head><meta charset=windows-1258></head><body><p>{legacy}</p></body></html>"), "text/html"));
            app.MapGet("/utf8", () => Results.Bytes(Encoding.UTF8.GetBytes($"<html><body><p>{expected}</p></body></html>"), "text/html"));
        });
        using var crawler = new Crawler(Options(site));

        var page = Assert.IsType<FetchedPage>(await crawler.FetchOneAsync(site.Url(path), CancellationToken.None));

        Assert.Contains(expected, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compressed_responses_are_decoded()
    {
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new System.IO.Compression.GZipStream(ctx.Response.Body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Page("Nén gzip")));
        }));
        using var crawler = new Crawler(Options(site));

        var page = Assert.IsType<FetchedPage>(await crawler.FetchOneAsync(site.BaseUrl, CancellationToken.None));

        Assert.Contains("Nén gzip", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxPages_bounds_the_fetches()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/trang/{n:int}", (int n) => Html(Page($"Trang {n}", $"/trang/{n + 1}", $"/trang/{n + 2}"))));
        var options = Options(site) with { StartUrls = [site.Url("/trang/0")], MaxPages = 3 };

        var outcomes = await CrawlAllAsync(options);

        Assert.Equal(3, outcomes.Count);
        Assert.Equal(3, site.Hits.Count);
    }

    [Fact]
    public async Task Per_host_delay_separates_consecutive_requests()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/a", "/b", "/c")));
            app.MapGet("/{x}", (string x) => Html(Page(x)));
        });

        var outcomes = await CrawlAllAsync(Options(site, delayMs: 200) with { MaxConcurrency = 4 });

        Assert.Equal(4, outcomes.Count);
        foreach (var times in new[] { outcomes.Select(o => o.FetchedAt), site.Hits.Select(h => h.At) })
        {
            var ordered = times.Order().ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True((ordered[i] - ordered[i - 1]).TotalMilliseconds >= 180, $"requests {i - 1} and {i} were {(ordered[i] - ordered[i - 1]).TotalMilliseconds} ms apart");
        }
    }

    [Fact]
    public async Task One_request_at_a_time_per_host_but_hosts_run_in_parallel()
    {
        var inFlight = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxPerHost = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var maxTotal = 0;
        var gate = new object();
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.Use(async (HttpContext ctx, RequestDelegate next) =>
            {
                var host = ctx.Request.Host.Host;
                lock (gate)
                {
                    inFlight[host] = inFlight.GetValueOrDefault(host) + 1;
                    maxPerHost[host] = Math.Max(maxPerHost.GetValueOrDefault(host), inFlight[host]);
                    maxTotal = Math.Max(maxTotal, ++total);
                }
                await Task.Delay(60);
                await next(ctx);
                lock (gate)
                {
                    inFlight[host]--;
                    total--;
                }
            });
            app.MapGet("/", (HttpContext ctx) => Html(Page("Trang chủ", "/1", "/2", "/3", $"http://localhost:{ctx.Connection.LocalPort}/4")));
            app.MapGet("/{n:int}", (HttpContext ctx, int n) => Html(Page($"Tin {n}", $"http://localhost:{ctx.Connection.LocalPort}/{n + 10}")));
        });
        var options = Options(site) with { AllowedHosts = ["127.0.0.1", "localhost"], MaxConcurrency = 4, MaxPages = 12 };

        var outcomes = await CrawlAllAsync(options);

        Assert.All(outcomes, o => Assert.IsType<FetchedPage>(o));
        Assert.Contains(outcomes, o => o.Url.Host == "localhost");
        Assert.Equal(1, maxPerHost["127.0.0.1"]);
        Assert.Equal(1, maxPerHost["localhost"]);
        Assert.Equal(2, maxTotal);
    }

    [Fact]
    public async Task Cancellation_stops_the_crawl_promptly()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Page("Trang chủ", "/cham")));
            app.MapGet("/cham", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                return Html(Page("muộn"));
            });
        });
        using var crawler = new Crawler(Options(site) with { TimeoutMs = 20_000 });
        using var cts = new CancellationTokenSource();
        var seen = new List<CrawlOutcome>();
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var outcome in crawler.CrawlAsync(cts.Token))
            {
                seen.Add(outcome);
                cts.CancelAfter(100); // the slow page is in flight by now
            }
        });

        Assert.Single(seen);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Breaking_out_early_ends_cleanly()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/trang/{n:int}", (int n) => Html(Page($"Trang {n}", $"/trang/{n + 1}"))));
        using var crawler = new Crawler(Options(site) with { StartUrls = [site.Url("/trang/0")] });

        var count = 0;
        await foreach (var _ in crawler.CrawlAsync(CancellationToken.None))
            if (++count == 2) break;

        await Task.Delay(100);
        Assert.Equal(2, count);
        Assert.InRange(site.Hits.Count, 2, 3); // at most the one request already under way when we stopped
    }
}

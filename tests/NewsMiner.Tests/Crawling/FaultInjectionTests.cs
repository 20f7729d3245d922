using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Crawling;
using NewsMiner.Tests.Support;
using Xunit;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.Crawling;

/// <summary>
/// Issue #3's acceptance list against a fault-injecting loopback server, each case through the whole crawl path into a
/// temporary database: the failure class is on record in the frontier and the fetch log, and nothing became an article.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("crawl.db");

    public void Dispose() => _dir.Dispose();

    private void AssertFailedWithoutArticle(Uri url, string errorClass)
    {
        var row = Frontier(Db, url);
        Assert.NotNull(row);
        Assert.Equal(("failed", errorClass), (row.State, row.ErrorClass));
        Assert.False(string.IsNullOrWhiteSpace(row.Message), "a failure keeps its message");
        Assert.Equal(0, Count(Db, $"SELECT count(*) FROM article_urls WHERE url = '{Crawler.Canonicalize(url).AbsoluteUri}'"));
        Assert.True(Count(Db, $"SELECT count(*) FROM fetches WHERE error_class = '{errorClass}'") >= 1, $"{errorClass} is in the fetch log");
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM frontier WHERE state = 'in_flight'"));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/cham", async (HttpContext ctx) => await Task.Delay(Timeout.Infinite, ctx.RequestAborted)));

        var report = await RunAsync(Db, [Source(site, "/cham")], Options with { TimeoutMs = 800, MaxAttempts = 1 });

        AssertFailedWithoutArticle(site.Url("/cham"), FetchErrorClass.Timeout);
        Assert.Equal(0, report.ArticlesStored);
    }

    [Fact]
    public async Task A_certificate_the_client_rejects_is_a_tls_failure_and_nothing_is_stored()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/bai", () => Html(ArticleHtml(1))), cert);
        Assert.Equal("https", site.BaseUrl.Scheme);

        var report = await RunAsync(Db, [Source(site, "/bai")], Options with { MaxAttempts = 1 });

        AssertFailedWithoutArticle(site.Url("/bai"), FetchErrorClass.Tls);
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(1, report.FailuresByClass.GetValueOrDefault(FetchErrorClass.Tls));
    }

    [Fact]
    public async Task A_redirect_loop_is_detected_and_leaves_the_frontier_consistent()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/vong/a", () => Results.Redirect("/vong/b"));
            app.MapGet("/vong/b", () => Results.Redirect("/vong/a"));
        });

        await RunAsync(Db, [Source(site, "/vong/a")], Options);

        AssertFailedWithoutArticle(site.Url("/vong/a"), FetchErrorClass.RedirectLoop);
        Assert.True(site.Hits.Count(h => h.PathAndQuery == "/vong/a") <= 2, "the loop is not followed round and round");
    }

    [Fact]
    public async Task A_50_MB_body_is_too_large_and_the_client_stops_reading_early()
    {
        const long fifty = 50L * 1024 * 1024;
        long streamed = 0;
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            // No Content-Length: the cap must act while reading, not from the header.
            app.MapGet("/lon", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 64 * 1024 - 7) + "</p>");
                try
                {
                    // Kestrel drops writes to a closed connection silently and signals the abort a moment later on
                    // another thread, so the loop pauses between chunks to give that signal a chance to arrive.
                    while (Interlocked.Read(ref streamed) < fifty)
                    {
                        await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                        Interlocked.Add(ref streamed, chunk.Length);
                        await Task.Delay(1, ctx.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // The client hung up, which is the point.
                }
            });
            app.MapGet("/lon-khai-bao", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "text/html";
                ctx.Response.ContentLength = fifty;
                await ctx.Response.Body.WriteAsync("<p>"u8.ToArray());
                await ctx.Response.Body.FlushAsync();
                // The header alone must be enough to refuse it: the rest never comes.
                try { await Task.Delay(Timeout.Infinite, ctx.RequestAborted); } catch (OperationCanceledException) { }
            });
        });

        await RunAsync(Db, [Source(site, "/lon", "/lon-khai-bao")], Options with { MaxBodyBytes = 1024 * 1024 });

        AssertFailedWithoutArticle(site.Url("/lon"), FetchErrorClass.TooLarge);
        AssertFailedWithoutArticle(site.Url("/lon-khai-bao"), FetchErrorClass.TooLarge);
        // Socket buffers on loopback hold a few MB; half of the body or more would mean the client kept reading.
        Assert.True(Interlocked.Read(ref streamed) < 25L * 1024 * 1024, $"{Interlocked.Read(ref streamed)} bytes were streamed before the client stopped");
    }

    [Fact]
    public async Task A_gzip_bomb_and_a_non_html_response_are_refused()
    {
        byte[] bomb;
        using (var packed = new MemoryStream())
        {
            using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 50; i++) gzip.Write(zeros);
            }
            bomb = packed.ToArray();
        }
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/bom", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ContentEncoding = "gzip";
                ctx.Response.ContentType = "text/html; charset=utf-8";
                return ctx.Response.Body.WriteAsync(bomb).AsTask();
            });
            app.MapGet("/anh", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"));
        });

        await RunAsync(Db, [Source(site, "/bom", "/anh")], Options with { MaxBodyBytes = 1024 * 1024 });

        Assert.True(bomb.Length < 1024 * 1024, "the bomb itself is small");
        AssertFailedWithoutArticle(site.Url("/bom"), FetchErrorClass.TooLarge);
        AssertFailedWithoutArticle(site.Url("/anh"), FetchErrorClass.NotHtml);
    }

    public static TheoryData<string, string?, string> Charsets => new()
    {
        // declared charset, charset in the header (null: only the meta tag), how the body is really encoded
        { "iso-8859-1", "iso-8859-1", "utf-8" },
        { "windows-1252", "windows-1252", "utf-8" },
        { "windows-1258", "windows-1258", "windows-1258" },
        { "windows-1258", null, "windows-1258" },
        { "iso-8859-1", null, "utf-8" },
    };

    [Theory]
    [MemberData(nameof(Charsets))]
    public async Task Wrong_or_legacy_charsets_still_store_correct_Vietnamese(string declared, string? header, string real)
    {
        const string phrase = "Đảng bộ xã kết nạp đảng viên mới ở thôn Đồng Mỹ";
        var html = ArticleHtml(7, extraBody: $"<p>{phrase}.</p>", charsetMeta: header is null ? declared : null);
        var bytes = real == "utf-8"
            ? Encoding.UTF8.GetBytes(html)
            : CodePagesEncodingProvider.Instance.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!
                .GetBytes(Cp1258Spelling(html));
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/bai", () => Results.Bytes(bytes, header is null ? "text/html" : $"text/html; charset={header}")));

        await RunAsync(Db, [Source(site, "/bai")], Options);

        var text = Assert.Single(Strings(Db, "SELECT text FROM articles"));
        Assert.Contains(phrase, text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain("Ä", text, StringComparison.Ordinal); // the mark of UTF-8 read as windows-1252
    }

    [Fact]
    public async Task A_print_view_a_tracking_url_a_canonical_duplicate_and_a_syndicated_copy_are_stored_once_with_every_url()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Xây dựng Đảng", "/bai/7", "/bai/7/in", "/bai/7?utm_source=zalo&fbclid=1", "/ban-sao/7", "/dang-lai/7", "/bai/8")));
            app.MapGet("/bai/{n:int}", (int n) => Html(ArticleHtml(n, canonical: $"/bai/{n}", chrome: "<nav><a href=\"/\">Trang chủ</a></nav>")));
            // The print view names the article as canonical; its chrome is different.
            app.MapGet("/bai/{n:int}/in", (int n) => Html(ArticleHtml(n, canonical: $"/bai/{n}", chrome: "<div>In bài</div>")));
            // A copy that names the original as canonical, under a URL of its own.
            app.MapGet("/ban-sao/{n:int}", (int n) => Html(ArticleHtml(n, canonical: Original(n))));
            // A syndicated copy with no canonical link, a credit line added and other chrome: near-identical text.
            app.MapGet("/dang-lai/{n:int}", (int n) => Html(ArticleHtml(n, extraBody: "<p>Theo Báo Hà Nam điện tử.</p>", chrome: "<header>Cổng thông tin huyện</header>")));
            static string Original(int n) => $"/bai/{n}";
        });

        var report = await RunAsync(Db, [Source(site, "/")], Options);

        Assert.Equal(2, Count(Db, "SELECT count(*) FROM articles"));
        var seven = Crawler.Canonicalize(site.Url("/bai/7")).AbsoluteUri;
        var urls = Strings(Db, $"SELECT url FROM article_urls WHERE article_id = (SELECT article_id FROM article_urls WHERE url = '{seven}')");
        foreach (var path in new[] { "/bai/7", "/bai/7/in", "/ban-sao/7", "/dang-lai/7" })
            Assert.Contains(Crawler.Canonicalize(site.Url(path)).AbsoluteUri, urls);
        Assert.DoesNotContain(Crawler.Canonicalize(site.Url("/bai/8")).AbsoluteUri, urls);
        // The tracking URL is the article's own URL once canonicalised: never fetched on its own.
        Assert.Equal(1, site.Hits.Count(h => h.PathAndQuery.StartsWith("/bai/7?", StringComparison.Ordinal) || h.PathAndQuery == "/bai/7"));
        Assert.True(report.Duplicates >= 2, $"duplicates {report.Duplicates}");
    }

    [Fact]
    public async Task A_listing_with_five_pages_of_pagination_reaches_every_article()
    {
        const int pages = 5, perPage = 3;
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/chuyen-muc", (int? trang) =>
            {
                var page = trang ?? 1;
                var links = Enumerable.Range((page - 1) * perPage, perPage).Select(n => $"/tin/{n}.html").ToList();
                if (page < pages) links.Add($"/chuyen-muc?trang={page + 1}");
                return Html(Listing($"Chuyên mục trang {page}", [.. links]));
            });
            app.MapGet("/tin/{n:int}.html", (int n) => Html(ArticleHtml(100 + n)));
        });
        var source = Source(site, "/chuyen-muc") with
        {
            ArticlePatterns = [new("/tin/\\d+\\.html$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))],
            ListingPatterns = [new("/chuyen-muc$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))],
            PaginationPattern = new("/chuyen-muc\\?trang=\\d+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)),
        };

        var report = await RunAsync(Db, [source], Options);

        Assert.Equal(pages * perPage, Count(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(pages * perPage, report.ArticlesStored);
        for (var p = 2; p <= pages; p++) Assert.Contains(site.Hits, h => h.PathAndQuery == $"/chuyen-muc?trang={p}");
    }

    [Fact]
    public async Task Robots_disallow_and_crawl_delay_hold_on_the_full_path()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /rieng/\nCrawl-delay: 0.3\n"));
            app.MapGet("/", () => Html(Listing("Trang chủ", "/rieng/1", "/tin/1", "/tin/2")));
            app.MapGet("/tin/{n:int}", (int n) => Html(ArticleHtml(200 + n)));
            app.MapGet("/rieng/{n:int}", (int n) => Html(ArticleHtml(300 + n)));
        });

        await RunAsync(Db, [Source(site, "/")], Options with { RespectRobots = true });

        AssertFailedWithoutArticle(site.Url("/rieng/1"), FetchErrorClass.RobotsDenied);
        Assert.DoesNotContain(site.Hits, h => h.PathAndQuery.StartsWith("/rieng/", StringComparison.Ordinal));
        Assert.Equal(2, Count(Db, "SELECT count(*) FROM articles"));
        var pageHits = site.Hits.Where(h => h.PathAndQuery != "/robots.txt").Select(h => h.At).Order().ToList();
        for (var i = 1; i < pageHits.Count; i++) Assert.True((pageHits[i] - pageHits[i - 1]).TotalMilliseconds >= 280, "Crawl-delay not kept");
    }

    [Fact]
    public async Task Retry_After_in_seconds_or_as_an_HTTP_date_and_a_500_are_retried_until_stored()
    {
        var calls = new Dictionary<string, int>();
        int Call(string name)
        {
            lock (calls) return calls[name] = calls.GetValueOrDefault(name) + 1;
        }
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", "/giay", "/ngay", "/loi")));
            app.MapGet("/giay", (HttpContext ctx) =>
            {
                if (Call("giay") > 1) return Html(ArticleHtml(401));
                ctx.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            });
            app.MapGet("/ngay", (HttpContext ctx) =>
            {
                if (Call("ngay") > 1) return Html(ArticleHtml(402));
                ctx.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Results.StatusCode(503);
            });
            app.MapGet("/loi", () => Call("loi") == 1 ? Results.StatusCode(500) : Html(ArticleHtml(403)));
        });

        var report = await RunAsync(Db, [Source(site, "/")], Options);

        Assert.Equal(3, Count(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(0, report.Failures);
        foreach (var path in new[] { "/giay", "/ngay", "/loi" })
        {
            var row = Frontier(Db, site.Url(path))!;
            Assert.Equal(("done", 2L), (row.State, row.Attempts));
        }
        TimeSpan Gap(string path)
        {
            var at = site.Hits.Where(h => h.PathAndQuery == path).Select(h => h.At).Order().ToList();
            Assert.Equal(2, at.Count);
            return at[1] - at[0];
        }
        Assert.True(Gap("/giay") >= TimeSpan.FromMilliseconds(900), "Retry-After in seconds not honoured");
        // An HTTP-date has whole seconds: "now + 2 s" is at least one second away when it is read.
        Assert.True(Gap("/ngay") >= TimeSpan.FromMilliseconds(900), "Retry-After as an HTTP-date not honoured");
    }

    [Fact]
    public async Task The_circuit_breaker_opens_on_different_urls_refused_says_so_and_no_request_hits_the_host_meanwhile()
    {
        const int threshold = 3, cooldownMs = 1500;
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/", () => Html(Listing("Trang chủ", "/hong/1", "/hong/2", "/hong/3", "/hong/4", "/hong/5"))));
        using var refusing = new RefusingHandler(u => u.AbsolutePath.StartsWith("/hong/", StringComparison.Ordinal));
        var notices = new NoticeLog();

        await RunAsync(Db, [Source(site, "/")], Options with
        {
            MaxAttempts = 1, BreakerThreshold = threshold, BreakerCooldownMs = cooldownMs, Notices = notices,
        }, handler: refusing);

        var hits = refusing.Refused.GroupBy(h => h.Path).Select(g => g.Min(h => h.At)).Order().ToList();
        Assert.Equal(5, hits.Count);
        // The third different URL refused opens the breaker: the fourth request waits out the pause.
        Assert.True(hits[threshold] - hits[threshold - 1] >= TimeSpan.FromMilliseconds(cooldownMs - 100),
            $"request {threshold + 1} came {(hits[threshold] - hits[threshold - 1]).TotalMilliseconds} ms after the breaker opened");
        for (var i = 1; i < threshold; i++) Assert.True(hits[i] - hits[i - 1] < TimeSpan.FromMilliseconds(cooldownMs - 100), "paused before the threshold");
        for (var n = 1; n <= 5; n++) AssertFailedWithoutArticle(site.Url($"/hong/{n}"), FetchErrorClass.Connect);
        // After the pause one request tries the host; refused again, the breaker reopens at once.
        Assert.True(hits[threshold + 1] - hits[threshold] >= TimeSpan.FromMilliseconds(cooldownMs - 100), "the probe after the pause reopened the breaker");
        var opened = notices.Items.Where(n => n.Kind == CrawlNoticeKind.HostPaused).ToList();
        Assert.Equal(3, opened.Count);
        Assert.Contains("3 different URL(s) failed to connect", opened[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeouts_and_resets_of_many_pages_never_open_the_breaker()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", [.. Enumerable.Range(1, 6).Select(n => $"/hong/{n}"), "/cham/1", "/cham/2", "/bai/1"])));
            app.MapGet("/hong/{n:int}", (HttpContext ctx) => ctx.Abort());
            app.MapGet("/cham/{n:int}", async (HttpContext ctx) => await Task.Delay(Timeout.Infinite, ctx.RequestAborted));
            app.MapGet("/bai/{n:int}", (int n) => Html(ArticleHtml(n)));
        });
        var notices = new NoticeLog();

        await RunAsync(Db, [Source(site, "/")], Options with { TimeoutMs = 500, MaxAttempts = 1, BreakerThreshold = 2, BreakerCooldownMs = 600_000, Notices = notices });

        Assert.DoesNotContain(notices.Items, n => n.Kind == CrawlNoticeKind.HostPaused);
        Assert.Equal(1, Count(Db, "SELECT count(*) FROM articles"));
        for (var n = 1; n <= 6; n++) AssertFailedWithoutArticle(site.Url($"/hong/{n}"), FetchErrorClass.Reset);
        AssertFailedWithoutArticle(site.Url("/cham/1"), FetchErrorClass.Timeout);
    }

    [Fact]
    public async Task A_one_shot_crawl_leaves_a_host_with_an_open_breaker_queued_for_the_next_run()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
            app.MapGet("/", () => Html(Listing("Trang chủ", "/hong/1", "/hong/2", "/hong/3"))));
        using var refusing = new RefusingHandler(u => u.AbsolutePath.StartsWith("/hong/", StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();

        await RunAsync(Db, [Source(site, "/")], Options with { MaxAttempts = 1, BreakerThreshold = 2, BreakerCooldownMs = 600_000, MaxIdleWaitMs = 1000 },
            handler: refusing);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the run waited for the breaker");
        Assert.Equal(2, refusing.Refused.Select(h => h.Path).Distinct().Count());
        Assert.Equal("queued", Frontier(Db, site.Url("/hong/3"))!.State);
    }

    [Fact]
    public async Task Per_source_max_pages_and_max_depth_bound_the_crawl()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/rong", () => Html(Listing("Rộng", [.. Enumerable.Range(0, 10).Select(n => $"/rong/{n}")])));
            app.MapGet("/rong/{n:int}", (int n) => Html(ArticleHtml(500 + n)));
            // A chain: each page links one level deeper.
            app.MapGet("/sau/{n:int}", (int n) => Html(Listing($"Sâu {n}", $"/sau/{n + 1}")));
        });
        var wide = new CrawlSource("rộng", "Hà Nam", [site.Url("/rong")]) { MaxPages = 4 };
        var deep = new CrawlSource("sâu", "Hà Nam", [new Uri($"http://localhost:{site.BaseUrl.Port}/sau/0")]) { MaxDepth = 3 };

        await RunAsync(Db, [wide, deep], Options);

        Assert.Equal(4, Count(Db, "SELECT count(*) FROM frontier WHERE source = 'rộng' AND state IN ('done', 'failed')"));
        Assert.Equal(7, Count(Db, "SELECT count(*) FROM frontier WHERE source = 'rộng' AND state = 'queued'"));
        Assert.Equal(4, site.Hits.Count(h => h.PathAndQuery.StartsWith("/rong", StringComparison.Ordinal)));
        Assert.Equal(["/sau/0", "/sau/1", "/sau/2", "/sau/3"], site.Hits.Where(h => h.PathAndQuery.StartsWith("/sau/", StringComparison.Ordinal))
            .Select(h => h.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.Equal(0, Count(Db, "SELECT count(*) FROM frontier WHERE url LIKE '%/sau/4'"));
    }
}

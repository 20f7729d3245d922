using System.Globalization;
using System.Text;
using static NewsMiner.SampleSite.Faults.FaultExpectation;

namespace NewsMiner.SampleSite.Faults;

/// <summary>The fault site's pages: the good articles, the listings, and one route per fault kind.</summary>
public sealed partial class FaultSite
{
    private const int ArticlesPerListing = 10;
    private const string OffScopeLink = "http://example.invalid/tin/1.html";
    private const string TrackingQuery = "?utm_source=facebook&utm_medium=social&fbclid=IwAR0x";
    private Dictionary<string, (FaultCase Case, Func<Answer, Task> Serve)>? _faults;

    /// <summary>Every fault kind the site shows, with the outcome a crawler that copes reaches.</summary>
    public IReadOnlyList<FaultCase> Cases => [.. Faults.Values.Select(f => f.Case), .. LinkCases, .. TrapCases, .. RobotsCases];

    private Dictionary<string, (FaultCase Case, Func<Answer, Task> Serve)> Faults => _faults ??= BuildFaults().ToDictionary(f => f.Case.Path, StringComparer.Ordinal);

    private IEnumerable<(FaultCase Case, Func<Answer, Task> Serve)> BuildFaults()
    {
        // Passing faults: the page is there once the fault passes, within the run.
        yield return (new("503_once", "/loi/503-mot-lan", Article, null, "503 with Retry-After in seconds once, then the article"),
            a => OnceAsync(a, 1001, () => a.StatusAsync(503, "Service Unavailable", $"Retry-After: {_options.RetryAfterSeconds}")));
        yield return (new("429_once", "/loi/429-mot-lan", Article, null, "429 with Retry-After in seconds once, then the article"),
            a => OnceAsync(a, 1002, () => a.StatusAsync(429, "Too Many Requests", $"Retry-After: {_options.RetryAfterSeconds}")));
        yield return (new("retry_after_http_date", "/loi/429-ngay", Article, null, "429 with Retry-After as an HTTP date once, then the article"),
            a => OnceAsync(a, 1003, () => a.StatusAsync(429, "Too Many Requests",
                $"Retry-After: {HttpDate(DateTimeOffset.UtcNow.AddSeconds(_options.RetryAfterSeconds + 1))}")));
        yield return (new("500_once", "/loi/500-mot-lan", Article, null, "500 once, then the article"),
            a => OnceAsync(a, 1004, () => a.StatusAsync(500, "Internal Server Error")));
        yield return (new("reset_once", "/loi/reset-mot-lan", Article, null, "connection reset before any answer once, then the article"),
            a => OnceAsync(a, 1005, () => { a.ResetConnection(); return Task.CompletedTask; }));
        yield return (new("truncated_once", "/loi/cat-mot-lan", Article, null, "body cut short (Content-Length not reached) once, then the article"),
            a => OnceAsync(a, 1006, () => TruncatedAsync(a, 1006)));
        yield return (new("windows_1258_meta", "/loi/windows-1258", Article, null, "article in windows-1258, declared only in a meta tag"),
            a => a.BytesAsync(200, "OK", "text/html", FaultPages.Windows1258(FaultPages.Article(1007, charsetMeta: "windows-1258"))));
        yield return (new("nul_bytes", "/loi/nul", Article, null, "article with NUL bytes between its paragraphs"),
            a => a.BytesAsync(200, "OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(FaultPages.Article(1008, between: "\0\0\0"))));
        yield return (new("broken_utf8", "/loi/utf8-hong", Article, null, "article whose UTF-8 has invalid byte sequences"),
            a => a.BytesAsync(200, "OK", "text/html; charset=utf-8", BrokenUtf8(FaultPages.Article(1009, between: "@@"))));
        yield return (new("deep_nesting", "/loi/long-sau", Article, null, $"article inside {_options.NestingDepth:N0} nested elements"),
            a => a.HtmlAsync(FaultPages.DeeplyNested(1010, _options.NestingDepth)));
        yield return (new("redirect_in_site", "/loi/chuyen-huong", Article, null, "301 to the article's new address on the same site"),
            a => a.RedirectAsync("/loi/dich", 301));

        // Faults that stay: the URL ends with a classified failure, or is left for later.
        yield return (new("hang", "/loi/treo", Failure, "timeout", $"answers only after {_options.SlowAnswerMs / 1000.0:0.#} s", Slow: true), HangAsync);
        yield return (new("drip", "/loi/nho-giot", Failure, "timeout", $"sends its body {_options.DripBytesPerSecond} bytes a second", Slow: true), DripAsync);
        yield return (new("reset", "/loi/reset", Failure, "reset", "connection reset before any answer, every time"),
            a => { a.ResetConnection(); return Task.CompletedTask; });
        yield return (new("huge_body", "/loi/60mb", Failure, "too_large", $"{_options.HugeBodyBytes / (1024 * 1024)} MB body with no Content-Length"), HugeAsync);
        yield return (new("gzip_bomb", "/loi/bom-gzip", Failure, "too_large", $"gzip bomb ({_options.GzipBombBytes / (1024 * 1024)} MB of zeros)"),
            a => a.BytesAsync(200, "OK", "text/html; charset=utf-8", _bomb.Value, "Content-Encoding: gzip"));
        yield return (new("corrupt_gzip", "/loi/gzip-hong", Failure, "bad_body", "Content-Encoding gzip over a stream that does not inflate"),
            a => a.BytesAsync(200, "OK", "text/html; charset=utf-8", CorruptGzip(), "Content-Encoding: gzip"));
        yield return (new("truncated", "/loi/cat", Failure, "bad_body", "body cut short every time"), a => TruncatedAsync(a, 1012));
        yield return (new("bad_chunking", "/loi/chunk-hong", Failure, "bad_body", "chunked framing broken after the first chunk"), BadChunkingAsync);
        yield return (new("binary_as_html", "/loi/nhi-phan", Failure, "not_html", "a PNG image served as text/html"),
            a => a.BytesAsync(200, "OK", "text/html", BinaryBody()));
        yield return (new("redirect_off_site", "/loi/sang-host-khac", Failure, "off_site_redirect", "302 to another host"),
            a => a.RedirectAsync(new Uri(SiblingUrl, "/ngoai/bai").AbsoluteUri));
        yield return (new("401", "/loi/401", Failure, "http_4xx", "401 Unauthorized"), a => a.StatusAsync(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"x\""));
        yield return (new("403", "/loi/403", Failure, "http_4xx", "403 Forbidden"), a => a.StatusAsync(403, "Forbidden"));
        yield return (new("404", "/loi/404", Failure, "http_4xx", "404 Not Found"), a => a.StatusAsync(404, "Not Found"));
        yield return (new("redirect_loop", "/loi/vong-a", Failure, "redirect_loop", "redirects to a page that redirects back"),
            a => a.RedirectAsync("/loi/vong-b"));
        yield return (new("too_many_redirects", "/loi/chuoi/0", Failure, "too_many_redirects", "a chain of 20 redirects"),
            a => a.RedirectAsync("/loi/chuoi/1"));
        yield return (new("empty_body", "/loi/rong", Failure, "empty", "200 with an empty body"),
            a => a.BytesAsync(200, "OK", "text/html; charset=utf-8", []));
        yield return (new("meta_refresh_loop", "/loi/lam-moi-a", NoArticle, null, "meta refresh to a page that refreshes back"),
            a => a.HtmlAsync(RefreshPage("/loi/lam-moi-b")));
        yield return (new("503_long_retry_after", "/loi/503-mai", Queued, null, "503 with Retry-After of two hours, every time"),
            a => a.StatusAsync(503, "Service Unavailable", "Retry-After: 7200"));
    }

    /// <summary>Links on the home page that must never become requests.</summary>
    private IEnumerable<FaultCase> LinkCases =>
    [
        new("robots_disallowed", "/rieng/bi-mat", NeverRequested, "robots_denied", "a link robots.txt disallows"),
        new("url_20000_chars", LongUrl, NeverRequested, null, "a link 20,000 characters long"),
        new("javascript_link", "javascript:void(window.open('/bai/1.html'))", NeverRequested, null, "a javascript: link"),
        new("mailto_link", "mailto:toasoan@example.vn", NeverRequested, null, "a mailto: link"),
        new("tel_link", "tel:+842223800000", NeverRequested, null, "a tel: link"),
        new("data_link", "data:text/html;base64,PGgxPkhpPC9oMT4=", NeverRequested, null, "a data: link"),
        new("off_scope_link", OffScopeLink, NeverRequested, null, "a link to a host the source does not crawl"),
        new("tracking_duplicate", ArticlePath(1) + TrackingQuery, NeverRequested, null, "every listing links each article again with tracking parameters"),
    ];

    /// <summary>Link structures that never run dry.</summary>
    private static IEnumerable<FaultCase> TrapCases =>
    [
        new("calendar_trap", "/lich?ngay=2024-01-01", NoArticle, null, "a calendar whose every day links the day before and after"),
        new("facet_trap", "/tim?loai=1", NoArticle, null, "faceted search: every page links itself with one more filter"),
        new("path_loop", "/vong/", NoArticle, null, "a relative link that repeats the path (/vong/vong/vong/...)"),
    ];

    private IEnumerable<FaultCase> RobotsCases =>
    [
        new("slow_robots", "/robots.txt", Robots, null, $"robots.txt answering after {_options.RobotsDelayMs / 1000.0:0.#} s"),
        .. _options.SiblingHost
            ? new FaultCase[]
            {
                new("robots_500", "//localhost/robots.txt", Robots, null, "robots.txt answering 500 (the first time)"),
                new("robots_garbage", "//localhost/robots.txt#2", Robots, null, "robots.txt that is garbage (after the 500)"),
            }
            : [],
    ];

    private static string LongUrl => "/dai?q=" + new string('x', 20_000);

    private Task RouteAsync(Request request, Answer a)
    {
        if (request.Host == "localhost") return SiblingAsync(request.PathAndQuery, a);
        var path = request.PathAndQuery;
        if (path == "/robots.txt") return RobotsAsync(a);
        if (path == "/") return a.HtmlAsync(FaultPages.Listing("Trang chủ", HomeLinks()));
        if (Faults.TryGetValue(path, out var fault)) return fault.Serve(a);
        if (Number(path, "/bai/", ".html") is { } n && n >= 1 && n <= _options.GoodArticles) return a.HtmlAsync(FaultPages.Article(n));
        if (path == "/muc/loi") return a.HtmlAsync(FaultPages.Listing("Các trang lỗi", Faults.Keys));
        if (Number(path, "/muc/", "") is { } k) return a.HtmlAsync(FaultPages.Listing($"Chuyên mục {k}", SectionLinks(k)));
        if (path == "/loi/dich") return a.HtmlAsync(FaultPages.Article(1011));
        if (path == "/loi/vong-b") return a.RedirectAsync("/loi/vong-a");
        if (path == "/loi/lam-moi-b") return a.HtmlAsync(RefreshPage("/loi/lam-moi-a"));
        if (Number(path, "/loi/chuoi/", "") is { } hop) return a.RedirectAsync($"/loi/chuoi/{hop + 1}");
        if (path.StartsWith("/lich?ngay=", StringComparison.Ordinal)) return a.HtmlAsync(Calendar(path["/lich?ngay=".Length..]));
        if (path.StartsWith("/tim?", StringComparison.Ordinal)) return a.HtmlAsync(Facets(path));
        if (path.StartsWith("/vong/", StringComparison.Ordinal)) return a.HtmlAsync(FaultPages.Listing("Vòng", ["vong/", "../"]));
        return a.StatusAsync(404, "Not Found");
    }

    private IEnumerable<string> HomeLinks()
    {
        var sections = (_options.GoodArticles + ArticlesPerListing - 1) / ArticlesPerListing;
        foreach (var k in Enumerable.Range(1, sections)) yield return $"/muc/{k}";
        yield return "/muc/loi";
        foreach (var c in LinkCases.Where(c => c.Kind != "tracking_duplicate")) yield return c.Path;
        foreach (var c in TrapCases) yield return c.Path;
    }

    private IEnumerable<string> SectionLinks(int section)
    {
        var first = (section - 1) * ArticlesPerListing + 1;
        for (var n = first; n < first + ArticlesPerListing && n <= _options.GoodArticles; n++)
        {
            yield return ArticlePath(n);
            yield return ArticlePath(n) + TrackingQuery;
        }
    }

    private Task RobotsAsync(Answer a) => DelayThenAsync(a, _options.RobotsDelayMs,
        () => a.BytesAsync(200, "OK", "text/plain", Encoding.ASCII.GetBytes("User-agent: *\nDisallow: /rieng/\n")));

    /// <summary>The second host: robots.txt answers 500 once and garbage after; three articles; the off-site redirect's target.</summary>
    private Task SiblingAsync(string path, Answer a)
    {
        if (!_options.SiblingHost) return a.StatusAsync(404, "Not Found");
        if (path == "/robots.txt")
        {
            return a.Call == 1 ? a.StatusAsync(500, "Internal Server Error")
                : a.BytesAsync(200, "OK", "text/plain", [0x00, 0xFF, .. "<html>%%% User-agent\nDisallow\n\u00ff\u00fe#!@\n"u8, 0x1F, 0x8B]);
        }
        if (path == "/phu/") return a.HtmlAsync(FaultPages.Listing("Trang phụ", SiblingArticlePaths));
        if (Number(path, "/phu/bai/", "") is { } n && n >= 1 && n <= _options.SiblingArticles) return a.HtmlAsync(FaultPages.Article(5000 + n));
        if (path.StartsWith("/ngoai/", StringComparison.Ordinal)) return a.HtmlAsync(FaultPages.Article(9000));
        return a.StatusAsync(404, "Not Found");
    }

    private static Task OnceAsync(Answer a, int seed, Func<Task> fault) => a.Call == 1 ? fault() : a.HtmlAsync(FaultPages.Article(seed));

    private async Task DelayThenAsync(Answer a, int delayMs, Func<Task> then)
    {
        if (delayMs > 0) await Task.Delay(delayMs, a.Token).ConfigureAwait(false);
        await then().ConfigureAwait(false);
    }

    private Task HangAsync(Answer a) => DelayThenAsync(a, _options.SlowAnswerMs, () => a.HtmlAsync(FaultPages.Article(1020)));

    private async Task DripAsync(Answer a)
    {
        var body = Encoding.UTF8.GetBytes(FaultPages.Article(1021));
        await a.HeadAsync(200, "OK", [$"Content-Length: {body.Length}", "Content-Type: text/html; charset=utf-8"]).ConfigureAwait(false);
        var step = Math.Max(1, _options.DripBytesPerSecond / 4);
        for (var sent = 0; sent < body.Length; sent += step)
        {
            await a.RawAsync(body[sent..Math.Min(body.Length, sent + step)]).ConfigureAwait(false);
            await Task.Delay(250, a.Token).ConfigureAwait(false);
        }
    }

    private async Task HugeAsync(Answer a)
    {
        // No Content-Length: the client can only find out by reading, which it must stop doing at its cap.
        await a.HeadAsync(200, "OK", ["Content-Type: text/html; charset=utf-8"]).ConfigureAwait(false);
        var chunk = Encoding.ASCII.GetBytes("<p>" + new string('x', 64 * 1024 - 7) + "</p>");
        for (long sent = 0; sent < _options.HugeBodyBytes; sent += chunk.Length) await a.RawAsync(chunk).ConfigureAwait(false);
    }

    private static async Task TruncatedAsync(Answer a, int seed)
    {
        var body = Encoding.UTF8.GetBytes(FaultPages.Article(seed));
        await a.HeadAsync(200, "OK", [$"Content-Length: {body.Length}", "Content-Type: text/html; charset=utf-8"]).ConfigureAwait(false);
        await a.RawAsync(body[..(body.Length / 3)]).ConfigureAwait(false);
        // Returning closes the connection with the body a third sent.
    }

    private static async Task BadChunkingAsync(Answer a)
    {
        var body = Encoding.UTF8.GetBytes(FaultPages.Article(1013));
        await a.HeadAsync(200, "OK", ["Transfer-Encoding: chunked", "Content-Type: text/html; charset=utf-8"]).ConfigureAwait(false);
        await a.RawAsync([.. Encoding.ASCII.GetBytes("200\r\n"), .. body[..0x200], .. "\r\n"u8]).ConfigureAwait(false);
        await a.RawAsync([.. "zz-not-hex\r\n"u8, .. body[0x200..0x300], .. "\r\n0\r\n\r\n"u8]).ConfigureAwait(false);
    }

    private static byte[] BrokenUtf8(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var broken = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '@' && i + 1 < bytes.Length && bytes[i + 1] == '@')
            {
                broken.AddRange([0xC3, 0x28, 0xE2, 0x82, 0xFF, 0x80, 0xED, 0xA0, 0x80]); // bad continuation, truncated, invalid, surrogate
                i++;
                continue;
            }
            broken.Add(bytes[i]);
        }
        return [.. broken];
    }

    /// <summary>A gzip header, then a deflate block of the reserved type 3: no decoder can inflate it.</summary>
    private static byte[] CorruptGzip() => [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, .. Enumerable.Repeat((byte)0xFF, 64)];

    private static byte[] BinaryBody()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(bytes, 0);
        return bytes;
    }

    private static string RefreshPage(string to) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url={to}\"><title>Chuyển trang</title></head>"
        + "<body><p>Đang chuyển trang…</p></body></html>";

    private static string Calendar(string day)
    {
        var date = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : new DateOnly(2024, 1, 1);
        string Link(DateOnly x) => "/lich?ngay=" + x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return FaultPages.Listing($"Lịch ngày {date:yyyy-MM-dd}", [Link(date.AddDays(-1)), Link(date.AddDays(1)), Link(date.AddMonths(1))]);
    }

    private static readonly string[] FacetNames = ["loai", "nam", "sap-xep", "gia", "mau", "trang-thai", "tac-gia", "chu-de", "vung", "kieu"];

    private static string Facets(string pathAndQuery)
    {
        var query = pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var present = query.Split('&').Select(p => p.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        var links = FacetNames.Where(n => !present.Contains(n)).SelectMany(n => Enumerable.Range(1, 3).Select(v => $"/tim?{query}&{n}={v}"));
        return FaultPages.Listing("Tìm kiếm", links);
    }

    /// <summary>The number in "{prefix}N{suffix}" (query ignored), or null when the path is not of that form.</summary>
    private static int? Number(string pathAndQuery, string prefix, string suffix)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var core = path[prefix.Length..^suffix.Length];
        return int.TryParse(core, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NewsMiner.Crawling;
using NewsMiner.Storage;

namespace NewsMiner.Tests.Crawling;

/// <summary>
/// Runs the real crawl path (NewsPipeline → database frontier → extract → mine → store) into a store file and reads
/// back what it recorded, so fault tests assert on the frontier and the store rather than on crawler outcomes.
/// </summary>
internal static class FullPathCrawl
{
    public const string SourceName = "nguồn thử";

    /// <summary>Polite settings shrunk for loopback; every test overrides what it exercises.</summary>
    public static CrawlOptions Options { get; } = new()
    {
        DelayMs = 0, TimeoutMs = 5000, RespectRobots = false, MaxIdleWaitMs = 5000, RetryBaseDelayMs = 100, MaxPages = 500,
    };

    public static CrawlSource Source(LoopbackSite site, params string[] starts) =>
        new(SourceName, "Hà Nam", starts.Select(site.Url).ToList());

    public static async Task<CrawlReport> RunAsync(string db, IReadOnlyList<CrawlSource> sources, CrawlOptions options, CancellationToken ct = default,
        HttpMessageHandler? handler = null)
    {
        await using var store = await NewsStores.OpenAsync(db, ct);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(TimeSpan.FromSeconds(90)); // hang guard only
        return await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, null, guard.Token, handler);
    }

    /// <summary>The network stack, except that requests <paramref name="refuse"/> picks fail as a refused connection would.</summary>
    public sealed class RefusingHandler(Func<Uri, bool> refuse) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        public ConcurrentQueue<(string Path, DateTimeOffset At)> Refused { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!refuse(request.RequestUri!)) return base.SendAsync(request, cancellationToken);
            Refused.Enqueue((request.RequestUri!.AbsolutePath, DateTimeOffset.UtcNow));
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused",
                new SocketException((int)SocketError.ConnectionRefused));
        }
    }

    /// <summary>The crawler's notices, kept for assertions.</summary>
    public sealed class NoticeLog : IProgress<CrawlNotice>
    {
        private readonly ConcurrentQueue<CrawlNotice> _items = new();

        public IReadOnlyList<CrawlNotice> Items => [.. _items];

        public void Report(CrawlNotice value) => _items.Enqueue(value);
    }

    public sealed record FrontierRow(string State, string? ErrorClass, long? Status, long Attempts, string? Message);

    public static FrontierRow? Frontier(string db, Uri url)
    {
        using var conn = Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT state, error_class, status, attempts, message FROM frontier WHERE url = $u";
        cmd.Parameters.AddWithValue("$u", Crawler.Canonicalize(url).AbsoluteUri);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new FrontierRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetInt64(3),
            r.IsDBNull(4) ? null : r.GetString(4));
    }

    public static long Count(string db, string sql)
    {
        using var conn = Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    public static List<string> Strings(string db, string sql)
    {
        using var conn = Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    // The store after the crawl, as SQL tables (see StoreSnapshot).
    private static SqliteConnection Open(string db) => NewsMiner.Tests.Support.StoreSnapshot.Open(db);

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>Article text in made-up Vietnamese whose words depend on <paramref name="seed"/> (the fault site's generator).</summary>
    public static IReadOnlyList<string> Paragraphs(int seed, int count = 5) => NewsMiner.SampleSite.Faults.FaultPages.Paragraphs(seed, count);

    /// <summary>A full article page; <paramref name="extraBody"/> and <paramref name="chrome"/> vary the copy without changing the story.</summary>
    public static string ArticleHtml(int seed, string? canonical = null, string extraBody = "", string chrome = "", string? charsetMeta = "utf-8")
    {
        var head = (charsetMeta is null ? "" : $"<meta charset=\"{charsetMeta}\">")
            + (canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">");
        var body = string.Concat(Paragraphs(seed).Select(p => $"<p>{p}</p>"));
        return $"<!doctype html><html><head>{head}<title>Bài viết số {seed}</title></head><body>{chrome}<article><h1>Bài viết số {seed} về công tác xây dựng Đảng</h1>"
            + $"<p class=\"date\">Ngày 1{seed % 9}/04/2024</p>{body}{extraBody}</article></body></html>";
    }

    public static string Listing(string title, params string[] hrefs) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><ul>"
        + string.Concat(hrefs.Select(h => $"<li><a href=\"{h}\">Tin {h}</a></li>")) + "</ul></body></html>";

    /// <summary>
    /// How windows-1258 spells Vietnamese: base letters with their circumflex, breve or horn precomposed, tone marks as
    /// combining characters after them.
    /// </summary>
    public static string Cp1258Spelling(string text)
    {
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            sb.Append(string.Concat(parts.Where(p => !tones.Contains(p))).Normalize(NormalizationForm.FormC));
            sb.Append(string.Concat(parts.Where(tones.Contains)));
        }
        return sb.ToString();
    }
}

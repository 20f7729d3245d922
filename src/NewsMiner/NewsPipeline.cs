using System.Diagnostics;
using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner;

/// <summary>A site to crawl: its start pages and the province its articles are about when the text names none.</summary>
public sealed record CrawlSource(string Name, string? Province, IReadOnlyList<Uri> StartUrls)
{
    /// <summary>Hosts whose links are followed; empty means the hosts of <see cref="StartUrls"/>.</summary>
    public IReadOnlyCollection<string> AllowedHosts { get; init; } = [];

    public IReadOnlyList<System.Text.RegularExpressions.Regex> ArticlePatterns { get; init; } = [];

    public IReadOnlyList<System.Text.RegularExpressions.Regex> ListingPatterns { get; init; } = [];

    /// <summary>A regex matching this source's listing pages that are further pages of one listing (?page=N, /trang-N).</summary>
    public System.Text.RegularExpressions.Regex? PaginationPattern { get; init; }

    public int MaxDepth { get; init; } = int.MaxValue;

    /// <summary>Pages per run for this source; null: only the crawl-wide budget.</summary>
    public int? MaxPages { get; init; }

    /// <summary>How often start pages and listings are fetched again; null: on every run.</summary>
    public TimeSpan? RevisitInterval { get; init; }

    /// <summary>Pause between requests to this source's hosts; null: the crawl's default.</summary>
    public int? DelayMs { get; init; }

    /// <summary>The crawler's view of this source.</summary>
    public Crawling.CrawlScope ToScope(IReadOnlyCollection<string>? fallbackHosts) => new(Name)
    {
        AllowedHosts = AllowedHosts.Count > 0 ? AllowedHosts : fallbackHosts ?? StartUrls.Select(u => u.Host).ToList(),
        ArticlePatterns = ArticlePatterns,
        ListingPatterns = PaginationPattern is null ? ListingPatterns : [.. ListingPatterns, PaginationPattern],
        MaxDepth = MaxDepth,
        MaxPages = MaxPages,
        RevisitInterval = RevisitInterval ?? TimeSpan.Zero,
        DelayMs = DelayMs,
    };
}

/// <summary>What one crawl did, for the summary line and for tests.</summary>
public sealed record CrawlReport(
    int PagesFetched,
    int Failures,
    int ArticlesStored,
    int ArticlesUnchanged,
    int PagesWithoutArticle,
    int FiguresStored,
    IReadOnlyDictionary<string, int> FailuresByClass,
    int Duplicates = 0,
    int Retried = 0)
{
    /// <summary>Where the crawl's time went, for the benchmark; sums over pages, so stages that overlap can add up to more than the wall time.</summary>
    public CrawlTimings Timings { get; init; } = CrawlTimings.Zero;
}

/// <summary>
/// Time spent per stage over a crawl. <paramref name="Fetch"/> is the sum of the pages' download times (requests
/// overlap, so it can exceed the wall time); <paramref name="Crawler"/> is the time the pipeline waited for the
/// crawler's next outcome (frontier bookkeeping, link extraction backlog, network waits).
/// </summary>
public sealed record CrawlTimings(TimeSpan Fetch, TimeSpan Crawler, TimeSpan Extract, TimeSpan Mine, TimeSpan Store)
{
    public static readonly CrawlTimings Zero = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>An article read from one page: the Extraction and Mining stages run, nothing stored.</summary>
public sealed record ProcessedPage(Article? Article, MiningResult? Mining, string? Error, ExtractionResult Extraction);

/// <summary>
/// Runs the stages Crawl → Extract → Mine → Store, overlapped: fetching, extraction and storing of different pages
/// proceed at once. Each page is handled on its own: a page that cannot be fetched, extracted or mined is recorded as a
/// failure and the crawl goes on; an article, its figures and its page's done state are written as one unit (several
/// units share a commit), so nothing half-written is ever left.
/// </summary>
public sealed partial class NewsPipeline
{
    /// <summary>Error class stored for a page that was fetched but could not be read as an article.</summary>
    public const string ExtractErrorClass = "extract_error";

    /// <summary>Pages shorter than this with no publication date are listings or stubs, not articles.</summary>
    public const int MinArticleChars = 400;

    private readonly ArticleExtractor extractor;
    private readonly FigureMiner miner;
    private readonly TimeProvider clock;

    /// <param name="clock">The time written into fetch records and run counters; the system clock unless a test fixes it.</param>
    public NewsPipeline(ArticleExtractor extractor, FigureMiner miner, TimeProvider? clock = null)
    {
        this.extractor = extractor;
        this.miner = miner;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <remarks>
    /// Plain-text input that begins with a leaked transport error (a saved page whose fetch failed half-way) is read
    /// from after the error; crawled HTML with such text is always a failed fetch.
    /// </remarks>
    public static NewsPipeline CreateDefault() =>
        new(new ArticleExtractor(new ExtractionOptions { SalvageAfterTransportError = true }), FigureMiner.CreateDefault());

    /// <summary>Extracts and mines one page (HTML or plain text) without storing it.</summary>
    public ProcessedPage Process(string content, Uri? url, bool isHtml, string? siteProvince, DateOnly? published = null) =>
        Process(content, url, isHtml, siteProvince, published, out _, out _);

    private ProcessedPage Process(string content, Uri? url, bool isHtml, string? siteProvince, DateOnly? published,
        out long extractTicks, out long mineTicks)
    {
        var started = Stopwatch.GetTimestamp();
        var extraction = isHtml ? extractor.ExtractHtml(content, url) : extractor.ExtractPlainText(content, url);
        var extracted = Stopwatch.GetTimestamp();
        extractTicks = extracted - started;
        mineTicks = 0;
        if (extraction.Article is not { } article) return new ProcessedPage(null, null, extraction.Error ?? "no article text found", extraction);
        if (published is { } supplied)
        {
            article = article with
            {
                Published = new DateTimeOffset(supplied.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)),
                PublishedSource = DatePublishedSource.Supplied,
            };
        }
        var date = article.Published is { } p ? DateOnly.FromDateTime(p.ToOffset(TimeSpan.FromHours(7)).DateTime) : (DateOnly?)null;
        var mining = miner.Mine(article.Text, new MiningContext(date, siteProvince, article.Title));
        mineTicks = Stopwatch.GetTimestamp() - extracted;
        return new ProcessedPage(article, mining, null, extraction);
    }

    internal static bool LooksLikeArticle(Article article) =>
        article.Text.Length >= MinArticleChars || (article.Published is not null && article.Text.Length >= MinArticleChars / 4);
}

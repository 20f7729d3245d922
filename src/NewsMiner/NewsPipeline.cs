using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner;

/// <summary>A site to crawl: its start pages and the province its articles are about when the text names none.</summary>
public sealed record CrawlSource(string Name, string? Province, IReadOnlyList<Uri> StartUrls);

/// <summary>What one crawl did, for the summary line and for tests.</summary>
public sealed record CrawlReport(
    int PagesFetched,
    int Failures,
    int ArticlesStored,
    int ArticlesUnchanged,
    int PagesWithoutArticle,
    int FiguresStored,
    IReadOnlyDictionary<string, int> FailuresByClass);

/// <summary>An article read from one page: the Extraction and Mining stages run, nothing stored.</summary>
public sealed record ProcessedPage(Article? Article, MiningResult? Mining, string? Error, ExtractionResult Extraction);

/// <summary>
/// Runs the stages in order: Crawl → Extract → Mine → Store. Each page is handled on its own: a page that cannot be
/// fetched, extracted or mined is recorded as a failure and the crawl goes on; an article and its figures are stored
/// in one transaction, so nothing half-written is ever left.
/// </summary>
public sealed class NewsPipeline
{
    /// <summary>Error class stored for a page that was fetched but could not be read as an article.</summary>
    public const string ExtractErrorClass = "extract_error";

    /// <summary>Pages shorter than this with no publication date are listings or stubs, not articles.</summary>
    public const int MinArticleChars = 400;

    private readonly ArticleExtractor extractor;
    private readonly FigureMiner miner;

    public NewsPipeline(ArticleExtractor extractor, FigureMiner miner)
    {
        this.extractor = extractor;
        this.miner = miner;
    }

    /// <remarks>
    /// Plain-text input that begins with a leaked transport error (a saved page whose fetch failed half-way) is read
    /// from after the error; crawled HTML with such text is always a failed fetch.
    /// </remarks>
    public static NewsPipeline CreateDefault() =>
        new(new ArticleExtractor(new ExtractionOptions { SalvageAfterTransportError = true }), FigureMiner.CreateDefault());

    /// <summary>Extracts and mines one page (HTML or plain text) without storing it.</summary>
    public ProcessedPage Process(string content, Uri? url, bool isHtml, string? siteProvince, DateOnly? published = null)
    {
        var extraction = isHtml ? extractor.ExtractHtml(content, url) : extractor.ExtractPlainText(content, url);
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
        return new ProcessedPage(article, mining, null, extraction);
    }

    /// <summary>Crawls the sources into the store. Returns when the crawl ends or <paramref name="ct"/> is cancelled.</summary>
    public async Task<CrawlReport> CrawlAsync(NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
        IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        foreach (var source in sources)
        {
            foreach (var start in source.StartUrls)
                await store.SaveSourceAsync(new SourceRecord(source.Name, source.Province, start.AbsoluteUri), ct).ConfigureAwait(false);
        }
        var startUrls = sources.SelectMany(s => s.StartUrls).Distinct().ToList();
        using var crawler = new Crawler(options with { StartUrls = startUrls }, handler);
        var failuresByClass = new Dictionary<string, int>(StringComparer.Ordinal);
        int fetched = 0, failures = 0, stored = 0, unchanged = 0, noArticle = 0, figures = 0;

        CrawlReport Snapshot() => new(fetched, failures, stored, unchanged, noArticle, figures, new Dictionary<string, int>(failuresByClass));

        async Task Fail(Uri url, string errorClass, string message, int status, long durationMs)
        {
            failures++;
            failuresByClass[errorClass] = failuresByClass.GetValueOrDefault(errorClass) + 1;
            await store.RecordFetchAsync(new FetchRecord(url.AbsoluteUri, DateTimeOffset.UtcNow, status, errorClass, message, null, durationMs), ct)
                .ConfigureAwait(false);
        }

        await foreach (var outcome in crawler.CrawlAsync(ct).ConfigureAwait(false))
        {
            switch (outcome)
            {
                case FetchFailure failure:
                    await Fail(failure.Url, failure.ErrorClass, failure.Message, failure.Status ?? 0, 0).ConfigureAwait(false);
                    break;
                case FetchedPage page:
                    fetched++;
                    await store.RecordFetchAsync(new FetchRecord(page.Url.AbsoluteUri, page.FetchedAt, page.Status, null, null, page.ContentHash, page.DurationMs), ct)
                        .ConfigureAwait(false);
                    if (await store.HasArticleWithHashAsync(page.ContentHash, ct).ConfigureAwait(false))
                    {
                        unchanged++;
                        break;
                    }
                    ProcessedPage processed;
                    try
                    {
                        processed = Process(page.Html, page.FinalUrl, isHtml: true, ProvinceOf(sources, page.FinalUrl));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One unreadable page must not stop a crawl that runs for weeks; the failure is on record.
                        await Fail(page.Url, ExtractErrorClass, ex.GetType().Name + ": " + ex.Message, page.Status, page.DurationMs).ConfigureAwait(false);
                        break;
                    }
                    if (processed.Article is not { } article || !LooksLikeArticle(article))
                    {
                        noArticle++;
                        break;
                    }
                    var found = processed.Mining!.Figures;
                    await store.SaveArticleAsync(article with { Url = article.Url ?? page.FinalUrl.AbsoluteUri }, found,
                        new ArticleProvenance(page.Url.AbsoluteUri, page.FinalUrl.Host, page.ContentHash, ArticleExtractor.Version,
                            FigureMiner.Version, page.FetchedAt), ct).ConfigureAwait(false);
                    stored++;
                    figures += found.Count;
                    break;
            }
            progress?.Report(Snapshot());
        }
        return Snapshot();
    }

    private static bool LooksLikeArticle(Article article) =>
        article.Text.Length >= MinArticleChars || (article.Published is not null && article.Text.Length >= MinArticleChars / 4);

    /// <summary>The province of the source whose start page shares the longest path with <paramref name="url"/>.</summary>
    public static string? ProvinceOf(IReadOnlyList<CrawlSource> sources, Uri url)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var source in sources)
        {
            foreach (var start in source.StartUrls)
            {
                if (!string.Equals(start.Host, url.Host, StringComparison.OrdinalIgnoreCase)) continue;
                var length = CommonPrefix(start.AbsolutePath, url.AbsolutePath);
                if (length > bestLength) { best = source.Province; bestLength = length; }
            }
        }
        return best;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}

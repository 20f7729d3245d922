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

    /// <summary>
    /// Crawls the sources into the store through the database frontier: a crawl killed at any moment and started
    /// again fetches nothing it had finished, loses nothing, and stores no article twice. Returns when no URL is due
    /// or <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <exception cref="StoreException">Another crawl holds this database's lock.</exception>
    public async Task<CrawlReport> CrawlAsync(NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
        IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        await using var frontier = await FrontierStore.OpenAsync(store, ct).ConfigureAwait(false);
        if (await frontier.TryLockAsync($"newsminer crawl", ct).ConfigureAwait(false) is { } holder)
            throw new StoreException($"Another crawl is running on {store.Path}: {holder}");
        // We hold the lock, so whatever is in flight belongs to a crawl that died.
        await frontier.RequeueInFlightAsync(TimeSpan.Zero, ct).ConfigureAwait(false);
        return await CrawlWithFrontierAsync(store, frontier, sources, options, progress, ct, handler).ConfigureAwait(false);
    }

    /// <summary>One pass over what is due in the frontier, which the caller has locked and prepared.</summary>
    public async Task<CrawlReport> CrawlWithFrontierAsync(NewsStore store, FrontierStore frontier, IReadOnlyList<CrawlSource> sources,
        CrawlOptions options, IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        foreach (var source in sources)
        {
            foreach (var start in source.StartUrls)
                await store.SaveSourceAsync(new SourceRecord(source.Name, source.Province, start.AbsoluteUri), ct).ConfigureAwait(false);
        }
        var scopes = sources.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ToScope(options.AllowedHosts), StringComparer.Ordinal);
        var seeds = sources.SelectMany(s => s.StartUrls.Where(u => u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .Select(u => new FrontierEntry(Crawler.Canonicalize(u), 0, s.Name, s.RevisitInterval ?? TimeSpan.Zero))).ToList();
        await frontier.SeedAsync(seeds, ct).ConfigureAwait(false);

        var runs = new Dictionary<string, (long Id, RunCounter Counter)>(StringComparer.Ordinal);
        foreach (var name in scopes.Keys) runs[name] = (await frontier.StartRunAsync(name, ct).ConfigureAwait(false), new RunCounter());
        var provinces = sources.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Province, StringComparer.Ordinal);

        using var crawler = new Crawler(options with { StartUrls = [], Scopes = scopes }, handler);
        var failuresByClass = new Dictionary<string, int>(StringComparer.Ordinal);
        int fetched = 0, failures = 0, stored = 0, unchanged = 0, noArticle = 0, figures = 0, duplicates = 0;
        var lastRunSave = DateTimeOffset.UtcNow;

        long fetchMs = 0, crawlerTicks = 0, extractTicks = 0, mineTicks = 0, storeTicks = 0;
        CrawlReport Snapshot() => new(fetched, failures, stored, unchanged, noArticle, figures, new Dictionary<string, int>(failuresByClass), duplicates)
        {
            Timings = new CrawlTimings(TimeSpan.FromMilliseconds(fetchMs), Stopwatch.GetElapsedTime(0, crawlerTicks), Stopwatch.GetElapsedTime(0, extractTicks),
                Stopwatch.GetElapsedTime(0, mineTicks), Stopwatch.GetElapsedTime(0, storeTicks)),
        };

        async Task Fail(Uri url, string errorClass, string message, int status, long durationMs, RunCounter? run)
        {
            failures++;
            failuresByClass[errorClass] = failuresByClass.GetValueOrDefault(errorClass) + 1;
            run?.Fail(errorClass);
            await store.RecordFetchAsync(new FetchRecord(url.AbsoluteUri, DateTimeOffset.UtcNow, status, errorClass, message, null, durationMs), ct)
                .ConfigureAwait(false);
        }

        async Task SaveRunsAsync(bool finished)
        {
            foreach (var (id, counter) in runs.Values)
                await frontier.UpdateRunAsync(id, counter.Snapshot(), finished, finished ? CancellationToken.None : ct).ConfigureAwait(false);
        }

        try
        {
            var waitStarted = Stopwatch.GetTimestamp();
            await foreach (var outcome in crawler.CrawlAsync(frontier, ct).ConfigureAwait(false))
            {
                var storeStarted = Stopwatch.GetTimestamp();
                crawlerTicks += storeStarted - waitStarted;
                long processTicks = 0;
                var sourceName = SourceOf(sources, outcome.Url);
                var run = sourceName is not null && runs.TryGetValue(sourceName, out var r) ? r.Counter : null;
                switch (outcome)
                {
                    case FetchFailure failure:
                        await Fail(failure.Url, failure.ErrorClass, failure.Message, failure.Status ?? 0, 0, run).ConfigureAwait(false);
                        break;
                    case UnchangedPage same:
                        fetched++;
                        unchanged++;
                        run?.Page();
                        await store.RecordFetchAsync(new FetchRecord(same.Url.AbsoluteUri, same.FetchedAt, same.Status, null, "unchanged", null, 0), ct)
                            .ConfigureAwait(false);
                        break;
                    case FetchedPage page:
                        if (page.LegacyEncoding is { } legacy)
                        {
                            await Fail(page.Url, FetchErrorClass.LegacyEncoding, $"text in the legacy {legacy} font encoding", page.Status, page.DurationMs, run)
                                .ConfigureAwait(false);
                            break;
                        }
                        run?.Page();
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
                            fetchMs += page.DurationMs;
                            var processStarted = Stopwatch.GetTimestamp();
                            processed = Process(page.Html, page.FinalUrl, isHtml: true, sourceName is not null ? provinces.GetValueOrDefault(sourceName) : ProvinceOf(sources, page.FinalUrl),
                                null, out var e, out var m);
                            processTicks = Stopwatch.GetTimestamp() - processStarted;
                            extractTicks += e;
                            mineTicks += m;
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // One unreadable page must not stop a crawl that runs for weeks; the failure is on record.
                            await Fail(page.Url, ExtractErrorClass, ex.GetType().Name + ": " + ex.Message, page.Status, page.DurationMs, run).ConfigureAwait(false);
                            break;
                        }
                        if (processed.Extraction.Error == Extraction.DropReasons.TransportErrorError)
                        {
                            // A server that answered 200 with a .NET exception as its body: a failed fetch, never an article.
                            await Fail(page.Url, FetchErrorClass.LeakedError, "the page body is a transport error message", page.Status, page.DurationMs, run)
                                .ConfigureAwait(false);
                            break;
                        }
                        if (processed.Article is not { } article || !LooksLikeArticle(article))
                        {
                            noArticle++;
                            break;
                        }
                        var key = article.CanonicalUrl ?? article.Url;
                        var duplicate = key is not null && key != page.FinalUrl.AbsoluteUri
                            && await store.HasArticleWithUrlAsync(key, ct).ConfigureAwait(false);
                        var found = processed.Mining!.Figures;
                        // A print view or copy naming a stored article as canonical updates that article and adds its URL.
                        await store.SaveArticleAsync(article with { Url = article.Url ?? page.FinalUrl.AbsoluteUri }, found,
                            new ArticleProvenance(page.Url.AbsoluteUri, page.FinalUrl.Host, page.ContentHash, ArticleExtractor.Version,
                                FigureMiner.Version, page.FetchedAt), ct).ConfigureAwait(false);
                        if (duplicate)
                        {
                            duplicates++;
                            break;
                        }
                        stored++;
                        run?.NewArticle(page.FetchedAt);
                        figures += found.Count;
                        break;
                }
                waitStarted = Stopwatch.GetTimestamp();
                storeTicks += waitStarted - storeStarted - processTicks;
                progress?.Report(Snapshot());
                if (DateTimeOffset.UtcNow - lastRunSave > TimeSpan.FromSeconds(5))
                {
                    lastRunSave = DateTimeOffset.UtcNow;
                    await SaveRunsAsync(finished: false).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await SaveRunsAsync(finished: true).ConfigureAwait(false);
        }
        return Snapshot();
    }

    /// <summary>The source whose start URL shares the longest path with <paramref name="url"/> on its host.</summary>
    private static string? SourceOf(IReadOnlyList<CrawlSource> sources, Uri url)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var source in sources)
        {
            foreach (var start in source.StartUrls)
            {
                if (Crawler.HostKey(start.Host) != Crawler.HostKey(url.Host)) continue;
                var length = CommonPrefix(start.AbsolutePath, url.AbsolutePath);
                if (length > bestLength) { best = source.Name; bestLength = length; }
            }
        }
        return best;
    }

    private sealed class RunCounter
    {
        private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
        private long _pages;
        private long _new;
        private DateTimeOffset? _last;

        public void Page() => _pages++;

        public void Fail(string errorClass)
        {
            _pages++;
            _failures[errorClass] = _failures.GetValueOrDefault(errorClass) + 1;
        }

        public void NewArticle(DateTimeOffset at)
        {
            _new++;
            _last = at;
        }

        public SourceRunCounts Snapshot() => new(_pages, _new, _last, new Dictionary<string, long>(_failures));
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

using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
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
        await using var frontier = await DurableFrontier.OpenAsync(store, TimeSpan.FromMilliseconds(options.DelayMs), ct).ConfigureAwait(false);
        if (await frontier.TryLockAsync($"newsminer crawl", ct).ConfigureAwait(false) is { } holder)
            throw new StoreException($"Another crawl is running on {store.Path}: {holder}");
        // We hold the lock, so whatever is in flight belongs to a crawl that died.
        await frontier.RequeueInFlightAsync(TimeSpan.Zero, ct).ConfigureAwait(false);
        return await CrawlWithFrontierAsync(store, frontier, sources, options, progress, ct, handler).ConfigureAwait(false);
    }

    /// <summary>Pages (or other changes) per committed batch; one disk write then covers all of them.</summary>
    public const int GroupCommitChanges = 256;

    /// <summary>When the writer has nothing more to write, it commits a batch at least this old.</summary>
    public static readonly TimeSpan IdleCommitAfter = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest a written page waits for its commit, so readers and a kill -9 lose at most this much work.</summary>
    public static readonly TimeSpan GroupCommitDelay = TimeSpan.FromMilliseconds(250);


    /// <summary>
    /// One pass over what is due in the frontier, which the caller has locked and prepared. Three stages overlap: the
    /// crawler fetches, workers (one per core) extract and mine, and one writer stores each page's fetch record,
    /// article, figures and done state as one unit of the frontier's group-committed batch. A page is marked done only
    /// in the unit that stores its article, after the links it holds are in the frontier, so a kill -9 at any moment
    /// loses nothing and stores nothing twice: an uncommitted page is still in flight and is fetched again.
    /// </summary>
    public async Task<CrawlReport> CrawlWithFrontierAsync(NewsStore store, IDurableFrontier frontier, IReadOnlyList<CrawlSource> sources,
        CrawlOptions options, IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(frontier);
        ArgumentNullException.ThrowIfNull(sources);
        // A stop (Ctrl+C) only stops new fetches; pages already fetched are processed and stored, so the writes never see it.
        var stopRequest = ct;
        ct = CancellationToken.None;
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
        var tally = new Tally();
        var lastRunSave = DateTimeOffset.UtcNow;

        async Task SaveRunsAsync(bool finished)
        {
            foreach (var (id, counter) in runs.Values)
                await frontier.UpdateRunAsync(id, counter.Snapshot(), finished, finished ? CancellationToken.None : ct).ConfigureAwait(false);
        }

        // "stop" ends every stage at once (a stage failed); a user's stop only ends the fetching, through crawlStop.
        using var stop = new CancellationTokenSource();
        using var crawlStop = CancellationTokenSource.CreateLinkedTokenSource(stopRequest, stop.Token);
        var deferring = new PageDeferringFrontier(frontier);
        // SQLite: the page's writes and its done state share the frontier connection's group-committed batch.
        var batched = frontier as FrontierStore;
        var fingerprints = new FingerprintCache();
        // Queues as deep as the fetches that can run at once: enough to keep every stage busy, and a kill -9 loses
        // (fetches again) only the few pages they hold. They also bound memory whatever the crawl's size.
        var hosts = sources.SelectMany(s => s.StartUrls).Select(u => Crawler.HostKey(u.Host)).Distinct(StringComparer.Ordinal).Count();
        var queueLength = Math.Max(1, Math.Min(options.MaxConcurrency, options.ConnectionsPerHost * Math.Max(1, hosts)));
        var work = Channel.CreateBounded<CrawlOutcome>(new BoundedChannelOptions(queueLength) { SingleWriter = true });
        var results = Channel.CreateBounded<PageWork>(new BoundedChannelOptions(queueLength) { SingleReader = true });

        async Task ProduceAsync()
        {
            try
            {
                var waitStarted = Stopwatch.GetTimestamp();
                await foreach (var outcome in crawler.CrawlAsync(deferring, crawlStop.Token).ConfigureAwait(false))
                {
                    Interlocked.Add(ref tally.CrawlerTicks, Stopwatch.GetTimestamp() - waitStarted);
                    if (outcome is FetchedPage page) deferring.Expect(page);
                    await work.Writer.WriteAsync(outcome, stop.Token).ConfigureAwait(false);
                    waitStarted = Stopwatch.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stopRequest.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                // Asked to stop: the fetches in flight were given their grace and yielded; the stages store them.
            }
            catch
            {
                // The writer may be waiting for this page's links; nothing more will come.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                // A page whose links never reached the frontier stays in flight, to be fetched again by the next run.
                deferring.AbandonPending();
                work.Writer.TryComplete();
            }
        }

        async Task ProcessAsync()
        {
            await foreach (var outcome in work.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var sourceName = SourceOf(sources, outcome.Url);
                PageWork item;
                if (outcome is FetchedPage { LegacyEncoding: null } page)
                {
                    try
                    {
                        var processed = Process(page.Html, page.FinalUrl, isHtml: true,
                            sourceName is not null ? provinces.GetValueOrDefault(sourceName) : ProvinceOf(sources, page.FinalUrl), null, out var e, out var m);
                        // The near-duplicate fingerprint is computed here, on the workers, not on the single writer.
                        item = new PageWork(outcome, sourceName, processed, null, e, m)
                        {
                            Fingerprint = processed.Article is { } text ? NearDuplicates.Fingerprint(text.Text) : null,
                        };
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One unreadable page must not stop a crawl that runs for weeks; the failure is put on record.
                        item = new PageWork(outcome, sourceName, null, ex.GetType().Name + ": " + ex.Message, 0, 0);
                    }
                }
                else
                {
                    item = new PageWork(outcome, sourceName, null, null, 0, 0);
                }
                await results.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
            }
        }

        async Task ProcessAllAsync()
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(ProcessAsync, stop.Token)))
                    .ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                results.Writer.TryComplete();
            }
        }

        batched?.StartGroupCommit(GroupCommitChanges, GroupCommitDelay);
        Task? producer = null, processors = null;
        try
        {
            producer = Task.Run(ProduceAsync, stop.Token);
            processors = ProcessAllAsync();
            try
            {
                await foreach (var item in results.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    var started = Stopwatch.GetTimestamp();
                    var run = item.SourceName is not null && runs.TryGetValue(item.SourceName, out var r) ? r.Counter : null;
                    FrontierItem? claim = null;
                    if (item.Outcome is FetchedPage expected && (claim = await deferring.LinksStoredAsync(expected, stop.Token).ConfigureAwait(false)) is null)
                        continue;
                    Stored verdict;
                    if (batched is not null)
                    {
                        verdict = await batched.WriteAsync((conn, tx) => StorePageAsync(store, conn, tx, item, fingerprints,
                            page => batched.FinishPageAsync(tx, page, stop.Token), stop.Token), stop.Token).ConfigureAwait(false);
                        // Nothing else ready: commit soon rather than let finished pages wait for the batch to fill (and be
                        // fetched again after a kill); the short minimum age keeps a busy crawl from committing every page.
                        if (!results.Reader.TryPeek(out _)) await batched.FlushAsync(IdleCommitAfter, stop.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        verdict = await StoreThenCompleteAsync(store, frontier, item, fingerprints, claim, stop.Token).ConfigureAwait(false);
                    }
                    tally.Count(item, verdict, run);
                    tally.StoreTicks += Stopwatch.GetTimestamp() - started;
                    progress?.Report(tally.Snapshot());
                    if (DateTimeOffset.UtcNow - lastRunSave > TimeSpan.FromSeconds(5))
                    {
                        lastRunSave = DateTimeOffset.UtcNow;
                        await SaveRunsAsync(finished: false).ConfigureAwait(false);
                    }
                }
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                // The stages' own errors surface here when the writer itself ended normally.
                await WaitQuietlyAsync(producer, processors).ConfigureAwait(false);
            }
            await producer.ConfigureAwait(false);
            await processors.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopRequest.IsCancellationRequested)
        {
            // Stopped: what was fetched is stored and the rest stays queued; the report says how far the run got.
        }
        finally
        {
            await SaveRunsAsync(finished: true).ConfigureAwait(false);
            if (batched is not null) await batched.StopGroupCommitAsync().ConfigureAwait(false);
        }
        return tally.Snapshot();
    }

    /// <summary>Waits for the stages to unwind without throwing, so the first error (or the writer's) is the one reported.</summary>
    private static async Task WaitQuietlyAsync(params Task?[] stages)
    {
        foreach (var stage in stages)
        {
            if (stage is null) continue;
            try
            {
                await stage.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Observed by the caller's own await when it matters.
            }
        }
    }

    /// <summary>How one crawl outcome ended up in the store.</summary>
    private enum PageVerdict
    {
        Failed,
        Unchanged,
        NoArticle,
        Stored,
        Duplicate,
    }

    /// <summary>An outcome after the worker stage: the page extracted and mined when it is one.</summary>
    private sealed record PageWork(CrawlOutcome Outcome, string? SourceName, ProcessedPage? Processed, string? ProcessError, long ExtractTicks, long MineTicks)
    {
        public NearDuplicates.TextFingerprint? Fingerprint { get; init; }
    }

    /// <summary>
    /// Fingerprints of stored articles the writer compared recently, by article id: templated notices keep meeting the
    /// same candidates, and recomputing their shingles was most of the writer's time. Only the writer touches it.
    /// </summary>
    private sealed class FingerprintCache
    {
        private const int Capacity = 4096;
        private readonly Dictionary<long, NearDuplicates.TextFingerprint> _byId = [];

        public async Task<NearDuplicates.TextFingerprint?> GetAsync(DbConnection conn, DbTransaction tx, long id, CancellationToken ct)
        {
            if (_byId.TryGetValue(id, out var known)) return known;
            if (await NewsStore.ArticleTextAsync(conn, tx, id, ct).ConfigureAwait(false) is not { } text) return null;
            if (_byId.Count >= Capacity) _byId.Clear();
            return _byId[id] = NearDuplicates.Fingerprint(text);
        }

        /// <summary>The article was saved again (its text may have changed).</summary>
        public void Forget(long id) => _byId.Remove(id);
    }

    /// <summary>What the writer did with one outcome; <paramref name="ErrorClass"/> is set for <see cref="PageVerdict.Failed"/>.</summary>
    private readonly record struct Stored(PageVerdict Verdict, string? ErrorClass = null);

    /// <summary>
    /// The writer for a frontier without a shared batch (PostgreSQL): the page's records and article commit in one
    /// transaction, then the frontier marks the page done. A crash in between fetches the page again once its lease
    /// ends, and the save by canonical URL replaces what it stored, so the article is still stored once.
    /// </summary>
    private static async Task<Stored> StoreThenCompleteAsync(NewsStore store, IDurableFrontier frontier, PageWork item, FingerprintCache fingerprints, FrontierItem? claim,
        CancellationToken ct)
    {
        Stored verdict;
        await using (var conn = await store.OpenWriteConnectionAsync(ct).ConfigureAwait(false))
        await using (var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            verdict = await StorePageAsync(store, conn, tx, item, fingerprints, finishPage: null, ct).ConfigureAwait(false);
            await NewsStore.IndexPendingTextAsync(conn, tx, store.Backend, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        if (item.Outcome is FetchedPage page && claim is not null) await frontier.CompleteAsync(claim, page, [], ct).ConfigureAwait(false);
        return verdict;
    }

    /// <summary>
    /// Writes everything one outcome leaves in the database, inside the caller's transaction: the fetch record, the
    /// article with its figures, and (through <paramref name="finishPage"/>, when the frontier shares the transaction)
    /// a fetched page's done state.
    /// </summary>
    private static async Task<Stored> StorePageAsync(NewsStore store, DbConnection conn, DbTransaction tx,
        PageWork item, FingerprintCache fingerprints, Func<FetchedPage, Task>? finishPage, CancellationToken ct)
    {
        async Task<Stored> Fail(Uri url, string errorClass, string message, int status, long durationMs)
        {
            await NewsStore.RecordFetchAsync(conn, tx, new FetchRecord(url.AbsoluteUri, DateTimeOffset.UtcNow, status, errorClass, message, null, durationMs), ct)
                .ConfigureAwait(false);
            return new Stored(PageVerdict.Failed, errorClass);
        }

        switch (item.Outcome)
        {
            case FetchFailure failure:
                return await Fail(failure.Url, failure.ErrorClass, failure.Message, failure.Status ?? 0, 0).ConfigureAwait(false);
            case UnchangedPage same:
                await NewsStore.RecordFetchAsync(conn, tx, new FetchRecord(same.Url.AbsoluteUri, same.FetchedAt, same.Status, null, "unchanged", null, 0), ct)
                    .ConfigureAwait(false);
                return new Stored(PageVerdict.Unchanged);
            case FetchedPage page:
                var verdict = await StoreFetchedAsync(page).ConfigureAwait(false);
                if (finishPage is not null) await finishPage(page).ConfigureAwait(false);
                return verdict;
            default:
                throw new InvalidOperationException($"Unknown crawl outcome {item.Outcome.GetType().Name}");
        }

        async Task<Stored> StoreFetchedAsync(FetchedPage page)
        {
            if (page.LegacyEncoding is { } legacy)
                return await Fail(page.Url, FetchErrorClass.LegacyEncoding, $"text in the legacy {legacy} font encoding", page.Status, page.DurationMs).ConfigureAwait(false);
            await NewsStore.RecordFetchAsync(conn, tx, new FetchRecord(page.Url.AbsoluteUri, page.FetchedAt, page.Status, null, null, page.ContentHash, page.DurationMs), ct)
                .ConfigureAwait(false);
            if (await NewsStore.HasArticleWithHashAsync(conn, tx, page.ContentHash, ct).ConfigureAwait(false)) return new Stored(PageVerdict.Unchanged);
            if (item.ProcessError is { } error) return await Fail(page.Url, ExtractErrorClass, error, page.Status, page.DurationMs).ConfigureAwait(false);
            var processed = item.Processed!;
            if (processed.Extraction.Error == Extraction.DropReasons.TransportErrorError)
            {
                // A server that answered 200 with a .NET exception as its body: a failed fetch, never an article.
                return await Fail(page.Url, FetchErrorClass.LeakedError, "the page body is a transport error message", page.Status, page.DurationMs).ConfigureAwait(false);
            }
            if (processed.Article is not { } article || !LooksLikeArticle(article)) return new Stored(PageVerdict.NoArticle);
            var key = article.CanonicalUrl ?? article.Url;
            var known = key is not null && await NewsStore.HasArticleWithUrlAsync(conn, tx, key, ct).ConfigureAwait(false);
            var duplicate = known && key != page.FinalUrl.AbsoluteUri;
            var fingerprint = item.Fingerprint ?? NearDuplicates.Fingerprint(article.Text);
            var bands = fingerprint.Bands;
            if (!known && await NearDuplicateOfAsync(conn, tx, fingerprint, fingerprints, ct).ConfigureAwait(false) is { } original)
            {
                // A copy under URLs of its own (syndicated, a print view without a canonical link): kept once.
                await NewsStore.AddArticleUrlsAsync(conn, tx, original, [page.Url.AbsoluteUri, page.FinalUrl.AbsoluteUri, article.Url ?? "", key ?? ""], ct)
                    .ConfigureAwait(false);
                return new Stored(PageVerdict.Duplicate);
            }
            // A print view or copy naming a stored article as canonical updates that article and adds its URL.
            var savedId = await store.SaveArticleAsync(conn, tx, article with { Url = article.Url ?? page.FinalUrl.AbsoluteUri }, processed.Mining!.Figures,
                new ArticleProvenance(page.Url.AbsoluteUri, page.FinalUrl.Host, page.ContentHash, ArticleExtractor.Version, FigureMiner.Version, page.FetchedAt)
                {
                    TextBands = bands,
                },
                ct).ConfigureAwait(false);
            fingerprints.Forget(savedId);
            return new Stored(duplicate ? PageVerdict.Duplicate : PageVerdict.Stored);
        }
    }

    /// <summary>The writer's counters; only the writer changes them, except the crawler wait the producer adds atomically.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _failuresByClass = new(StringComparer.Ordinal);
        private int _fetched, _failures, _stored, _unchanged, _noArticle, _figures, _duplicates;
        private long _fetchMs, _extractTicks, _mineTicks;
        public long CrawlerTicks;
        public long StoreTicks;

        public void Count(PageWork item, Stored result, RunCounter? run)
        {
            _extractTicks += item.ExtractTicks;
            _mineTicks += item.MineTicks;
            if (item.Outcome is FetchedPage page) _fetchMs += page.DurationMs;
            switch (result.Verdict)
            {
                case PageVerdict.Failed:
                    var errorClass = result.ErrorClass!;
                    _failures++;
                    _failuresByClass[errorClass] = _failuresByClass.GetValueOrDefault(errorClass) + 1;
                    // A page read but not usable was counted as fetched before it failed, as the fetch record says.
                    if (item.Outcome is FetchedPage { LegacyEncoding: null })
                    {
                        _fetched++;
                        run?.Page();
                    }
                    run?.Fail(errorClass);
                    return;
                case PageVerdict.Unchanged:
                    _unchanged++;
                    break;
                case PageVerdict.NoArticle:
                    _noArticle++;
                    break;
                case PageVerdict.Duplicate:
                    _duplicates++;
                    break;
                case PageVerdict.Stored:
                    _stored++;
                    _figures += item.Processed!.Mining!.Figures.Count;
                    run?.NewArticle(item.Outcome.FetchedAt);
                    break;
            }
            _fetched++;
            run?.Page();
        }

        public CrawlReport Snapshot() =>
            new(_fetched, _failures, _stored, _unchanged, _noArticle, _figures, new Dictionary<string, int>(_failuresByClass), _duplicates)
            {
                Timings = new CrawlTimings(TimeSpan.FromMilliseconds(_fetchMs), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref CrawlerTicks)),
                    Stopwatch.GetElapsedTime(0, _extractTicks), Stopwatch.GetElapsedTime(0, _mineTicks),
                    Stopwatch.GetElapsedTime(0, StoreTicks)),
            };
    }

    /// <summary>
    /// The frontier as the crawler sees it during a pipelined crawl: a fetched page's links go in at once (the crawler
    /// claims from them next), but the page itself stays in flight until the writer stores its article and marks it
    /// done in the same unit; the writer waits for the links first, so they never commit after the page.
    /// </summary>
    private sealed class PageDeferringFrontier(IDurableFrontier inner) : ICrawlFrontier
    {
        // Completed with the page's claim once its links are in the frontier, or with null when they never will be.
        private readonly ConcurrentDictionary<FetchedPage, TaskCompletionSource<FrontierItem?>> _links = new(ReferenceEqualityComparer.Instance);

        public void Expect(FetchedPage page) =>
            _links[page] = new TaskCompletionSource<FrontierItem?>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Waits until the page's links are in the frontier; null: they never got there, so leave the page in flight.</summary>
        public async Task<FrontierItem?> LinksStoredAsync(FetchedPage page, CancellationToken ct)
        {
            if (!_links.TryGetValue(page, out var stored)) return null;
            var claim = await stored.Task.WaitAsync(ct).ConfigureAwait(false);
            _links.TryRemove(page, out _);
            return claim;
        }

        /// <summary>The crawl ended: pages whose links were never handed over are not stored by this run.</summary>
        public void AbandonPending()
        {
            foreach (var pending in _links.Values) pending.TrySetResult(null);
        }

    public Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct) => inner.AddAsync(entries, ct);

        public Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct) => inner.HostsWithWorkAsync(ct);

        public Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct) => inner.ClaimAsync(host, now, ct);

        public Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct) => inner.NextDueAsync(host, ct);

        public Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct) => inner.ReserveAsync(canonical, via, ct);

        public async Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct)
        {
            if (outcome is not FetchedPage page)
            {
                await inner.CompleteAsync(item, outcome, links, ct).ConfigureAwait(false);
                return;
            }
            await inner.AddAsync(links, ct).ConfigureAwait(false);
            if (_links.TryGetValue(page, out var stored)) stored.TrySetResult(item);
        }

        public Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct) => inner.RetryLaterAsync(item, failure, due, ct);
    }

    /// <summary>
    /// The stored article whose text is near-identical to this one (see <see cref="NearDuplicates"/>), if any; read
    /// inside the writer's transaction so copies within one uncommitted batch find each other.
    /// </summary>
    private static async Task<long?> NearDuplicateOfAsync(DbConnection conn, DbTransaction tx, NearDuplicates.TextFingerprint text,
        FingerprintCache fingerprints, CancellationToken ct)
    {
        foreach (var id in await NewsStore.ArticleIdsSharingBandsAsync(conn, tx, text.Bands, ct).ConfigureAwait(false))
        {
            if (await fingerprints.GetAsync(conn, tx, id, ct).ConfigureAwait(false) is { } stored && NearDuplicates.SameArticle(text, stored)) return id;
        }
        return null;
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

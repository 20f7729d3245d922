using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner;

public sealed partial class NewsPipeline
{
    /// <summary>Pages (or other changes) per committed batch; one disk write then covers all of them.</summary>
    public const int GroupCommitChanges = 256;

    /// <summary>When the writer has nothing more to write, it commits a batch at least this old.</summary>
    public static readonly TimeSpan IdleCommitAfter = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest a written page waits for its commit, so readers and a kill -9 lose at most this much work.</summary>
    public static readonly TimeSpan GroupCommitDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Crawls the sources into the store through its frontier: a crawl killed at any moment and started again fetches
    /// nothing it had finished, loses nothing, and stores no article twice. Returns when no URL is due or
    /// <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <exception cref="StoreException">Another crawl holds this database's lock.</exception>
    public async Task<CrawlReport> CrawlAsync(INewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
        IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        await using var frontier = await store.OpenFrontierAsync(TimeSpan.FromMilliseconds(options.DelayMs), ct).ConfigureAwait(false);
        if (await frontier.TryLockAsync("newsminer crawl", ct).ConfigureAwait(false) is { } holder)
            throw new StoreException($"Another crawl is running on {store.Path}: {holder}");
        // We hold the lock, so whatever is in flight belongs to a crawl that died.
        await frontier.RequeueInFlightAsync(TimeSpan.Zero, ct).ConfigureAwait(false);
        return await CrawlWithFrontierAsync(store, frontier, sources, options, progress, ct, handler).ConfigureAwait(false);
    }

    /// <summary>
    /// One pass over what is due in the frontier, which the caller has locked and prepared. Three stages overlap, each
    /// giving every page a coded verdict: the fetch stage (the crawler's outcome), the process stage (extract and
    /// mine, one worker per core: <see cref="ProcessVerdict"/>), and the write stage (one writer that owns the unit of
    /// work: the page's fetch record, article, figures and done state, <see cref="PageVerdict"/>). A page is marked
    /// done only in the unit that stores its article, after the links it holds are in the frontier, so a kill -9 at
    /// any moment loses nothing and stores nothing twice: an uncommitted page is still in flight and is fetched again.
    /// </summary>
    public async Task<CrawlReport> CrawlWithFrontierAsync(INewsStore store, IDurableFrontier frontier, IReadOnlyList<CrawlSource> sources,
        CrawlOptions options, IProgress<CrawlReport>? progress, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(frontier);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        // A stop (Ctrl+C) only stops new fetches; pages already fetched are processed and stored, so the writes never see it.
        var run = await CrawlRun.PrepareAsync(this, store, frontier, sources, options, progress, CancellationToken.None).ConfigureAwait(false);
        return await run.RunAsync(handler, ct).ConfigureAwait(false);
    }

    /// <summary>What the process stage made of one outcome.</summary>
    private enum ProcessVerdict
    {
        /// <summary>Not a page to read (a failure, an unchanged page, a legacy encoding): the writer records it as it is.</summary>
        Passed,
        /// <summary>Extracted and mined (the article may still be missing or too short; the writer decides).</summary>
        Read,
        /// <summary>The extractor or miner threw: recorded as an extract error, the crawl goes on.</summary>
        Unreadable,
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

    /// <summary>An outcome after the process stage: the page extracted and mined when it is one.</summary>
    private sealed record PageWork(CrawlOutcome Outcome, CrawlSource? Source, ProcessVerdict Verdict, ProcessedPage? Processed, string? ProcessError,
        long ExtractTicks, long MineTicks)
    {
        public NearDuplicates.TextFingerprint? Fingerprint { get; init; }
    }

    /// <summary>What the writer did with one outcome; <paramref name="ErrorClass"/> is set for <see cref="PageVerdict.Failed"/>.</summary>
    private readonly record struct Stored(PageVerdict Verdict, string? ErrorClass = null);

    /// <summary>One crawl pass: its stages, the channels between them, and the writer's counters.</summary>
    private sealed class CrawlRun
    {
        private readonly NewsPipeline _pipeline;
        private readonly INewsStore _store;
        private readonly IDurableFrontier _frontier;
        private readonly CrawlOptions _options;
        private readonly IProgress<CrawlReport>? _progress;
        private readonly SourceLookup _lookup;
        private readonly Dictionary<string, string?> _provinces;
        private readonly Dictionary<string, CrawlScope> _scopes;
        private readonly Dictionary<string, (long Id, RunCounter Counter)> _runs;
        private readonly Tally _tally = new();
        private readonly WriteStage _writer;
        private readonly PageDeferringFrontier _deferring;
        private readonly Channel<CrawlOutcome> _work;
        private readonly Channel<PageWork> _results;
        private DateTimeOffset _lastRunSave;

        private CrawlRun(NewsPipeline pipeline, INewsStore store, IDurableFrontier frontier, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
            IProgress<CrawlReport>? progress, Dictionary<string, CrawlScope> scopes, Dictionary<string, (long, RunCounter)> runs)
        {
            _pipeline = pipeline;
            _store = store;
            _frontier = frontier;
            _options = options;
            _progress = progress;
            _lookup = new SourceLookup(sources);
            _provinces = sources.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Province, StringComparer.Ordinal);
            _scopes = scopes;
            _runs = runs;
            _deferring = new PageDeferringFrontier(frontier);
            _writer = new WriteStage(store, frontier, pipeline.clock);
            _lastRunSave = pipeline.clock.GetUtcNow();
            // Queues as deep as the fetches that can run at once: enough to keep every stage busy, and a kill -9 loses
            // (fetches again) only the few pages they hold. They also bound memory whatever the crawl's size.
            var hosts = sources.SelectMany(s => s.StartUrls).Select(u => Crawler.HostKey(u.Host)).Distinct(StringComparer.Ordinal).Count();
            var queueLength = Math.Max(1, Math.Min(options.MaxConcurrency, options.ConnectionsPerHost * Math.Max(1, hosts)));
            _work = Channel.CreateBounded<CrawlOutcome>(new BoundedChannelOptions(queueLength) { SingleWriter = true });
            _results = Channel.CreateBounded<PageWork>(new BoundedChannelOptions(queueLength) { SingleReader = true });
        }

        /// <summary>Records the sources, seeds the frontier and starts a run per source.</summary>
        public static async Task<CrawlRun> PrepareAsync(NewsPipeline pipeline, INewsStore store, IDurableFrontier frontier, IReadOnlyList<CrawlSource> sources,
            CrawlOptions options, IProgress<CrawlReport>? progress, CancellationToken ct)
        {
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
            var runs = new Dictionary<string, (long, RunCounter)>(StringComparer.Ordinal);
            foreach (var name in scopes.Keys) runs[name] = (await frontier.StartRunAsync(name, ct).ConfigureAwait(false), new RunCounter());
            return new CrawlRun(pipeline, store, frontier, sources, options, progress, scopes, runs);
        }

        public async Task<CrawlReport> RunAsync(HttpMessageHandler? handler, CancellationToken stopRequest)
        {
            using var crawler = new Crawler(_options with { StartUrls = [], Scopes = _scopes }, handler);
            // "stop" ends every stage at once (a stage failed); a user's stop only ends the fetching, through crawlStop.
            using var stop = new CancellationTokenSource();
            using var crawlStop = CancellationTokenSource.CreateLinkedTokenSource(stopRequest, stop.Token);
            _frontier.StartGroupCommit(GroupCommitChanges, GroupCommitDelay);
            Task? fetching = null, processing = null;
            try
            {
                fetching = Task.Run(() => FetchStageAsync(crawler, crawlStop.Token, stopRequest, stop), stop.Token);
                processing = ProcessStageAsync(stop);
                try
                {
                    await WriteStageAsync(stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
                finally
                {
                    // The stages' own errors surface here when the writer itself ended normally.
                    await WaitQuietlyAsync(fetching, processing).ConfigureAwait(false);
                }
                await fetching.ConfigureAwait(false);
                await processing.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopRequest.IsCancellationRequested)
            {
                // Stopped: what was fetched is stored and the rest stays queued; the report says how far the run got.
            }
            finally
            {
                await SaveRunsAsync(finished: true).ConfigureAwait(false);
                await _frontier.StopGroupCommitAsync().ConfigureAwait(false);
            }
            return _tally.Snapshot();
        }

        // ---- fetch stage ----

        private async Task FetchStageAsync(Crawler crawler, CancellationToken crawlStop, CancellationToken stopRequest, CancellationTokenSource stop)
        {
            try
            {
                var waitStarted = Stopwatch.GetTimestamp();
                await foreach (var outcome in crawler.CrawlAsync(_deferring, crawlStop).ConfigureAwait(false))
                {
                    Interlocked.Add(ref _tally.CrawlerTicks, Stopwatch.GetTimestamp() - waitStarted);
                    if (outcome is FetchedPage page) _deferring.Expect(page);
                    await _work.Writer.WriteAsync(outcome, stop.Token).ConfigureAwait(false);
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
                _deferring.AbandonPending();
                _work.Writer.TryComplete();
            }
        }

        // ---- process stage ----

        private async Task ProcessStageAsync(CancellationTokenSource stop)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(() => ProcessWorkerAsync(stop.Token), stop.Token)))
                    .ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                _results.Writer.TryComplete();
            }
        }

        private async Task ProcessWorkerAsync(CancellationToken ct)
        {
            await foreach (var outcome in _work.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                await _results.Writer.WriteAsync(Process(outcome), ct).ConfigureAwait(false);
        }

        private PageWork Process(CrawlOutcome outcome)
        {
            var source = _lookup.Find(outcome.Url);
            if (outcome is not FetchedPage { LegacyEncoding: null } page) return new PageWork(outcome, source, ProcessVerdict.Passed, null, null, 0, 0);
            try
            {
                // The source's province (its first entry's, when several share a name); a page of no known source, its final URL's.
                var province = source is not null ? _provinces.GetValueOrDefault(source.Name) : _lookup.Find(page.FinalUrl)?.Province;
                var processed = _pipeline.Process(page.Html, page.FinalUrl, isHtml: true, province, null, out var e, out var m);
                // The near-duplicate fingerprint is computed here, on the workers, not on the single writer.
                return new PageWork(outcome, source, ProcessVerdict.Read, processed, null, e, m)
                {
                    Fingerprint = processed.Article is { } text ? NearDuplicates.Fingerprint(text.Text) : null,
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One unreadable page must not stop a crawl that runs for weeks; the failure is put on record.
                return new PageWork(outcome, source, ProcessVerdict.Unreadable, null, ex.GetType().Name + ": " + ex.Message, 0, 0);
            }
        }

        // ---- write stage ----

        private async Task WriteStageAsync(CancellationToken ct)
        {
            await foreach (var item in _results.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var started = Stopwatch.GetTimestamp();
                FrontierItem? claim = null;
                if (item.Outcome is FetchedPage expected && (claim = await _deferring.LinksStoredAsync(expected, ct).ConfigureAwait(false)) is null) continue;
                var verdict = await _writer.WriteAsync(item, claim, ct).ConfigureAwait(false);
                // Nothing else ready: commit soon rather than let finished pages wait for the batch to fill (and be
                // fetched again after a kill); the short minimum age keeps a busy crawl from committing every page.
                if (!_results.Reader.TryPeek(out _)) await _frontier.FlushAsync(IdleCommitAfter, ct).ConfigureAwait(false);
                var run = item.Source is { } s && _runs.TryGetValue(s.Name, out var r) ? r.Counter : null;
                _tally.Count(item, verdict, run);
                _tally.StoreTicks += Stopwatch.GetTimestamp() - started;
                _progress?.Report(_tally.Snapshot());
                await MaybeSaveRunsAsync(ct).ConfigureAwait(false);
            }
        }

        private async Task MaybeSaveRunsAsync(CancellationToken ct)
        {
            var now = _pipeline.clock.GetUtcNow();
            if (now - _lastRunSave <= TimeSpan.FromSeconds(5)) return;
            _lastRunSave = now;
            foreach (var (id, counter) in _runs.Values) await _frontier.UpdateRunAsync(id, counter.Snapshot(), false, ct).ConfigureAwait(false);
        }

        private async Task SaveRunsAsync(bool finished)
        {
            foreach (var (id, counter) in _runs.Values) await _frontier.UpdateRunAsync(id, counter.Snapshot(), finished, CancellationToken.None).ConfigureAwait(false);
        }
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

    /// <summary>
    /// The write stage: owns the unit of work of each page. Everything one outcome leaves in the store (the fetch
    /// record, the article with its figures, a fetched page's done state) is one unit of <see cref="INewsStore.WritePageAsync{T}"/>.
    /// </summary>
    private sealed class WriteStage(INewsStore store, IDurableFrontier frontier, TimeProvider clock)
    {
        private readonly FingerprintCache _fingerprints = new();

        public Task<Stored> WriteAsync(PageWork item, FrontierItem? claim, CancellationToken ct) =>
            store.WritePageAsync(frontier, item.Outcome as FetchedPage, claim, unit => WriteUnitAsync(unit, item, ct), ct);

        private async Task<Stored> WriteUnitAsync(IStoreUnit unit, PageWork item, CancellationToken ct)
        {
            switch (item.Outcome)
            {
                case FetchFailure failure:
                    return await FailAsync(unit, failure.Url, failure.ErrorClass, failure.Message, failure.Status ?? 0, 0, ct).ConfigureAwait(false);
                case UnchangedPage same:
                    await unit.RecordFetchAsync(new FetchRecord(same.Url.AbsoluteUri, same.FetchedAt, same.Status, null, "unchanged", null, 0), ct).ConfigureAwait(false);
                    return new Stored(PageVerdict.Unchanged);
                case FetchedPage page:
                    return await WriteFetchedAsync(unit, item, page, ct).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException($"Unknown crawl outcome {item.Outcome.GetType().Name}");
            }
        }

        private async Task<Stored> FailAsync(IStoreUnit unit, Uri url, string errorClass, string message, int status, long durationMs, CancellationToken ct)
        {
            await unit.RecordFetchAsync(new FetchRecord(url.AbsoluteUri, clock.GetUtcNow(), status, errorClass, message, null, durationMs), ct).ConfigureAwait(false);
            return new Stored(PageVerdict.Failed, errorClass);
        }

        private async Task<Stored> WriteFetchedAsync(IStoreUnit unit, PageWork item, FetchedPage page, CancellationToken ct)
        {
            if (page.LegacyEncoding is { } legacy)
                return await FailAsync(unit, page.Url, FetchErrorClass.LegacyEncoding, $"text in the legacy {legacy} font encoding", page.Status, page.DurationMs, ct).ConfigureAwait(false);
            await unit.RecordFetchAsync(new FetchRecord(page.Url.AbsoluteUri, page.FetchedAt, page.Status, null, null, page.ContentHash, page.DurationMs), ct)
                .ConfigureAwait(false);
            if (await unit.HasArticleWithHashAsync(page.ContentHash, ct).ConfigureAwait(false)) return new Stored(PageVerdict.Unchanged);
            if (item.ProcessError is { } error) return await FailAsync(unit, page.Url, ExtractErrorClass, error, page.Status, page.DurationMs, ct).ConfigureAwait(false);
            var processed = item.Processed!;
            if (processed.Extraction.Error == DropReasons.TransportErrorError)
            {
                // A server that answered 200 with a .NET exception as its body: a failed fetch, never an article.
                return await FailAsync(unit, page.Url, FetchErrorClass.LeakedError, "the page body is a transport error message", page.Status, page.DurationMs, ct)
                    .ConfigureAwait(false);
            }
            if (processed.Article is not { } article || !LooksLikeArticle(article)) return new Stored(PageVerdict.NoArticle);
            return await SaveArticleAsync(unit, item, page, article, processed, ct).ConfigureAwait(false);
        }

        private async Task<Stored> SaveArticleAsync(IStoreUnit unit, PageWork item, FetchedPage page, Article article, ProcessedPage processed, CancellationToken ct)
        {
            var key = article.CanonicalUrl ?? article.Url;
            var known = key is not null && await unit.HasArticleWithUrlAsync(key, ct).ConfigureAwait(false);
            var duplicate = known && key != page.FinalUrl.AbsoluteUri;
            var fingerprint = item.Fingerprint ?? NearDuplicates.Fingerprint(article.Text);
            if (!known && await NearDuplicateOfAsync(unit, fingerprint, ct).ConfigureAwait(false) is { } original)
            {
                // A copy under URLs of its own (syndicated, a print view without a canonical link): kept once.
                await unit.AddArticleUrlsAsync(original, [page.Url.AbsoluteUri, page.FinalUrl.AbsoluteUri, article.Url ?? "", key ?? ""], ct).ConfigureAwait(false);
                return new Stored(PageVerdict.Duplicate);
            }
            // A print view or copy naming a stored article as canonical updates that article and adds its URL.
            var savedId = await unit.SaveArticleAsync(article with { Url = article.Url ?? page.FinalUrl.AbsoluteUri }, processed.Mining!.Figures,
                new ArticleProvenance(page.Url.AbsoluteUri, page.FinalUrl.Host, page.ContentHash, ArticleExtractor.Version, FigureMiner.Version, page.FetchedAt)
                {
                    TextBands = fingerprint.Bands,
                },
                ct).ConfigureAwait(false);
            _fingerprints.Forget(savedId);
            return new Stored(duplicate ? PageVerdict.Duplicate : PageVerdict.Stored);
        }

        /// <summary>
        /// The stored article whose text is near-identical to this one (see <see cref="NearDuplicates"/>), if any; read
        /// inside the unit so copies within one uncommitted batch find each other.
        /// </summary>
        private async Task<long?> NearDuplicateOfAsync(IStoreUnit unit, NearDuplicates.TextFingerprint text, CancellationToken ct)
        {
            foreach (var id in await unit.ArticleIdsSharingBandsAsync(text.Bands, ct).ConfigureAwait(false))
            {
                if (await _fingerprints.GetAsync(unit, id, ct).ConfigureAwait(false) is { } stored && NearDuplicates.SameArticle(text, stored)) return id;
            }
            return null;
        }
    }

    /// <summary>
    /// Fingerprints of stored articles the writer compared recently, by article id: templated notices keep meeting the
    /// same candidates, and recomputing their shingles was most of the writer's time. Only the writer touches it.
    /// </summary>
    private sealed class FingerprintCache
    {
        private const int Capacity = 4096;
        private readonly Dictionary<long, NearDuplicates.TextFingerprint> _byId = [];

        public async Task<NearDuplicates.TextFingerprint?> GetAsync(IStoreUnit unit, long id, CancellationToken ct)
        {
            if (_byId.TryGetValue(id, out var known)) return known;
            if (await unit.ArticleTextAsync(id, ct).ConfigureAwait(false) is not { } text) return null;
            if (_byId.Count >= Capacity) _byId.Clear();
            return _byId[id] = NearDuplicates.Fingerprint(text);
        }

        /// <summary>The article was saved again (its text may have changed).</summary>
        public void Forget(long id) => _byId.Remove(id);
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
}

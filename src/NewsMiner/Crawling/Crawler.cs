using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace NewsMiner.Crawling;

/// <summary>
/// Polite breadth-first crawler for the allowed hosts: one request at a time per host with
/// <see cref="CrawlOptions.DelayMs"/> between them, at most <see cref="CrawlOptions.MaxConcurrency"/> requests overall.
/// Every URL ends as exactly one <see cref="CrawlOutcome"/>; a failing URL never stops the crawl.
/// </summary>
public sealed class Crawler : IDisposable
{
    private const int ReadChunkBytes = 81_920;

    private readonly CrawlOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _allowedHosts;
    private readonly Dictionary<string, RobotsTxt> _robots = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _robotsGate = new(1, 1);

    /// <param name="handler">
    /// Replaces the network stack (tests, proxies). It must not follow redirects itself, or loops and
    /// <see cref="CrawlOptions.MaxRedirects"/> cannot be enforced. The caller keeps ownership of it.
    /// </param>
    /// <param name="time">Clock for timestamps, politeness delays and timeouts.</param>
    public Crawler(CrawlOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxPages);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DelayMs);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StopGraceMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimeoutMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ConnectionsPerHost, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPageFaultAttempts, 1);
        ArgumentNullException.ThrowIfNull(options.Traps);

        _options = options;
        _time = time ?? TimeProvider.System;
        _allowedHosts = (options.AllowedHosts ?? options.StartUrls.Where(u => u.IsAbsoluteUri).Select(u => u.Host))
            .Select(HostKey)
            .ToHashSet(StringComparer.Ordinal);

        var ownsHandler = handler is null;
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromMilliseconds(options.TimeoutMs),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // Timeouts come from our own TimeProvider-driven token so that they are classified and testable.
        _http = new HttpClient(handler, ownsHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Drops the fragment and tracking parameters, lower-cases scheme and host, drops the default port, sorts the query.</summary>
    public static Uri Canonicalize(Uri url) => UrlCanonicalizer.Canonicalize(url);

    /// <summary>Fetches one URL (following redirects) with no politeness bookkeeping; for single-page commands.</summary>
    public async Task<CrawlOutcome> FetchOneAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Without a frontier the core never drops a fetch as a duplicate.
        return await FetchCoreAsync(url, item: null, frontier: null, reserved: null, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A single fetch cannot be a duplicate.");
    }

    /// <summary>
    /// Walks the allowed hosts breadth first from <see cref="CrawlOptions.StartUrls"/> with a frontier that lives for
    /// this call only, yielding one outcome per fetched URL. Cancelling stops new requests, cancels those in flight
    /// and ends the sequence with <see cref="OperationCanceledException"/>; disposing the enumerator early does the
    /// same without the exception.
    /// </summary>
    public async IAsyncEnumerable<CrawlOutcome> CrawlAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var frontier = new MemoryFrontier();
        var seeds = new List<FrontierEntry>();
        foreach (var start in _options.StartUrls)
        {
            if (!UrlCanonicalizer.IsHttp(start))
            {
                yield return new FetchFailure(start, FetchErrorClass.BadUrl, "start URL is not an absolute http(s) URL", null, _time.GetUtcNow());
                continue;
            }
            seeds.Add(new FrontierEntry(Canonicalize(start), 0, null));
        }
        await frontier.AddAsync(seeds, ct).ConfigureAwait(false);
        await foreach (var outcome in CrawlAsync(frontier, ct).ConfigureAwait(false)) yield return outcome;
    }

    /// <summary>
    /// Crawls what <paramref name="frontier"/> holds, adding the links it finds. An outcome is marked finished in the
    /// frontier only when the consumer asks for the next one, so whatever the consumer does with it (store an
    /// article) happens before the URL counts as done: a crash in between fetches it again, never loses it.
    /// Transient failures go back to the frontier with a later due time and are not yielded until the last attempt.
    /// Cancelling stops new requests; requests in flight get <see cref="CrawlOptions.StopGraceMs"/> to finish and are
    /// yielded, then the sequence ends with <see cref="OperationCanceledException"/>. Whatever did not finish stays in
    /// flight in the frontier and is queued again by the next run.
    /// </summary>
    public async IAsyncEnumerable<CrawlOutcome> CrawlAsync(ICrawlFrontier frontier, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        // "stop" cancels requests in flight: at once when the crawl is disposed, after the grace when ct asks to stop.
        using var stop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stopRequest = ct.Register(() =>
        {
            if (_options.StopGraceMs == 0) stop.Cancel();
            else stop.CancelAfter(TimeSpan.FromMilliseconds(_options.StopGraceMs));
        });
        var work = stop.Token; // frontier writes for drained pages must not fail because a stop was asked
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var results = Channel.CreateUnbounded<FetchResult>(new UnboundedChannelOptions { SingleReader = true });
        var running = new List<Task>();
        var hostDue = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var busy = new Dictionary<string, int>(StringComparer.Ordinal);
        var notBefore = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var breakers = new HostBreakers(_options, _time);
        var traps = new TrapGuard(_options.Traps, _options.Notices, _time);
        var sourceBudget = new SourceBudget(_options.Scopes);
        var inFlight = 0;
        var budgetUsed = 0; // fetches yielded plus fetches in flight

        foreach (var host in await frontier.HostsWithWorkAsync(ct).ConfigureAwait(false)) hostDue[host] = DateTimeOffset.MinValue;

        try
        {
            while (true)
            {
                var stopping = ct.IsCancellationRequested;
                var now = _time.GetUtcNow();
                foreach (var host in stopping ? new List<string>() : hostDue.Keys.ToList())
                {
                    while (budgetUsed < _options.MaxPages && hostDue.TryGetValue(host, out var due) && due <= now
                        && busy.GetValueOrDefault(host) < _options.ConnectionsPerHost)
                    {
                        if (sourceBudget.Exhausted(host))
                        {
                            // Every source crawling this host has used its pages for this run; the rest waits for the next.
                            hostDue.Remove(host);
                            break;
                        }
                        var item = await frontier.ClaimAsync(host, now, work).ConfigureAwait(false);
                        if (item is null)
                        {
                            if (await frontier.NextDueAsync(host, work).ConfigureAwait(false) is { } next) hostDue[host] = next;
                            else hostDue.Remove(host);
                            break;
                        }
                        budgetUsed++;
                        sourceBudget.Take(item.Source);
                        inFlight++;
                        busy[host] = busy.GetValueOrDefault(host) + 1;
                        running.Add(RunFetchAsync(item, frontier, notBefore.GetValueOrDefault(host), slots, results.Writer, work));
                    }
                }

                if (inFlight == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    if (hostDue.Count == 0 || budgetUsed >= _options.MaxPages) yield break;
                    var wait = hostDue.Values.Min() - _time.GetUtcNow();
                    // Work due far in the future stays queued for the next run rather than holding this one.
                    if (wait > TimeSpan.FromMilliseconds(_options.MaxIdleWaitMs)) yield break;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                    continue;
                }

                // Wake for the first result, or when an idle host's next URL falls due (a retry, a revisit).
                var idleDue = hostDue.Where(h => busy.GetValueOrDefault(h.Key) < _options.ConnectionsPerHost && h.Value > now)
                    .Select(h => (DateTimeOffset?)h.Value).Min();
                if (!stopping && !results.Reader.TryPeek(out _) && idleDue is { } wake && budgetUsed < _options.MaxPages)
                {
                    using var timer = new CancellationTokenSource(Clamp(wake - now), _time);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
                    try
                    {
                        await results.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!work.IsCancellationRequested)
                    {
                        continue; // a host fell due, or a stop was asked: the loop top sorts out which
                    }
                }
                FetchResult result;
                try
                {
                    result = await results.Reader.ReadAsync(stopping ? work : ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stopping && !work.IsCancellationRequested)
                {
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                inFlight--;
                var resultHost = result.Item.Host;
                busy[resultHost]--;
                notBefore[resultHost] = result.FinishedAt + result.HostDelay;
                result.Error?.Throw();

                if (result.DeferHostUntil is { } deferUntil)
                {
                    // robots.txt unavailable: the URL keeps its attempts; the whole host waits.
                    breakers.Paused(resultHost, deferUntil, ((FetchFailure)result.Outcome!).Message);
                    budgetUsed--;
                    sourceBudget.Return(result.Item.Source);
                    await frontier.RetryLaterAsync(result.Item with { Attempts = result.Item.Attempts - 1 }, (FetchFailure)result.Outcome!, deferUntil, work)
                        .ConfigureAwait(false);
                    hostDue[resultHost] = deferUntil;
                    continue;
                }
                if (result.Outcome is null)
                {
                    budgetUsed--;
                    sourceBudget.Return(result.Item.Source);
                    await frontier.CompleteAsync(result.Item, null, [], work).ConfigureAwait(false);
                    await SettleReservedAsync(frontier, result, null, null, work).ConfigureAwait(false);
                    continue;
                }

                if (result.Outcome is FetchFailure failure && FetchErrorClass.IsConnectionLevel(failure.ErrorClass))
                {
                    if (breakers.Failed(resultHost, failure) is { } reopen)
                    {
                        // Breaker open: leave the host alone; its URLs stay queued for when it comes back. Nothing of
                        // the host is claimed meanwhile, so a one-shot crawl does not sit on a URL waiting for it.
                        notBefore[resultHost] = reopen;
                        if (!hostDue.TryGetValue(resultHost, out var dueNow) || dueNow < reopen) hostDue[resultHost] = reopen;
                    }
                }
                else if (result.Outcome is not FetchFailure { Status: null })
                {
                    breakers.Answered(resultHost);
                }

                if (result.Outcome is FetchFailure transient && FetchErrorClass.IsTransient(transient.ErrorClass, transient.Status)
                    && result.Item.Attempts + 1 < AttemptsFor(transient))
                {
                    budgetUsed--;
                    sourceBudget.Return(result.Item.Source);
                    var due = _time.GetUtcNow() + RetryDelay(transient, result.Item.Attempts);
                    if (notBefore[resultHost] > due) due = notBefore[resultHost];
                    await frontier.RetryLaterAsync(result.Item, transient, due, work).ConfigureAwait(false);
                    await SettleReservedAsync(frontier, result, transient, due, work).ConfigureAwait(false);
                    hostDue[resultHost] = hostDue.TryGetValue(resultHost, out var current) && current < due ? current : due;
                    continue;
                }

                var entries = AdmitLinks(result.Item, result.Links, traps);
                var outcome = result.Outcome is FetchFailure last ? last with { Attempt = result.Item.Attempts + 1 } : result.Outcome;
                yield return outcome;
                await frontier.CompleteAsync(result.Item, outcome, entries, work).ConfigureAwait(false);
                await SettleReservedAsync(frontier, result, outcome, null, work).ConfigureAwait(false);
                foreach (var entry in entries) hostDue.TryAdd(HostKey(entry.Url.Host), DateTimeOffset.MinValue);
                // The host may have had nothing due when it was last asked; its next due time moved with this result.
                if (!hostDue.ContainsKey(resultHost) && await frontier.NextDueAsync(resultHost, work).ConfigureAwait(false) is { } again)
                    hostDue[resultHost] = again;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // Workers report every exception through the channel, so this only waits for in-flight requests to unwind.
            await Task.WhenAll(running).ConfigureAwait(false);
            traps.ReportTotals();
        }
    }

    /// <summary>
    /// Pages claimed per source against its <see cref="CrawlScope.MaxPages"/>. A host is out of budget only when every
    /// source that crawls it is, so a host shared by two sources can overshoot one of them by the other's pages.
    /// </summary>
    private sealed class SourceBudget(IReadOnlyDictionary<string, CrawlScope> scopes)
    {
        private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<CrawlScope>> _byHost = new(StringComparer.Ordinal);

        public void Take(string? source)
        {
            if (source is not null) _used[source] = _used.GetValueOrDefault(source) + 1;
        }

        public void Return(string? source)
        {
            if (source is not null && _used.TryGetValue(source, out var n)) _used[source] = n - 1;
        }

        public bool Exhausted(string host)
        {
            if (!_byHost.TryGetValue(host, out var owners))
            {
                owners = scopes.Values.Where(s => s.AllowedHosts.Any(h => HostKey(h) == host)).ToList();
                _byHost[host] = owners;
            }
            return owners.Count > 0 && owners.All(s => s.MaxPages is { } max && _used.GetValueOrDefault(s.Name) >= max);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _robotsGate.Dispose();
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait;

    /// <summary>Retry-After when the server gave one, else exponential backoff with ±50 % jitter; both capped.</summary>
    internal TimeSpan RetryDelay(FetchFailure failure, int previousAttempts)
    {
        var cap = TimeSpan.FromMilliseconds(_options.MaxRetryDelayMs);
        if (failure.RetryAfter is { } asked) return asked > cap ? cap : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        var backoff = _options.RetryBaseDelayMs * Math.Pow(2, Math.Min(previousAttempts, 20));
        var jittered = backoff * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, cap.TotalMilliseconds));
    }

    /// <summary>Page faults (timeout, reset, bad body) get fewer attempts than a server asking to come back later.</summary>
    private int AttemptsFor(FetchFailure failure) =>
        FetchErrorClass.IsPageFault(failure.ErrorClass) ? Math.Min(_options.MaxPageFaultAttempts, _options.MaxAttempts) : _options.MaxAttempts;

    /// <summary>Links the item's source follows, as frontier entries one level deeper; links that look like a trap are cut.</summary>
    private List<FrontierEntry> AdmitLinks(FrontierItem item, IReadOnlyList<Uri> links, TrapGuard traps)
    {
        var entries = new List<FrontierEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scope = item.Source is { } name ? _options.Scopes.GetValueOrDefault(name) : null;
        foreach (var link in links)
        {
            var canonical = Canonicalize(link);
            if (!seen.Add(canonical.AbsoluteUri)) continue;
            // The scope is asked at depth 0 so the depth limit is the trap guard's, which says so when it cuts.
            var entry = scope is not null ? scope.Admit(canonical, 0) is { } inScope ? inScope with { Depth = item.Depth + 1 } : null
                : _allowedHosts.Contains(HostKey(canonical.Host)) ? new FrontierEntry(canonical, item.Depth + 1, item.Source)
                : null;
            // Only links the source would follow are checked, so the counts say what the limits cut, not what scope did.
            if (entry is not null && traps.Check(canonical, entry.Depth, scope) is null) entries.Add(entry);
        }
        return entries;
    }

    private TimeSpan HostDelay(FrontierItem item, RobotsTxt? robots)
    {
        var ms = (item.Source is { } name ? _options.Scopes.GetValueOrDefault(name)?.DelayMs : null) ?? _options.DelayMs;
        var delay = TimeSpan.FromMilliseconds(ms);
        return robots?.CrawlDelay is { } asked && asked > delay ? asked : delay;
    }

    /// <param name="Reserved">Redirect targets reserved in the frontier while fetching (canonical), in hop order.</param>
    private sealed record FetchResult(
        FrontierItem Item, CrawlOutcome? Outcome, IReadOnlyList<Uri> Links, DateTimeOffset FinishedAt, TimeSpan HostDelay,
        DateTimeOffset? DeferHostUntil, ExceptionDispatchInfo? Error, IReadOnlyList<Uri> Reserved);

    /// <summary>
    /// Redirect targets reserved by a fetch are in flight in the frontier; they end with the fetch that reserved them,
    /// or they would sit in flight until the next run. The final target of a page is finished by the frontier itself.
    /// </summary>
    private static async Task SettleReservedAsync(ICrawlFrontier frontier, FetchResult result, CrawlOutcome? outcome, DateTimeOffset? retryAt,
        CancellationToken ct)
    {
        var final = outcome is FetchedPage page ? Canonicalize(page.FinalUrl).AbsoluteUri : null;
        foreach (var target in result.Reserved)
        {
            if (target.AbsoluteUri == final) continue;
            var item = new FrontierItem(target, result.Item.Depth, result.Item.Source, 0);
            if (outcome is FetchFailure failure && retryAt is { } due)
                await frontier.RetryLaterAsync(item, failure with { Url = target }, due, ct).ConfigureAwait(false); // fetched again on its own
            else
                await frontier.CompleteAsync(item, outcome is FetchFailure f ? f with { Url = target } : null, [], ct).ConfigureAwait(false);
        }
    }

    private async Task RunFetchAsync(
        FrontierItem item, ICrawlFrontier frontier, DateTimeOffset notBefore, SemaphoreSlim slots, ChannelWriter<FetchResult> results,
        CancellationToken ct)
    {
        CrawlOutcome? outcome = null;
        IReadOnlyList<Uri> links = [];
        var reserved = new List<Uri>();
        ExceptionDispatchInfo? error = null;
        DateTimeOffset? deferHost = null;
        RobotsTxt? robots = null;
        try
        {
            var wait = notBefore - _time.GetUtcNow();
            // The politeness wait happens before taking a slot, so a host in its pause does not block other hosts.
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_options.RespectRobots)
                {
                    var (rules, fetchedNow, problem) = await RobotsForAsync(item.Url, ct).ConfigureAwait(false);
                    robots = rules;
                    if (problem is not null)
                    {
                        outcome = problem;
                        deferHost = _time.GetUtcNow() + TimeSpan.FromMilliseconds(_options.RobotsRetryDelayMs);
                    }
                    else if (rules is not null && !rules.IsAllowed(item.Url))
                    {
                        outcome = new FetchFailure(item.Url, FetchErrorClass.RobotsDenied, "disallowed by robots.txt", null, _time.GetUtcNow());
                    }
                    else if (fetchedNow && HostDelay(item, rules) is var pause && pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause, _time, ct).ConfigureAwait(false);
                    }
                }
                outcome ??= await FetchCoreAsync(item.Url, item, frontier, reserved, ct).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
            if (outcome is FetchedPage page) links = LinkExtractor.Extract(page.Html, page.FinalUrl, _options.Traps.MaxUrlLength);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = null;
        }
        catch (Exception ex)
        {
            // Not a fetch failure (those are outcomes) but a defect: hand it to the enumerator to rethrow.
            error = ExceptionDispatchInfo.Capture(ex);
        }
        if (ct.IsCancellationRequested) return; // the loop is gone; the item stays in flight and is queued again next run
        results.TryWrite(new FetchResult(item, outcome, links, _time.GetUtcNow(), HostDelay(item, robots), deferHost, error, reserved));
    }

    /// <returns>
    /// The rules (null: none apply), whether robots.txt was fetched just now (so the host's pause is due again), and a
    /// failure when the host must be deferred (robots.txt answered 5xx or not at all).
    /// </returns>
    private async Task<(RobotsTxt? Rules, bool FetchedNow, FetchFailure? Problem)> RobotsForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        await _robotsGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_robots.TryGetValue(origin, out var cached)) return (cached, false, null);
        }
        finally
        {
            _robotsGate.Release();
        }
        var robotsUrl = new Uri(origin + "/robots.txt");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.TimeoutMs), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        RobotsTxt rules;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, robotsUrl);
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500)
                return (null, true, new FetchFailure(url, FetchErrorClass.Http5xx, $"robots.txt answered HTTP {status}; host deferred", status, _time.GetUtcNow()));
            if (status is >= 200 and < 300)
            {
                var body = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
                rules = body is null ? RobotsTxt.AllowAll : RobotsTxt.Parse(HtmlDecoding.Decode(body, "utf-8"), CrawlOptions.RobotsToken);
            }
            else
            {
                // 4xx (and redirects we do not chase for robots): no rules, everything allowed.
                rules = RobotsTxt.AllowAll;
            }
        }
        catch (Exception ex) when (IsFetchFailure(ex) && !ct.IsCancellationRequested)
        {
            return (null, true, new FetchFailure(url, Classify(ex), "robots.txt unavailable; host deferred: " + Describe(ex), null, _time.GetUtcNow()));
        }
        await _robotsGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _robots[origin] = rules;
        }
        finally
        {
            _robotsGate.Release();
        }
        return (rules, true, null);
    }

    /// <param name="frontier">
    /// During a crawl, reserves a redirect target; false means that page is fetched under its own URL, so this fetch is
    /// dropped (null) rather than fetching it twice.
    /// </param>
    /// <param name="reserved">Collects the redirect targets reserved in the frontier.</param>
    private async Task<CrawlOutcome?> FetchCoreAsync(Uri url, FrontierItem? item, ICrawlFrontier? frontier, List<Uri>? reserved, CancellationToken ct)
    {
        var fetchedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        FetchFailure Failure(string errorClass, string message, int? status) => new(url, errorClass, message, status, fetchedAt);

        if (!UrlCanonicalizer.IsHttp(url)) return Failure(FetchErrorClass.BadUrl, "not an absolute http(s) URL", null);

        var chain = new HashSet<string>(StringComparer.Ordinal) { Canonicalize(url).AbsoluteUri };
        var current = url;
        // One deadline for the whole fetch, redirects included: the host's connection is never held longer by one URL.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.TimeoutMs), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        for (var hop = 0; ; hop++)
        {
            int? status = null;
            var readingBody = false;
            try
            {
                if (hop > 0 && _options.DelayMs > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(_options.DelayMs), _time, linked.Token).ConfigureAwait(false);

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
                request.Headers.TryAddWithoutValidation("Accept-Language", "vi,en;q=0.5");
                if (hop == 0 && item is not null)
                {
                    if (item.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    if (item.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
                }
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;

                if (status == 304) return new UnchangedPage(url, 304, fetchedAt);
                if (status is >= 300 and < 400)
                {
                    var location = response.Headers.Location;
                    if (location is null || !Uri.TryCreate(current, location, out var next) || !UrlCanonicalizer.IsHttp(next))
                        return Failure(FetchErrorClass.BadUrl, $"HTTP {status} from {current} without a usable Location", status);
                    var key = Canonicalize(next).AbsoluteUri;
                    if (!chain.Add(key))
                        return Failure(FetchErrorClass.RedirectLoop, $"redirect from {current} back to {next}", status);
                    if (hop + 1 > _options.MaxRedirects)
                        return Failure(FetchErrorClass.TooManyRedirects, $"more than {_options.MaxRedirects} redirects", status);
                    if (item is not null && !InScope(item, next))
                        return Failure(FetchErrorClass.OffSiteRedirect, $"HTTP {status} from {current} to {next}, a host this source does not crawl", status);
                    if (item is not null && frontier is not null)
                    {
                        if (!await frontier.ReserveAsync(Canonicalize(next), item, ct).ConfigureAwait(false)) return null;
                        reserved?.Add(Canonicalize(next));
                    }
                    current = next;
                    continue;
                }
                if (status >= 500)
                    return Failure(FetchErrorClass.Http5xx, $"HTTP {status} {response.ReasonPhrase}", status) with { RetryAfter = RetryAfterOf(response) };
                if (status >= 400)
                    return Failure(FetchErrorClass.Http4xx, $"HTTP {status} {response.ReasonPhrase}", status) with { RetryAfter = RetryAfterOf(response) };

                var contentType = ContentTypeHeader.From(response.Content.Headers);
                if (!contentType.IsHtml)
                    return Failure(FetchErrorClass.NotHtml, $"Content-Type '{(contentType.Raw.Length > 0 ? contentType.Raw : "(none)")}' is not HTML", status);
                if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                    return Failure(FetchErrorClass.TooLarge, $"Content-Length {response.Content.Headers.ContentLength} exceeds {_options.MaxBodyBytes} bytes", status);

                readingBody = true;
                var body = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
                if (body is null)
                    return Failure(FetchErrorClass.TooLarge, $"body exceeds {_options.MaxBodyBytes} bytes", status);
                if (BinarySniff.Describe(body) is { } binary)
                    return Failure(FetchErrorClass.NotHtml, $"Content-Type '{contentType.Raw}' but the body is {binary}", status);

                var hash = Convert.ToHexStringLower(SHA256.HashData(body));
                if (item?.ContentHash == hash) return new UnchangedPage(url, status.Value, fetchedAt);

                var html = Readable(HtmlDecoding.Decode(body, contentType.Charset));
                if (string.IsNullOrWhiteSpace(html)) return Failure(FetchErrorClass.Empty, "empty body", status);

                return new FetchedPage(
                    url, current, status.Value, contentType.Raw, html, hash, fetchedAt,
                    (long)_time.GetElapsedTime(started).TotalMilliseconds)
                {
                    ETag = response.Headers.ETag?.ToString(),
                    LastModified = response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    LegacyEncoding = LegacyFontDetector.Detect(html),
                };
            }
            catch (Exception ex) when (IsFetchFailure(ex) && !ct.IsCancellationRequested)
            {
                // The deadline tearing down a body read can surface as "response ended": a timeout all the same.
                var errorClass = timeout.IsCancellationRequested ? FetchErrorClass.Timeout
                    : readingBody && IsBadBody(ex) ? FetchErrorClass.BadBody : Classify(ex);
                var message = errorClass == FetchErrorClass.Timeout
                    ? $"no complete answer from {current} within {_options.TimeoutMs} ms (connect, headers and body{(hop > 0 ? ", redirects included" : "")})"
                    : Describe(ex);
                return Failure(errorClass, message, status);
            }
        }
    }

    /// <summary>Retry-After as a delay from now: delta-seconds or an HTTP-date.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - _time.GetUtcNow();
        return null;
    }

    /// <returns>The body, or null when it grew past the cap (the rest is never downloaded).</returns>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _options.MaxBodyBytes) return null;
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>Politeness and host admission treat "www.tinh.gov.vn" and "tinh.gov.vn" as one site.</summary>
    internal static string HostKey(string host)
    {
        var key = host.Trim().TrimEnd('.').ToLowerInvariant();
        return key.StartsWith("www.", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static bool IsFetchFailure(Exception ex) =>
        ex is HttpRequestException or IOException or SocketException or AuthenticationException or OperationCanceledException
            or TimeoutException or UriFormatException or InvalidOperationException or NotSupportedException or InvalidDataException;

    /// <summary>
    /// While the body is read, a stream that ends early, breaks its chunked framing or fails to decompress is a bad
    /// body (the server answered; this copy of the page is broken), not a dropped connection.
    /// </summary>
    private static bool IsBadBody(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is InvalidDataException) return true;
            if (e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse }) return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="target"/> is on a host the item's source (or this crawl) follows links to.</summary>
    private bool InScope(FrontierItem item, Uri target)
    {
        var host = HostKey(target.Host);
        if (item.Source is { } name && _options.Scopes.GetValueOrDefault(name) is { } scope)
            return scope.AllowedHosts.Any(h => HostKey(h) == host);
        return _allowedHosts.Count == 0 || _allowedHosts.Contains(host) || HostKey(item.Url.Host) == host;
    }

    /// <summary>
    /// Text every later stage can take: NUL characters (which no page means and some parsers choke on) removed, and
    /// element nesting capped so no recursive walk of the tree can overflow the stack.
    /// </summary>
    private string Readable(string html)
    {
        if (html.Contains('\0', StringComparison.Ordinal)) html = html.Replace("\0", "", StringComparison.Ordinal);
        return HtmlNesting.Limit(html, _options.Traps.MaxNestingDepth);
    }

    /// <summary>Maps a transport exception to a <see cref="FetchErrorClass"/> value; cancellation here means our timeout.</summary>
    internal static string Classify(Exception ex)
    {
        if (ex is OperationCanceledException or TimeoutException) return FetchErrorClass.Timeout;
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return FetchErrorClass.Tls;
                case SocketException socket when ClassifySocket(socket.SocketErrorCode) is { } fromSocket:
                    return fromSocket;
            }
        }
        if (ex is HttpRequestException http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => FetchErrorClass.Dns,
                HttpRequestError.SecureConnectionError => FetchErrorClass.Tls,
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => FetchErrorClass.Reset,
                _ => FetchErrorClass.Connect,
            };
        }
        if (ex is IOException) return FetchErrorClass.Reset;
        if (ex is UriFormatException or InvalidOperationException or NotSupportedException) return FetchErrorClass.BadUrl;
        return FetchErrorClass.Connect;
    }

    private static string? ClassifySocket(SocketError error) => error switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => FetchErrorClass.Dns,
        SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            or SocketError.NetworkDown or SocketError.AddressNotAvailable => FetchErrorClass.Connect,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => FetchErrorClass.Reset,
        SocketError.TimedOut => FetchErrorClass.Timeout,
        _ => null,
    };

    private static string Describe(Exception ex)
    {
        var root = ex.GetBaseException();
        return ReferenceEquals(root, ex) ? ex.Message : $"{ex.Message} ({root.Message})";
    }
}

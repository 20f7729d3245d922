using LiteDB;
using NewsMiner.Crawling;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// The crawl frontier in the LiteDB file, beside the articles: one document per canonical URL with its state,
/// attempts and due time. Every call runs on the store thread, so a page's article (written through
/// <see cref="LiteStore.WritePageAsync{T}"/>) and its done state always join the same transaction. The one-crawl-per-file
/// lock is the store's OS lock: a process that opened the file for writing is its only crawler.
/// </summary>
internal sealed class LiteFrontier : IDurableFrontier
{
    private readonly LiteHost _host;
    private readonly TimeProvider _clock;
    private readonly LiteCounters _counters;
    private bool _grouped;

    public LiteFrontier(LiteStore store)
    {
        _host = store.Host;
        _clock = store.Clock;
        _counters = store.Counters;
    }

    public async ValueTask DisposeAsync()
    {
        if (_grouped) await StopGroupCommitAsync().ConfigureAwait(false);
    }

    public void StartGroupCommit(int maxChanges, TimeSpan maxDelay)
    {
        _host.StartGroupCommit(maxChanges, maxDelay);
        _grouped = true;
    }

    public Task FlushAsync(TimeSpan olderThan, CancellationToken ct) => _host.FlushAsync(olderThan).WaitAsync(ct);

    public async Task StopGroupCommitAsync()
    {
        _grouped = false;
        await _host.StopGroupCommitAsync().ConfigureAwait(false);
    }

    /// <summary>The store's OS lock already makes this process the file's only writer.</summary>
    public Task<string?> TryLockAsync(string owner, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<int> RequeueInFlightAsync(TimeSpan lease, CancellationToken ct) => Change(db =>
    {
        var cut = NowMs() - (long)lease.TotalMilliseconds;
        var frontier = db.Frontier();
        var stale = frontier.Find(Where.Eq(nameof(FrontierDoc.State), "in_flight")).Where(f => (f.LeasedMs ?? 0) <= cut).ToList();
        foreach (var f in stale)
        {
            f.State = "queued";
            f.LeasedMs = null;
            frontier.Update(f.Keyed());
        }
        return stale.Count;
    }, ct);

    public Task<int> SeedAsync(IReadOnlyList<FrontierEntry> seeds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return Change(db =>
        {
            var now = NowMs();
            var frontier = db.Frontier();
            foreach (var seed in seeds)
            {
                var revisit = seed.RevisitInterval is { } r ? (long?)r.TotalMilliseconds : null;
                if (frontier.FindById(seed.Url.AbsoluteUri) is { } known)
                {
                    known.Source = seed.Source;
                    known.Depth = 0;
                    known.RevisitMs = revisit;
                    frontier.Update(known.Keyed());
                    continue;
                }
                frontier.Insert(NewDoc(db, seed.Url, seed.Source, 0, "queued", now, revisit));
            }
            var due = frontier.Find(Where.Between(nameof(FrontierDoc.RevisitDue), long.MinValue, now)).ToList();
            foreach (var f in due)
            {
                f.State = "queued";
                f.NextAttemptMs = 0;
                f.Attempts = 0;
                frontier.Update(f.Keyed());
            }
            return due.Count;
        }, ct);
    }

    public Task<int> RequeueFinishedAsync(CancellationToken ct) => Change(db =>
    {
        var frontier = db.Frontier();
        var finished = frontier.Find(Where.In(nameof(FrontierDoc.State), "done", "failed")).ToList();
        foreach (var f in finished)
        {
            f.State = "queued";
            f.Attempts = 0;
            f.NextAttemptMs = 0;
            frontier.Update(f.Keyed());
        }
        return finished.Count;
    }, ct);

    public Task<DateTimeOffset?> NextRevisitAsync(CancellationToken ct) => _host.RunAsync(db =>
    {
        var due = db.Frontier().Find(Where.Between(nameof(FrontierDoc.RevisitDue), long.MinValue, long.MaxValue)).Select(f => f.RevisitDue).Min();
        return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
    }).WaitAsync(ct);

    public Task<IReadOnlyDictionary<FrontierState, long>> CountsAsync(CancellationToken ct) => _host.RunAsync<IReadOnlyDictionary<FrontierState, long>>(db =>
    {
        var counts = new Dictionary<FrontierState, long>();
        foreach (var state in new[] { "queued", "in_flight", "done", "failed" })
        {
            var n = db.Frontier().LongCount(Where.Eq(nameof(FrontierDoc.State), state));
            if (n > 0) counts[FrontierColumns.ParseState(state)] = n;
        }
        return counts;
    }).WaitAsync(ct);

    // ---- ICrawlFrontier ----

    public Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return Task.FromResult<IReadOnlyCollection<string>>([]);
        return Change<IReadOnlyCollection<string>>(db => InsertLinks(db, entries), ct);
    }

    public Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct) => _host.RunAsync<IReadOnlyCollection<string>>(db =>
        db.Frontier().Find(Where.Eq(nameof(FrontierDoc.State), "queued")).Select(f => f.Host).Distinct(StringComparer.Ordinal).ToList()).WaitAsync(ct);

    public Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct) => Change(db =>
    {
        var frontier = db.Frontier();
        var nowMs = now.ToUnixTimeMilliseconds();
        // The claim index orders a host's queued URLs by depth, then discovery: the first one due is the next.
        var next = frontier.Find(Where.StartsWith(nameof(FrontierDoc.Claim), FrontierDoc.ClaimPrefix(host))).FirstOrDefault(f => f.NextAttemptMs <= nowMs);
        if (next is null) return null;
        next.State = "in_flight";
        next.LeasedMs = nowMs;
        frontier.Update(next.Keyed());
        return new FrontierItem(new Uri(next.Url), next.Depth, next.Source, next.Attempts, next.ETag, next.LastModified, next.ContentHash);
    }, ct);

    public Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct) => _host.RunAsync(db =>
    {
        var due = db.Frontier().Find(Where.StartsWith(nameof(FrontierDoc.Claim), FrontierDoc.ClaimPrefix(host))).Select(f => (long?)f.NextAttemptMs).Min();
        return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
    }).WaitAsync(ct);

    public Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct) => Change(db =>
    {
        var frontier = db.Frontier();
        if (frontier.FindById(canonical.AbsoluteUri) is not null) return false;
        var now = NowMs();
        var doc = NewDoc(db, canonical, via.Source, via.Depth, "in_flight", now, null);
        doc.LeasedMs = now;
        frontier.Insert(doc.Keyed());
        return true;
    }, ct);

    public Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct) => Change(db =>
    {
        ArgumentNullException.ThrowIfNull(item);
        InsertLinks(db, links);
        Finish(db, item.Url, item.Attempts + 1, outcome);
        return true;
    }, ct);

    /// <summary>Marks a fetched page done inside the caller's unit of work, on the store thread.</summary>
    internal void FinishPage(LiteDatabase db, FetchedPage page) => Finish(db, page.Url, null, page);

    public Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct) => Change(db =>
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(failure);
        var frontier = db.Frontier();
        if (frontier.FindById(item.Url.AbsoluteUri) is not { } f) return false;
        f.State = "queued";
        f.Attempts = item.Attempts + 1;
        f.NextAttemptMs = due.ToUnixTimeMilliseconds();
        f.LeasedMs = null;
        f.Status = failure.Status;
        f.ErrorClass = failure.ErrorClass;
        f.Message = failure.Message;
        return frontier.Update(f.Keyed());
    }, ct);

    // ---- source runs and status ----

    public Task<long> StartRunAsync(string source, CancellationToken ct) => Change(db =>
        db.Runs().Insert(new RunDoc { Source = source, StartedAt = FrontierColumns.Timestamp(_clock.GetUtcNow()) }).AsInt64, ct);

    public Task UpdateRunAsync(long runId, SourceRunCounts counts, bool finished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Change(db =>
        {
            var runs = db.Runs();
            if (runs.FindById(runId) is not { } run) return false;
            run.Pages = counts.Pages;
            run.NewArticles = counts.NewArticles;
            run.Failures = counts.FailuresByClass.Values.Sum();
            run.FailuresByClass = new Dictionary<string, long>(counts.FailuresByClass, StringComparer.Ordinal);
            run.LastNewArticleAt = counts.LastNewArticleAt is { } l ? FrontierColumns.Timestamp(l) : null;
            if (finished) run.FinishedAt = FrontierColumns.Timestamp(_clock.GetUtcNow());
            return runs.Update(run);
        }, ct);
    }

    public Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken ct) => _host.RunAsync<IReadOnlyList<SourceStatus>>(db =>
    {
        var list = new List<SourceStatus>();
        foreach (var group in db.Runs().FindAll().GroupBy(r => r.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var last = group.MaxBy(r => r.Id)!;
            var failed = db.Frontier().Find(Where.Eq(nameof(FrontierDoc.Source), group.Key)).Where(f => f.State == "failed")
                .GroupBy(f => f.ErrorClass ?? "unknown", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            list.Add(new SourceStatus(group.Key, group.Select(r => FrontierColumns.ParseTime(r.StartedAt)).Max(), FrontierColumns.ParseTime(last.FinishedAt),
                last.Pages, last.NewArticles, group.Sum(r => r.Pages), group.Sum(r => r.NewArticles),
                group.Select(r => FrontierColumns.ParseTime(r.LastNewArticleAt)).Max(), failed)
            {
                LastRunFailuresByClass = new Dictionary<string, long>(last.FailuresByClass, StringComparer.Ordinal),
                Queue = QueueOf(db, group.Key),
            });
        }
        return list;
    }).WaitAsync(ct);

    /// <summary>A source's URLs still to fetch (queued, or left in flight by a crawl that died) and when they fall due.</summary>
    private SourceQueue QueueOf(LiteDatabase db, string source)
    {
        var now = NowMs();
        var left = db.Frontier().Find(Where.Eq(nameof(FrontierDoc.Source), source)).Where(f => f.State is "queued" or "in_flight").ToList();
        if (left.Count == 0) return SourceQueue.Empty;
        var later = left.Where(f => f.NextAttemptMs > now).Select(f => f.NextAttemptMs).ToList();
        return new SourceQueue(left.Count, left.Count - later.Count,
            later.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(later.Min()),
            DateTimeOffset.FromUnixTimeMilliseconds(left.Max(f => f.NextAttemptMs)));
    }

    // ---- helpers ----

    private Task<T> Change<T>(Func<LiteDatabase, T> change, CancellationToken ct) => _host.ChangeAsync(change).WaitAsync(ct);

    private FrontierDoc NewDoc(LiteDatabase db, Uri url, string? source, int depth, string state, long now, long? revisitMs)
    {
        return new FrontierDoc
        {
            Url = url.AbsoluteUri, Host = Crawler.HostKey(url.Host), Source = source, Depth = depth, State = state,
            Seq = _counters.NextFrontierSeq(db), RevisitMs = revisitMs, DiscoveredMs = now,
        }.Keyed();
    }

    private HashSet<string> InsertLinks(LiteDatabase db, IReadOnlyList<FrontierEntry> entries)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        var frontier = db.Frontier();
        var now = NowMs();
        foreach (var e in entries)
        {
            if (frontier.FindById(e.Url.AbsoluteUri) is not null) continue;
            var doc = NewDoc(db, e.Url, e.Source, e.Depth, "queued", now, e.RevisitInterval is { } r ? (long)r.TotalMilliseconds : null);
            frontier.Insert(doc);
            hosts.Add(doc.Host);
        }
        return hosts;
    }

    /// <param name="attempts">The attempts to record; null: one more than the file holds.</param>
    private void Finish(LiteDatabase db, Uri url, int? attempts, CrawlOutcome? outcome)
    {
        var frontier = db.Frontier();
        if (frontier.FindById(url.AbsoluteUri) is not { } f) return;
        var (state, status, errorClass, message) = FrontierColumns.OfOutcome(outcome);
        var page = outcome as FetchedPage;
        var fetchedMs = (outcome?.FetchedAt ?? _clock.GetUtcNow()).ToUnixTimeMilliseconds();
        f.State = state;
        f.Attempts = attempts ?? f.Attempts + 1;
        f.LeasedMs = null;
        f.FetchedMs = fetchedMs;
        f.Status = status;
        f.ErrorClass = errorClass;
        f.Message = message;
        // An unchanged page keeps the validators and hash of the fetch that produced them.
        if (page is not null)
        {
            f.ETag = page.ETag;
            f.LastModified = page.LastModified;
            f.ContentHash = page.ContentHash;
            f.FinalUrl = page.FinalUrl.AbsoluteUri;
        }
        frontier.Update(f.Keyed());
        if (page is null || Crawler.Canonicalize(page.FinalUrl).AbsoluteUri is not { } target || target == url.AbsoluteUri) return;
        if (frontier.FindById(target) is { State: "in_flight" } redirected)
        {
            redirected.State = "done";
            redirected.LeasedMs = null;
            redirected.FetchedMs = fetchedMs;
            redirected.Status = page.Status;
            redirected.ContentHash = page.ContentHash;
            frontier.Update(redirected.Keyed());
        }
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}

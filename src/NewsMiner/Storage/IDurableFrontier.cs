using NewsMiner.Crawling;

namespace NewsMiner.Storage;

/// <summary>
/// A crawl frontier kept in the database beside the articles, with what a crawl run needs around it: the crawl lock,
/// seeding, revisits, per-source run counters and status. <see cref="FrontierStore"/> is the SQLite one (one crawl per
/// file); <see cref="PostgresFrontier"/> lets several crawler processes share one database.
/// </summary>
public interface IDurableFrontier : ICrawlFrontier, IAsyncDisposable
{
    /// <summary>
    /// Joins or takes the database's crawl lock. Returns null when this process may crawl, else who stops it. SQLite:
    /// one crawl per file. PostgreSQL: any number of crawlers join; they split the work row by row.
    /// </summary>
    Task<string?> TryLockAsync(string owner, CancellationToken ct);

    /// <summary>Sends URLs left in flight by crawls that died back to the queue (call it after <see cref="TryLockAsync"/>).</summary>
    Task<int> RequeueInFlightAsync(TimeSpan lease, CancellationToken ct);

    /// <summary>Puts start URLs in the frontier and queues the finished listing pages whose revisit interval has passed.</summary>
    Task<int> SeedAsync(IReadOnlyList<FrontierEntry> seeds, CancellationToken ct);

    /// <summary>Queues every finished URL again (--refetch).</summary>
    Task<int> RequeueFinishedAsync(CancellationToken ct);

    /// <summary>When the next finished listing page falls due for its revisit; null when none will.</summary>
    Task<DateTimeOffset?> NextRevisitAsync(CancellationToken ct);

    /// <summary>URLs per state.</summary>
    Task<IReadOnlyDictionary<FrontierState, long>> CountsAsync(CancellationToken ct);

    Task<long> StartRunAsync(string source, CancellationToken ct);

    Task UpdateRunAsync(long runId, SourceRunCounts counts, bool finished, CancellationToken ct);

    Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken ct);

    /// <summary>
    /// From now on changes join one open transaction committed after <paramref name="maxChanges"/> changes or once it
    /// is <paramref name="maxDelay"/> old. An engine whose frontier commits each change itself (PostgreSQL) ignores it.
    /// </summary>
    void StartGroupCommit(int maxChanges, TimeSpan maxDelay)
    {
    }

    /// <summary>Commits the open batch if it is at least <paramref name="olderThan"/> old.</summary>
    Task FlushAsync(TimeSpan olderThan, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Commits the open batch and goes back to one transaction per change.</summary>
    Task StopGroupCommitAsync() => Task.CompletedTask;
}

/// <summary>Opens the frontier that fits the store's database engine.</summary>
public static class DurableFrontier
{
    /// <param name="hostSpacing">
    /// PostgreSQL only: the least time between two requests to one host across every crawler process sharing the
    /// database (each process also keeps its own per-host delay). Zero: no cross-process spacing.
    /// </param>
    public static Task<IDurableFrontier> OpenAsync(INewsStore store, TimeSpan hostSpacing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.OpenFrontierAsync(hostSpacing, ct);
    }

    public static Task<IDurableFrontier> OpenAsync(INewsStore store, CancellationToken ct) => OpenAsync(store, TimeSpan.Zero, ct);
}

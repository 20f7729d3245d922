namespace NewsMiner.Crawling;

/// <summary>A URL to put in the frontier: canonical, with how it was reached.</summary>
/// <param name="Url">Canonical URL (see <see cref="Crawler.Canonicalize"/>); the frontier's key.</param>
/// <param name="Depth">Links followed from a start URL (0 for a start URL).</param>
/// <param name="Source">Name of the source the URL belongs to; links inherit the source of the page they are on.</param>
/// <param name="RevisitInterval">Listing pages are fetched again this long after their last fetch; null for article pages (fetched once).</param>
public sealed record FrontierEntry(Uri Url, int Depth, string? Source, TimeSpan? RevisitInterval = null);

/// <summary>A URL claimed for fetching, with what the last fetch of it left for a conditional GET.</summary>
public sealed record FrontierItem(
    Uri Url,
    int Depth,
    string? Source,
    int Attempts,
    string? ETag = null,
    string? LastModified = null,
    string? ContentHash = null)
{
    public string Host => Crawler.HostKey(Url.Host);
}

/// <summary>
/// The crawl's to-do list, one row per canonical URL: queued, in flight, done or failed. The crawler claims work per
/// host, so the politeness rules (one request at a time per host) never need the frontier's help. A claimed item is
/// finished only by <see cref="CompleteAsync"/> or sent back by <see cref="RetryLaterAsync"/>; an item left in flight
/// (process killed) is queued again by the next run, which is what makes a crash lose nothing.
/// </summary>
public interface ICrawlFrontier
{
    /// <summary>Adds the entries not known yet (known URLs keep their state). Returns the hosts that got new work.</summary>
    Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct);

    /// <summary>Hosts with queued URLs, due or not.</summary>
    Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct);

    /// <summary>The next queued URL of <paramref name="host"/> due by <paramref name="now"/> (shallowest first), marked in flight; null when none is due.</summary>
    Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct);

    /// <summary>When the earliest queued URL of <paramref name="host"/> is due; null when the host has no queued URL.</summary>
    Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct);

    /// <summary>
    /// Reserves a redirect target discovered while fetching <paramref name="via"/>: true when the URL was unknown (it is
    /// now in flight with that fetch), false when it is known, so the page is or was fetched under its own URL.
    /// </summary>
    Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct);

    /// <summary>
    /// Finishes a claimed item with its final outcome (null: dropped because its redirect target is fetched under its
    /// own URL) and adds the links found on the page, in one step.
    /// </summary>
    Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct);

    /// <summary>Sends a claimed item back to the queue after a transient failure, one attempt more, due at <paramref name="due"/>.</summary>
    Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct);
}

namespace NewsMiner.Crawling;

/// <summary>What a notice is about, so a front end can keep track (e.g. which hosts are still paused at the end).</summary>
public enum CrawlNoticeKind
{
    /// <summary>
    /// A host is left alone until <see cref="CrawlNotice.Until"/> (its circuit breaker opened, or its robots.txt could
    /// not be read); its URLs wait in the queue.
    /// </summary>
    HostPaused,

    /// <summary>A paused host answered again.</summary>
    HostResumed,

    /// <summary>Links of a source were not followed because they looked like a crawler trap; the message gives the reason.</summary>
    LinksCut,
}

/// <summary>
/// A decision of the crawler that the person running it should hear about while the run goes on (a paused host, a
/// trap cut off). Outcomes say what happened to each URL; notices say why whole groups of URLs were left alone.
/// </summary>
/// <param name="Host">Host key (see <see cref="Crawler.HostKey"/>).</param>
/// <param name="Source">The source the decision concerns, when it concerns one.</param>
/// <param name="Message">One line for the person running the crawl.</param>
public sealed record CrawlNotice(CrawlNoticeKind Kind, string Host, string? Source, string Message, DateTimeOffset At)
{
    /// <summary><see cref="CrawlNoticeKind.HostPaused"/>: when the host is tried again.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary><see cref="CrawlNoticeKind.LinksCut"/>: the rule that cut them (one of <see cref="TrapLimits"/>' reasons).</summary>
    public string? Reason { get; init; }

    /// <summary><see cref="CrawlNoticeKind.LinksCut"/>: links cut for this reason so far in the run.</summary>
    public int Count { get; init; }

    /// <summary>The run's closing count (sent once per source and reason when the crawl ends), not news of a first cut.</summary>
    public bool Total { get; init; }
}

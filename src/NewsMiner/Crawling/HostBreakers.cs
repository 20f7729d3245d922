namespace NewsMiner.Crawling;

/// <summary>
/// Per-host circuit breakers for one crawl run. A host's breaker opens when <see cref="CrawlOptions.BreakerThreshold"/>
/// different URLs of it failed at the connection level (refused, DNS, TLS) with no answer from the host in between;
/// one URL failing again and again, or pages that time out or reset, never open it, because those are faults of
/// pages on a host that is up. While open, nothing of the host is claimed; after the cooldown one request tries it
/// (a connection failure then reopens it at once, an answer closes it). It also tells when a host is paused for
/// another reason (robots.txt unavailable) and when a paused host answers again. Used by the crawler loop only.
/// </summary>
internal sealed class HostBreakers(CrawlOptions options, TimeProvider time)
{
    private readonly Dictionary<string, HashSet<string>> _failingUrls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _halfOpen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paused = new(StringComparer.Ordinal);

    /// <summary>Records a connection-level failure; returns when the host may be tried again if this opened its breaker.</summary>
    public DateTimeOffset? Failed(string host, FetchFailure failure)
    {
        if (!_failingUrls.TryGetValue(host, out var urls)) _failingUrls[host] = urls = new HashSet<string>(StringComparer.Ordinal);
        urls.Add(failure.Url.AbsoluteUri);
        if (!_halfOpen.Contains(host) && urls.Count < options.BreakerThreshold) return null;
        var count = urls.Count;
        urls.Clear();
        _halfOpen.Add(host);
        var until = time.GetUtcNow() + TimeSpan.FromMilliseconds(options.BreakerCooldownMs);
        Paused(host, until, $"{count} different URL(s) failed to connect ({failure.ErrorClass}: {failure.Message})");
        return until;
    }

    /// <summary>Says that <paramref name="host"/> is left alone until <paramref name="until"/>, and why.</summary>
    public void Paused(string host, DateTimeOffset until, string why)
    {
        _paused.Add(host);
        options.Notices?.Report(new CrawlNotice(CrawlNoticeKind.HostPaused, host, null,
            $"host {host} paused until {until.ToLocalTime():HH:mm:ss}: {why}; its URLs stay queued", time.GetUtcNow()) { Until = until });
    }

    /// <summary>The host answered (any HTTP status): it is reachable, whatever its pages do.</summary>
    public void Answered(string host)
    {
        _failingUrls.Remove(host);
        _halfOpen.Remove(host);
        if (!_paused.Remove(host)) return;
        options.Notices?.Report(new CrawlNotice(CrawlNoticeKind.HostResumed, host, null, $"host {host} answers again", time.GetUtcNow()));
    }
}

using System.Text.RegularExpressions;

namespace NewsMiner.Crawling;

/// <summary>
/// What one source lets the crawler follow: its hosts, which URLs are articles and which are listings (both are
/// followed; listings are revisited on <see cref="RevisitInterval"/>), how deep and how fast.
/// </summary>
public sealed record CrawlScope(string Name)
{
    /// <summary>Hosts whose links are followed ("www." and case ignored).</summary>
    public IReadOnlyCollection<string> AllowedHosts { get; init; } = [];

    /// <summary>When not empty, only links matching an article or a listing pattern are followed.</summary>
    public IReadOnlyList<Regex> ArticlePatterns { get; init; } = [];

    public IReadOnlyList<Regex> ListingPatterns { get; init; } = [];

    public int MaxDepth { get; init; } = int.MaxValue;

    /// <summary>Start URLs and listing pages are fetched again this long after their last fetch; null: never.</summary>
    public TimeSpan? RevisitInterval { get; init; }

    /// <summary>Pages fetched for this source per run; null: only the crawl-wide budget.</summary>
    public int? MaxPages { get; init; }

    /// <summary>Overrides <see cref="CrawlOptions.DelayMs"/> for this source's hosts.</summary>
    public int? DelayMs { get; init; }

    /// <summary>The frontier entry for a link found at <paramref name="depth"/> - 1, or null when the source does not follow it.</summary>
    public FrontierEntry? Admit(Uri canonical, int depth)
    {
        if (depth > MaxDepth) return null;
        var host = Crawler.HostKey(canonical.Host);
        if (!AllowedHosts.Any(h => Crawler.HostKey(h) == host)) return null;
        var url = canonical.AbsoluteUri;
        var isListing = ListingPatterns.Any(p => p.IsMatch(url));
        if (!isListing && ArticlePatterns.Count + ListingPatterns.Count > 0 && !ArticlePatterns.Any(p => p.IsMatch(url))) return null;
        return new FrontierEntry(canonical, depth, Name, isListing ? RevisitInterval : null);
    }
}

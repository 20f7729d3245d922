using NewsMiner.Crawling;

namespace NewsMiner;

/// <summary>
/// Which source a URL belongs to: the source whose start URL, on the same host, shares the longest path with it. One
/// lookup gives the source's name (for its run counters) and its province (for the miner), built once per crawl.
/// </summary>
public sealed class SourceLookup
{
    private readonly Dictionary<string, List<(string Path, CrawlSource Source)>> _byHost = new(StringComparer.Ordinal);

    public SourceLookup(IReadOnlyList<CrawlSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            foreach (var start in source.StartUrls)
            {
                var host = Crawler.HostKey(start.Host);
                if (!_byHost.TryGetValue(host, out var starts)) _byHost[host] = starts = [];
                starts.Add((start.AbsolutePath, source));
            }
        }
    }

    /// <summary>The source of <paramref name="url"/>, or null when no source starts on its host.</summary>
    public CrawlSource? Find(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!_byHost.TryGetValue(Crawler.HostKey(url.Host), out var starts)) return null;
        CrawlSource? best = null;
        var bestLength = -1;
        foreach (var (path, source) in starts)
        {
            var length = CommonPrefix(path, url.AbsolutePath);
            if (length > bestLength)
            {
                best = source;
                bestLength = length;
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

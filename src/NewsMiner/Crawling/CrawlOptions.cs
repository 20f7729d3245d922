namespace NewsMiner.Crawling;

/// <summary>
/// Settings for one crawl, fixed once the <see cref="Crawler"/> is built. Every default lives in a constant below so
/// the CLI help and the docs can point at one place.
/// </summary>
public sealed record CrawlOptions
{
    public const int DefaultMaxPages = 200;
    public const int DefaultDelayMs = 1000;
    public const int DefaultMaxConcurrency = 4;
    public const int DefaultTimeoutMs = 20_000;
    public const long DefaultMaxBodyBytes = 10L * 1024 * 1024;
    public const int DefaultMaxRedirects = 5;
    public const string DefaultProduct = "NewsMiner/0.1";
    public const string DefaultContactUrl = "https://github.com/newsminer";

    /// <summary>Seeds of the breadth-first walk; they are fetched even when their host is not in <see cref="AllowedHosts"/>.</summary>
    public IReadOnlyList<Uri> StartUrls { get; init; } = [];

    /// <summary>Upper bound on URLs fetched (successes and failures alike), so a crawl's network cost is bounded.</summary>
    public int MaxPages { get; init; } = DefaultMaxPages;

    /// <summary>Pause between the end of one request to a host and the start of the next request to that host.</summary>
    public int DelayMs { get; init; } = DefaultDelayMs;

    /// <summary>Requests in flight across all hosts; a single host never has more than one.</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>Budget for one request: connecting, waiting for headers and reading the body.</summary>
    public int TimeoutMs { get; init; } = DefaultTimeoutMs;

    /// <summary>Decoded (decompressed) body size above which the download is aborted as too_large.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public int MaxRedirects { get; init; } = DefaultMaxRedirects;

    /// <summary>Where site operators can learn about the crawler; part of the default User-Agent.</summary>
    public string ContactUrl { get; init; } = DefaultContactUrl;

    /// <summary>Sent verbatim when set; otherwise built from <see cref="DefaultProduct"/> and <see cref="ContactUrl"/>.</summary>
    public string UserAgent
    {
        get => field ?? $"{DefaultProduct} (+{ContactUrl}; research crawler)";
        init;
    }

    /// <summary>
    /// Hosts whose links are followed; null means the hosts of <see cref="StartUrls"/>. Matching ignores case and a
    /// leading "www.", because provincial portals answer on both forms and link to either.
    /// </summary>
    public IReadOnlyCollection<string>? AllowedHosts { get; init; }
}

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
    public const int DefaultTimeoutMs = 30_000;
    public const long DefaultMaxBodyBytes = 10L * 1024 * 1024;
    public const int DefaultMaxRedirects = 5;

    /// <summary>
    /// A one-shot crawl waits at most this long for a URL that is not due yet (a retry, a Retry-After); anything due
    /// later stays queued in the frontier for the next run, so a host that is down never holds a cron job for hours.
    /// </summary>
    public const int DefaultMaxIdleWaitMs = 60_000;
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

    /// <summary>
    /// Total deadline of one request: connecting, waiting for headers, reading the body and following its redirects.
    /// A page that hangs or drips its body is cut here, so a host's single polite connection is never held longer
    /// by one URL (robots.txt gets its own deadline of the same length, once per host and run).
    /// </summary>
    public int TimeoutMs { get; init; } = DefaultTimeoutMs;

    /// <summary>Decoded (decompressed) body size above which the download is aborted as too_large.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public int MaxRedirects { get; init; } = DefaultMaxRedirects;

    /// <summary>Longest wait for a not-yet-due URL before the crawl ends (see <see cref="DefaultMaxIdleWaitMs"/>).</summary>
    public int MaxIdleWaitMs { get; init; } = DefaultMaxIdleWaitMs;

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

    /// <summary>Per-source rules (hosts, URL patterns, depth, delay) keyed by source name; URLs of other sources use the options above.</summary>
    public IReadOnlyDictionary<string, CrawlScope> Scopes { get; init; } = new Dictionary<string, CrawlScope>();

    /// <summary>Crawler-trap and parser-safety limits (URL length, depth, patterns, nesting).</summary>
    public TrapLimits Traps { get; init; } = TrapLimits.Default;

    /// <summary>Where the crawler says why it leaves hosts or links alone (breaker open, trap cut); null: nowhere.</summary>
    public IProgress<CrawlNotice>? Notices { get; init; }

    /// <summary>Fetch and obey robots.txt (off only for benchmarks and tests of other behaviour).</summary>
    public bool RespectRobots { get; init; } = true;

    /// <summary>Requests in flight per host. Politeness means 1; only benchmarks on loopback raise it.</summary>
    public int ConnectionsPerHost { get; init; } = 1;

    /// <summary>Attempts per URL for transient server answers (429, 408, 5xx) and refused connections before it is failed for good.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>
    /// Attempts per URL for page faults (timeout, reset, bad body): fewer than <see cref="MaxAttempts"/>, because a
    /// page that hung once holds the host's connection for a whole deadline each time. Never more than MaxAttempts.
    /// </summary>
    public int MaxPageFaultAttempts { get; init; } = DefaultMaxPageFaultAttempts;

    /// <summary>First retry delay; doubled per attempt with ±50 % jitter, capped by <see cref="MaxRetryDelayMs"/>.</summary>
    public int RetryBaseDelayMs { get; init; } = DefaultRetryBaseDelayMs;

    /// <summary>Cap on a retry delay, Retry-After included: a server asking for a day is retried in an hour.</summary>
    public int MaxRetryDelayMs { get; init; } = DefaultMaxRetryDelayMs;

    /// <summary>
    /// Different URLs of one host failing at the connection level (dns, connect, tls) with no answer from the host in
    /// between that open its circuit breaker. Timeouts, resets and bad bodies are faults of a page, not of the host.
    /// </summary>
    public int BreakerThreshold { get; init; } = DefaultBreakerThreshold;

    /// <summary>How long an open breaker keeps a host alone before one request tries it again.</summary>
    public int BreakerCooldownMs { get; init; } = DefaultBreakerCooldownMs;

    /// <summary>How long a host whose robots.txt answered 5xx (or not at all) is left alone.</summary>
    public int RobotsRetryDelayMs { get; init; } = DefaultRobotsRetryDelayMs;

    /// <summary>
    /// After a stop is asked (the crawl's token cancelled), how long requests already in flight may run to finish and
    /// be handed out; 0 cancels them at once. The CLI gives them <see cref="DefaultStopGraceMs"/> on Ctrl+C / SIGTERM.
    /// </summary>
    public int StopGraceMs { get; init; }

    public const int DefaultStopGraceMs = 10_000;

    public const int DefaultMaxAttempts = 4;
    public const int DefaultMaxPageFaultAttempts = 2;
    public const int DefaultRetryBaseDelayMs = 2000;
    public const int DefaultMaxRetryDelayMs = 3_600_000;
    public const int DefaultBreakerThreshold = 5;
    public const int DefaultBreakerCooldownMs = 300_000;
    public const int DefaultRobotsRetryDelayMs = 900_000;

    /// <summary>The product token matched against robots.txt user-agent lines.</summary>
    public const string RobotsToken = "newsminer";
}

namespace NewsMiner.SampleSite.Faults;

/// <summary>
/// How hard the fault site hits. The defaults are the site (40 good articles, a page answering after 45 s, a
/// body dripping a few bytes a second, 60 MB bodies); tests shrink the slow parts to fit their short deadlines.
/// </summary>
public sealed record FaultSiteOptions
{
    public int GoodArticles { get; init; } = 40;

    /// <summary>How long the hanging page waits before it answers.</summary>
    public int SlowAnswerMs { get; init; } = 45_000;

    /// <summary>How fast the dripping page sends its body.</summary>
    public int DripBytesPerSecond { get; init; } = 4;

    /// <summary>How long robots.txt of the main host takes to answer.</summary>
    public int RobotsDelayMs { get; init; } = 2_000;

    public long HugeBodyBytes { get; init; } = 60L * 1024 * 1024;

    /// <summary>Decompressed size of the gzip bomb (sent as about a thousandth of that).</summary>
    public long GzipBombBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Nesting of the deeply nested page.</summary>
    public int NestingDepth { get; init; } = 5_000;

    /// <summary>Retry-After (seconds) of the pages that refuse once.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Serve the second host (localhost: robots.txt answering 500, then garbage) and its articles.</summary>
    public bool SiblingHost { get; init; } = true;

    /// <summary>Articles on the sibling host.</summary>
    public int SiblingArticles { get; init; } = 3;
}

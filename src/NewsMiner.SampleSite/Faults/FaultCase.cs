namespace NewsMiner.SampleSite.Faults;

/// <summary>What a crawl that handles a fault well ends with for its URL.</summary>
public enum FaultExpectation
{
    /// <summary>The page's article is stored once, within the run (after retries where the fault was passing).</summary>
    Article,

    /// <summary>The URL ends failed with <see cref="FaultCase.ErrorClass"/>; nothing is stored from it.</summary>
    Failure,

    /// <summary>The URL is fetched (once) and yields no article and no failure.</summary>
    NoArticle,

    /// <summary>The URL never becomes a request (robots, scope, trap or scheme rules).</summary>
    NeverRequested,

    /// <summary>The URL is still queued when a one-shot run ends (the server asked to come back much later).</summary>
    Queued,

    /// <summary>A robots.txt fault: the file is read (again, after a 5xx) and obeyed, and the host's articles are stored.</summary>
    Robots,
}

/// <summary>One fault the site injects: its kind, the URL path that shows it, and what the crawler should make of it.</summary>
/// <param name="Kind">Short name, e.g. "503_once".</param>
/// <param name="Path">Path and query on the site (the sibling host's cases start with "//localhost").</param>
/// <param name="ErrorClass">For <see cref="FaultExpectation.Failure"/>: the error class stored for the URL.</param>
/// <param name="Slow">The page holds the connection until the client's deadline cuts it.</param>
public sealed record FaultCase(string Kind, string Path, FaultExpectation Expect, string? ErrorClass, string Description, bool Slow = false)
{
    /// <summary>A page the crawler can get right within one run (its article stored), even if it fails at first.</summary>
    public bool Recoverable => Expect == FaultExpectation.Article;
}

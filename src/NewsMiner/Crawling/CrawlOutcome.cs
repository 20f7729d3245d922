namespace NewsMiner.Crawling;

/// <summary>What the crawler learned about one URL: a page or a classified failure.</summary>
public abstract record CrawlOutcome(Uri Url, DateTimeOffset FetchedAt);

/// <summary>
/// An HTML page as fetched. <paramref name="Html"/> is the decoded body in Unicode NFC (legacy Vietnamese code pages
/// such as windows-1258 store tones as combining marks); <paramref name="ContentHash"/> is the lower-case SHA-256 hex
/// of the body bytes exactly as received after transfer decompression, so re-fetches can be compared cheaply.
/// </summary>
public sealed record FetchedPage(
    Uri Url,
    Uri FinalUrl,
    int Status,
    string ContentType,
    string Html,
    string ContentHash,
    DateTimeOffset FetchedAt,
    long DurationMs) : CrawlOutcome(Url, FetchedAt)
{
    /// <summary>Validators for the next conditional GET.</summary>
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The body hashes the same as on the last fetch of this URL: nothing to extract again.</summary>
    public bool SameAsLastFetch { get; init; }

    /// <summary>"tcvn3" or "vni" when the text is in a legacy Vietnamese font encoding (reads as gibberish in Unicode).</summary>
    public string? LegacyEncoding { get; init; }
}

/// <summary>A revisit answered 304 Not Modified (or with the same body hash): the stored result stands.</summary>
public sealed record UnchangedPage(Uri Url, int Status, DateTimeOffset FetchedAt) : CrawlOutcome(Url, FetchedAt);

/// <summary>A URL that yielded no usable page; <paramref name="ErrorClass"/> is one of <see cref="FetchErrorClass"/>.</summary>
public sealed record FetchFailure(
    Uri Url,
    string ErrorClass,
    string Message,
    int? Status,
    DateTimeOffset FetchedAt) : CrawlOutcome(Url, FetchedAt)
{
    /// <summary>What the server asked for in Retry-After (429/503), already converted to a delay.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Attempts made on this URL including this one.</summary>
    public int Attempt { get; init; } = 1;
}

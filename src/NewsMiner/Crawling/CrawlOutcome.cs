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
    long DurationMs) : CrawlOutcome(Url, FetchedAt);

/// <summary>A URL that yielded no usable page; <paramref name="ErrorClass"/> is one of <see cref="FetchErrorClass"/>.</summary>
public sealed record FetchFailure(
    Uri Url,
    string ErrorClass,
    string Message,
    int? Status,
    DateTimeOffset FetchedAt) : CrawlOutcome(Url, FetchedAt);

namespace NewsMiner.Extraction;

/// <summary>Settings of <see cref="ArticleExtractor"/>; immutable so one extractor can serve many threads.</summary>
public sealed record ExtractionOptions
{
    /// <summary>
    /// The crawl instant. Page headers print today's date, and a date later than this is a typo or a template token,
    /// so both are judged against it. Null means "ask <see cref="TimeProvider"/>".
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Clock used when <see cref="Now"/> is null; injectable so tests stay deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// A text that begins with a leaked transport exception is a failed fetch (the crawler should retry), so by
    /// default it yields an Error. When true, plain text that has a real article after the exception message is
    /// returned without the message and with a "transport_error" drop. HTML input always fails.
    /// </summary>
    public bool SalvageAfterTransportError { get; init; }

    /// <summary>Fewer characters of kept text than this is treated as an empty page.</summary>
    public int MinTextChars { get; init; } = 80;

    /// <summary>How many characters of each dropped block are kept in <see cref="DroppedBlock.Text"/>.</summary>
    public int DroppedPreviewChars { get; init; } = 80;

    /// <summary>Site profiles consulted by host; null means the built-in data/sites files, <see cref="SiteProfiles.None"/> none.</summary>
    public SiteProfiles? SiteProfiles { get; init; }

    internal DateTimeOffset ResolveNow() => Now ?? TimeProvider.GetUtcNow();
}

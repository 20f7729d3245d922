namespace NewsMiner.Crawling;

/// <summary>
/// Bounds that keep a crawl out of crawler traps (infinite calendars, faceted search links, paths that repeat
/// themselves, absurdly long URLs) and keep hostile pages from breaking the parsers. Every limit is on by default; a
/// link or page past one is cut with one of the reasons below, which the run reports.
/// </summary>
public sealed record TrapLimits
{
    public const string UrlTooLong = "url_too_long";
    public const string TooDeep = "too_deep";
    public const string PathTooLong = "path_too_long";
    public const string RepeatedSegment = "repeated_path_segment";
    public const string TooManyParameters = "too_many_query_parameters";
    public const string PatternLimit = "pattern_limit";

    public static TrapLimits Default { get; } = new();

    /// <summary>Links longer than this (characters, after resolving) are never requested; real article URLs stay far below.</summary>
    public int MaxUrlLength { get; init; } = 2048;

    /// <summary>Link depth for a source that sets none (a calendar's "next day" or a growing path goes one level deeper per page).</summary>
    public int DefaultMaxDepth { get; init; } = 40;

    public int MaxPathSegments { get; init; } = 15;

    /// <summary>A path naming one segment more often than this (/a/b/a/b/a/b) is a relative-link loop.</summary>
    public int MaxSegmentRepeats { get; init; } = 2;

    /// <summary>More query parameters than this is a faceted-search combination, not a page of its own.</summary>
    public int MaxQueryParameters { get; init; } = 6;

    /// <summary>
    /// Per source and run, URLs with a query string admitted per pattern (the path with digit runs as '#', query
    /// values dropped): a calendar (?ngay=2024-01-01, 2024-01-02, …) or a facet (?loai=…&amp;sap-xep=…) is one pattern
    /// that never runs dry. URLs matching a source's article, listing or pagination patterns are exempt: the source
    /// asked for them.
    /// </summary>
    public int MaxUrlsPerPattern { get; init; } = 200;

    /// <summary>
    /// Element nesting kept before a page is parsed; deeper tags are dropped (their text stays). The extractor walks
    /// the tree recursively, so a page of thousands of nested elements would otherwise overflow the stack and kill
    /// the process, not just fail the page.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 256;
}

using System.Data.Common;
using System.Globalization;
using NewsMiner.Crawling;

namespace NewsMiner.Storage;

/// <summary>How the frontier tables spell states and times; both engines' frontiers read and write them the same way.</summary>
internal static class FrontierColumns
{
    public static string Timestamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    public static FrontierState ParseState(string s) => s switch
    {
        "queued" => FrontierState.Queued,
        "in_flight" => FrontierState.InFlight,
        "done" => FrontierState.Done,
        "failed" => FrontierState.Failed,
        _ => throw new StoreException($"Unknown frontier state '{s}'"),
    };

    /// <summary>The columns a finished fetch writes: state, HTTP status, error class and message.</summary>
    public static (string State, int? Status, string? ErrorClass, string? Message) OfOutcome(CrawlOutcome? outcome) => outcome switch
    {
        FetchFailure f => ("failed", f.Status, f.ErrorClass, f.Message),
        FetchedPage p => ("done", p.Status, null, null),
        UnchangedPage u => ("done", u.Status, null, null),
        _ => ("done", null, null, "redirects to a page fetched under its own URL"),
    };

    /// <summary>Per source: first run, totals, the latest run's end and counts (read by <see cref="ReadSourceStatus"/>).</summary>
    public const string SourceStatusSql = """
        SELECT r.source, max(r.started_at), sum(r.pages), sum(r.new_articles), max(r.last_new_article_at),
            (SELECT finished_at FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1),
            (SELECT pages FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1),
            (SELECT new_articles FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1),
            (SELECT failures_by_class FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1)
        FROM source_runs r GROUP BY r.source ORDER BY r.source
        """;

    /// <summary>
    /// One source's URLs still to fetch (queued, or left in flight by a crawl that died) and when they fall due
    /// (parameters @s: source, @now: Unix ms); read by <see cref="ReadQueue"/>. "@" names work in both engines.
    /// </summary>
    public const string SourceQueueSql = """
        SELECT count(*), coalesce(sum(CASE WHEN next_attempt_ms <= @now THEN 1 ELSE 0 END), 0),
            min(CASE WHEN next_attempt_ms > @now THEN next_attempt_ms END), max(next_attempt_ms)
        FROM frontier WHERE source = @s AND state IN ('queued', 'in_flight')
        """;

    public static SourceQueue ReadQueue(DbDataReader r) =>
        new(Count(r, 0), Count(r, 1), r.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Count(r, 2)),
            r.IsDBNull(3) || Count(r, 0) == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(Count(r, 3)));

    /// <summary>One row of <see cref="SourceStatusSql"/>; sums come back as long in SQLite and numeric in PostgreSQL.</summary>
    public static SourceStatus ReadSourceStatus(DbDataReader r) =>
        new(r.GetString(0), ParseTime(Text(r, 1)), ParseTime(Text(r, 5)), Count(r, 6), Count(r, 7), Count(r, 2), Count(r, 3),
            ParseTime(Text(r, 4)), new Dictionary<string, long>())
        {
            LastRunFailuresByClass = Text(r, 8) is { } json
                ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? []
                : new Dictionary<string, long>(),
        };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long Count(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}

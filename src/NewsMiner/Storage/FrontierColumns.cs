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
}

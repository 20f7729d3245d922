using System.Globalization;
using NewsMiner.Crawling;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>
/// Collects the crawler's notices during a run: prints each new one at once (a paused host, the first link cut by a
/// trap rule), and keeps what the summary needs at the end (hosts still paused, links cut per source and reason).
/// </summary>
public sealed class CrawlNotices(Action<string> print) : IProgress<CrawlNotice>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _paused = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Reason), int> _cut = [];

    public void Report(CrawlNotice value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            switch (value.Kind)
            {
                case CrawlNoticeKind.HostPaused:
                    _paused[value.Host] = value.Until ?? value.At;
                    break;
                case CrawlNoticeKind.HostResumed:
                    _paused.Remove(value.Host);
                    break;
                case CrawlNoticeKind.LinksCut:
                    var key = (value.Source ?? "", value.Reason ?? "");
                    _cut[key] = Math.Max(_cut.GetValueOrDefault(key), value.Count);
                    break;
            }
        }
        if (!value.Total) print(value.Message);
    }

    /// <summary>Hosts whose breaker was still open when the run ended, with when they are tried again.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Paused
    {
        get
        {
            lock (_gate) return new Dictionary<string, DateTimeOffset>(_paused);
        }
    }

    /// <summary>Links cut in the run per source ("" for none) and reason.</summary>
    public IReadOnlyDictionary<(string Source, string Reason), int> Cut
    {
        get
        {
            lock (_gate) return new Dictionary<(string, string), int>(_cut);
        }
    }
}

/// <summary>The end of a crawl's output: per source what the run did and what is left, paused hosts, traps cut.</summary>
public static class CrawlSummary
{
    /// <returns>URLs the crawled sources still have queued.</returns>
    public static async Task<long> WriteAsync(TextWriter output, NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlNotices notices, bool stopped)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(notices);
        var names = sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<SourceStatus> rows;
        await using (var frontier = await DurableFrontier.OpenAsync(store, CancellationToken.None).ConfigureAwait(false))
            rows = [.. (await frontier.StatusAsync(CancellationToken.None).ConfigureAwait(false)).Where(r => names.Contains(r.Source))];
        foreach (var row in rows) output.WriteLine("  " + SourceLine(row, row.LastRunFailuresByClass));
        foreach (var (host, until) in notices.Paused.OrderBy(p => p.Key, StringComparer.Ordinal))
            output.WriteLine($"  host {host}: paused until {Time(until)} (circuit breaker open, or robots.txt unavailable); its URLs stay queued");
        foreach (var group in notices.Cut.GroupBy(c => c.Key.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var reasons = string.Join(", ", group.OrderBy(c => c.Key.Reason, StringComparer.Ordinal).Select(c => $"{c.Key.Reason} {c.Value}"));
            output.WriteLine($"  {(group.Key.Length == 0 ? "links" : group.Key + ":")} cut as crawler traps: {reasons}");
        }
        var left = rows.Sum(r => r.Queue.Queued);
        if (left > 0)
        {
            output.WriteLine($"Work left: {left} URL(s) still queued{(stopped ? "" : $" (exit code {ExitCodes.WorkLeft})")}; " +
                "run the same command again when they are due, or use --watch.");
        }
        return left;
    }

    /// <summary>"name: 41 fetched, 38 stored; failed: reset 1, timeout 2; 3 still queued (1 due now, 2 due 23:14:05 to 23:20:00)".</summary>
    public static string SourceLine(SourceStatus row, IReadOnlyDictionary<string, long> failures)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(failures);
        var failed = failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
        return $"{row.Source}: {row.LastRunPages} fetched, {row.LastRunNewArticles} stored; failed: {failed}; {Queued(row.Queue)}";
    }

    public static string Queued(SourceQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (queue.Queued == 0) return "nothing queued";
        var parts = new List<string>();
        if (queue.DueNow > 0) parts.Add($"{queue.DueNow} due now");
        var later = queue.Queued - queue.DueNow;
        if (later > 0 && queue.NextDue is { } next)
            parts.Add(queue.LastDue is { } last && last > next ? $"{later} due {Time(next)} to {Time(last)}" : $"{later} due {Time(next)}");
        return $"{queue.Queued} still queued ({string.Join(", ", parts)})";
    }

    private static string Time(DateTimeOffset t)
    {
        var local = t.ToLocalTime();
        var format = local.Date == DateTimeOffset.Now.Date ? "HH:mm:ss" : "yyyy-MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }
}

namespace NewsMiner.Crawling;

/// <summary>
/// A frontier that lives and dies with one crawl: for single runs, tests and tools that keep no database. Thread-safe,
/// because the crawler's fetch tasks reserve redirect targets while the crawl loop claims work.
/// </summary>
public sealed class MemoryFrontier : ICrawlFrontier
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<Row>> _queuedByHost = new(StringComparer.Ordinal);
    private long _sequence;

    private sealed class Row(FrontierEntry entry, string host, long sequence)
    {
        public FrontierEntry Entry { get; } = entry;
        public string Host { get; } = host;
        public long Sequence { get; } = sequence;
        public int Attempts { get; set; }
        public DateTimeOffset Due { get; set; } = DateTimeOffset.MinValue;
        public FrontierState State { get; set; } = FrontierState.Queued;
    }

    /// <summary>How many URLs are in each state; for tests and progress.</summary>
    public IReadOnlyDictionary<FrontierState, int> Counts()
    {
        lock (_gate) return _rows.Values.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
    }

    public Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (_rows.ContainsKey(entry.Url.AbsoluteUri)) continue;
                var row = new Row(entry, Crawler.HostKey(entry.Url.Host), _sequence++);
                _rows[entry.Url.AbsoluteUri] = row;
                Queue(row);
                hosts.Add(row.Host);
            }
        }
        return Task.FromResult<IReadOnlyCollection<string>>(hosts);
    }

    public Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct)
    {
        lock (_gate) return Task.FromResult<IReadOnlyCollection<string>>(_queuedByHost.Where(h => h.Value.Count > 0).Select(h => h.Key).ToList());
    }

    public Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_queuedByHost.TryGetValue(host, out var queue)) return Task.FromResult<FrontierItem?>(null);
            // Breadth first: the set is ordered by depth, then discovery; only retried rows can be not yet due.
            Row? best = null;
            foreach (var row in queue)
            {
                if (row.Due > now) continue;
                best = row;
                break;
            }
            if (best is null) return Task.FromResult<FrontierItem?>(null);
            queue.Remove(best);
            best.State = FrontierState.InFlight;
            return Task.FromResult<FrontierItem?>(new FrontierItem(best.Entry.Url, best.Entry.Depth, best.Entry.Source, best.Attempts));
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_queuedByHost.TryGetValue(host, out var queue) && queue.Count > 0 ? queue.Min(r => r.Due) : (DateTimeOffset?)null);
        }
    }

    public Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_rows.ContainsKey(canonical.AbsoluteUri)) return Task.FromResult(false);
            _rows[canonical.AbsoluteUri] = new Row(new FrontierEntry(canonical, via.Depth, via.Source), Crawler.HostKey(canonical.Host), _sequence++)
            {
                State = FrontierState.InFlight,
            };
            return Task.FromResult(true);
        }
    }

    public async Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct)
    {
        await AddAsync(links, ct).ConfigureAwait(false);
        lock (_gate)
        {
            var state = outcome is FetchFailure ? FrontierState.Failed : FrontierState.Done;
            if (_rows.TryGetValue(item.Url.AbsoluteUri, out var row)) row.State = state;
            if (outcome is FetchedPage page && _rows.TryGetValue(Crawler.Canonicalize(page.FinalUrl).AbsoluteUri, out var target)
                && target.State == FrontierState.InFlight)
                target.State = state;
        }
    }

    public Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(item.Url.AbsoluteUri, out var row))
            {
                row.Attempts = item.Attempts + 1;
                row.Due = due;
                Queue(row);
            }
        }
        return Task.CompletedTask;
    }

    private void Queue(Row row)
    {
        row.State = FrontierState.Queued;
        if (!_queuedByHost.TryGetValue(row.Host, out var queue)) _queuedByHost[row.Host] = queue = new SortedSet<Row>(BreadthFirst.Instance);
        queue.Add(row);
    }

    private sealed class BreadthFirst : IComparer<Row>
    {
        public static readonly BreadthFirst Instance = new();

        public int Compare(Row? x, Row? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var byDepth = x.Entry.Depth.CompareTo(y.Entry.Depth);
            return byDepth != 0 ? byDepth : x.Sequence.CompareTo(y.Sequence);
        }
    }
}

/// <summary>Where a URL is in its life; stored as the lower-case names in <see cref="FrontierStates"/>.</summary>
public enum FrontierState
{
    Queued,
    InFlight,
    Done,
    Failed,
}

public static class FrontierStates
{
    public static string ToName(this FrontierState state) => state switch
    {
        FrontierState.Queued => "queued",
        FrontierState.InFlight => "in_flight",
        FrontierState.Done => "done",
        FrontierState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsMiner.Crawling;

namespace NewsMiner.Storage;

/// <summary>
/// The crawl frontier in the database, next to the articles: one row per canonical URL with its state, attempts and
/// due time. Every change is one small transaction on a connection of its own (synchronous = NORMAL: in WAL mode a
/// killed process loses nothing committed, only a power cut can drop the last few), and calls are serialised because
/// the crawler's fetch tasks and its loop share this object.
/// </summary>
public sealed class FrontierStore : IDurableFrontier
{
    /// <summary>A crawl whose heartbeat is older than this is presumed dead and its lock taken over.</summary>
    public static readonly TimeSpan LockStaleAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(20);

    private readonly SqliteConnection _conn;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _holdsLock;
    private DateTimeOffset _lastHeartbeat;

    private FrontierStore(SqliteConnection conn, TimeProvider clock)
    {
        _conn = conn;
        _clock = clock;
    }

    public static async Task<FrontierStore> OpenAsync(NewsStore store, CancellationToken ct) => await OpenAsync(store, TimeProvider.System, ct).ConfigureAwait(false);

    public static async Task<FrontierStore> OpenAsync(NewsStore store, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.IsReadOnly) throw new StoreException($"Database {store.Path} was opened read-only");
        var conn = new SqliteConnection(store.ConnectionStringForFrontier);
        try
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            await ExecAsync(conn, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;", ct).ConfigureAwait(false);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new FrontierStore(conn, clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_holdsLock)
        {
            try
            {
                await ExecAsync(_conn, null, "DELETE FROM crawl_lock WHERE id = 1 AND pid = $pid AND machine = $m", CancellationToken.None,
                    ("$pid", Environment.ProcessId), ("$m", Environment.MachineName)).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // A lock left behind is taken over once its heartbeat is stale or its process is gone.
            }
        }
        await _conn.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    // ---- the crawl lock ----

    /// <summary>
    /// Takes the one-crawl-per-database lock. Returns null on success, else who holds it. A lock whose process is
    /// gone (same machine) or whose heartbeat is stale is taken over: that is the restart after a kill -9.
    /// </summary>
    public async Task<string?> TryLockAsync(string owner, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = NowMs();
            await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var cmd = Cmd(tx, "SELECT owner, pid, machine, heartbeat_ms FROM crawl_lock WHERE id = 1"))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    var (holder, pid, machine, beat) = (r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3));
                    var mine = pid == Environment.ProcessId && machine == Environment.MachineName;
                    var dead = machine == Environment.MachineName && !ProcessAlive(pid);
                    var stale = now - beat > (long)LockStaleAfter.TotalMilliseconds;
                    if (!mine && !dead && !stale) return $"{holder} (pid {pid} on {machine})";
                }
            }
            await ExecAsync(_conn, tx, """
                INSERT INTO crawl_lock (id, owner, pid, machine, heartbeat_ms) VALUES (1, $owner, $pid, $m, $now)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, machine = excluded.machine, heartbeat_ms = excluded.heartbeat_ms
                """, ct, ("$owner", owner), ("$pid", Environment.ProcessId), ("$m", Environment.MachineName), ("$now", now)).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            _holdsLock = true;
            _lastHeartbeat = _clock.GetUtcNow();
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // ---- run preparation ----

    /// <summary>
    /// Sends URLs left in flight by a crashed run back to the queue. Call it holding the lock: then no other crawl
    /// can own them, so <paramref name="lease"/> can be zero.
    /// </summary>
    public async Task<int> RequeueInFlightAsync(TimeSpan lease, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ExecAsync(_conn, null, "UPDATE frontier SET state = 'queued', leased_ms = NULL WHERE state = 'in_flight' AND coalesce(leased_ms, 0) <= $cut",
                ct, ("$cut", NowMs() - (long)lease.TotalMilliseconds)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Puts start URLs in the frontier (a known one keeps its state but takes the given source and revisit interval),
    /// then queues every finished listing page whose revisit interval has passed.
    /// </summary>
    public async Task<int> SeedAsync(IReadOnlyList<FrontierEntry> seeds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = NowMs();
            await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var cmd = Cmd(tx, """
                INSERT INTO frontier (url, host, source, depth, state, revisit_ms, discovered_ms)
                VALUES ($url, $host, $source, 0, 'queued', $revisit, $now)
                ON CONFLICT (url) DO UPDATE SET source = excluded.source, depth = 0, revisit_ms = excluded.revisit_ms
                """))
            {
                foreach (var seed in seeds)
                {
                    Bind(cmd, ("$url", seed.Url.AbsoluteUri), ("$host", Crawler.HostKey(seed.Url.Host)), ("$source", seed.Source),
                        ("$revisit", seed.RevisitInterval is { } r ? (long)r.TotalMilliseconds : null), ("$now", now));
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }
            var due = await ExecAsync(_conn, tx, """
                UPDATE frontier SET state = 'queued', next_attempt_ms = 0, attempts = 0
                WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL AND coalesce(fetched_ms, 0) + revisit_ms <= $now
                """, ct, ("$now", now)).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return due;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Queues every finished URL again (for --refetch); their validators stay, so unchanged pages cost a 304.</summary>
    public async Task<int> RequeueFinishedAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ExecAsync(_conn, null, "UPDATE frontier SET state = 'queued', attempts = 0, next_attempt_ms = 0 WHERE state IN ('done', 'failed')", ct)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>When the next finished listing page falls due for its revisit; null when none will (for --watch).</summary>
    public async Task<DateTimeOffset?> NextRevisitAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var ms = await ScalarAsync(_conn, null, "SELECT min(coalesce(fetched_ms, 0) + revisit_ms) FROM frontier WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL", ct)
                .ConfigureAwait(false);
            return ms is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>URLs per state, for progress and tests.</summary>
    public async Task<IReadOnlyDictionary<FrontierState, long>> CountsAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var counts = new Dictionary<FrontierState, long>();
            await using var cmd = Cmd(null, "SELECT state, count(*) FROM frontier GROUP BY state");
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) counts[ParseState(r.GetString(0))] = r.GetInt64(1);
            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    // ---- ICrawlFrontier ----

    public async Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            var hosts = await InsertLinksAsync(tx, entries, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return hosts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var hosts = new List<string>();
            await using var cmd = Cmd(null, "SELECT DISTINCT host FROM frontier WHERE state = 'queued'");
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) hosts.Add(r.GetString(0));
            return hosts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await MaybeHeartbeatAsync(ct).ConfigureAwait(false);
            await using var cmd = Cmd(null, """
                UPDATE frontier SET state = 'in_flight', leased_ms = $now
                WHERE url = (SELECT url FROM frontier WHERE state = 'queued' AND host = $host AND next_attempt_ms <= $now ORDER BY depth, rowid LIMIT 1)
                RETURNING url, depth, source, attempts, etag, last_modified, content_hash
                """);
            Bind(cmd, ("$host", host), ("$now", now.ToUnixTimeMilliseconds()));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
            return new FrontierItem(new Uri(r.GetString(0)), r.GetInt32(1), Str(r, 2), r.GetInt32(3), Str(r, 4), Str(r, 5), Str(r, 6));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var ms = await ScalarAsync(_conn, null, "SELECT min(next_attempt_ms) FROM frontier WHERE state = 'queued' AND host = $host", ct, ("$host", host))
                .ConfigureAwait(false);
            return ms is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = NowMs();
            return await ExecAsync(_conn, null, """
                INSERT INTO frontier (url, host, source, depth, state, leased_ms, discovered_ms) VALUES ($url, $host, $source, $depth, 'in_flight', $now, $now)
                ON CONFLICT (url) DO NOTHING
                """, ct, ("$url", canonical.AbsoluteUri), ("$host", Crawler.HostKey(canonical.Host)), ("$source", via.Source), ("$depth", via.Depth),
                ("$now", now)).ConfigureAwait(false) == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await InsertLinksAsync(tx, links, ct).ConfigureAwait(false);
            var (state, status, errorClass, message) = outcome switch
            {
                FetchFailure f => ("failed", f.Status, f.ErrorClass, f.Message),
                FetchedPage p => ("done", p.Status, (string?)null, (string?)null),
                UnchangedPage u => ("done", u.Status, null, null),
                _ => ("done", (int?)null, null, "redirects to a page fetched under its own URL"),
            };
            var page = outcome as FetchedPage;
            var fetchedMs = (outcome?.FetchedAt ?? _clock.GetUtcNow()).ToUnixTimeMilliseconds();
            // An unchanged page keeps the validators and hash of the fetch that produced them.
            await ExecAsync(_conn, tx, """
                UPDATE frontier SET state = $state, attempts = $attempts, leased_ms = NULL, fetched_ms = $fetched, status = $status,
                    error_class = $error_class, message = $message,
                    etag = CASE WHEN $page THEN $etag ELSE etag END,
                    last_modified = CASE WHEN $page THEN $last_modified ELSE last_modified END,
                    content_hash = CASE WHEN $page THEN $hash ELSE content_hash END,
                    final_url = CASE WHEN $page THEN $final ELSE final_url END
                WHERE url = $url
                """, ct, ("$state", state), ("$attempts", item.Attempts + 1), ("$fetched", fetchedMs), ("$status", status),
                ("$error_class", errorClass), ("$message", message), ("$page", page is not null), ("$etag", page?.ETag),
                ("$last_modified", page?.LastModified), ("$hash", page?.ContentHash), ("$final", page?.FinalUrl.AbsoluteUri),
                ("$url", item.Url.AbsoluteUri)).ConfigureAwait(false);
            if (page is not null && Crawler.Canonicalize(page.FinalUrl).AbsoluteUri is var target && target != item.Url.AbsoluteUri)
            {
                await ExecAsync(_conn, tx, """
                    UPDATE frontier SET state = 'done', leased_ms = NULL, fetched_ms = $fetched, status = $status, content_hash = $hash
                    WHERE url = $url AND state = 'in_flight'
                    """, ct, ("$fetched", fetchedMs), ("$status", page.Status), ("$hash", page.ContentHash), ("$url", target)).ConfigureAwait(false);
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ExecAsync(_conn, null, """
                UPDATE frontier SET state = 'queued', attempts = $attempts, next_attempt_ms = $due, leased_ms = NULL,
                    status = $status, error_class = $error_class, message = $message
                WHERE url = $url
                """, ct, ("$attempts", item.Attempts + 1), ("$due", due.ToUnixTimeMilliseconds()), ("$status", failure.Status),
                ("$error_class", failure.ErrorClass), ("$message", failure.Message), ("$url", item.Url.AbsoluteUri)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // ---- source runs and status ----

    public async Task<long> StartRunAsync(string source, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return (long)(await ScalarAsync(_conn, null, "INSERT INTO source_runs (source, started_at) VALUES ($s, $at) RETURNING id", ct,
                ("$s", source), ("$at", Timestamp(_clock.GetUtcNow()))).ConfigureAwait(false))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Records a run's counters; called as the run goes (so a killed run still shows its work) and at its end.</summary>
    public async Task UpdateRunAsync(long runId, SourceRunCounts counts, bool finished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ExecAsync(_conn, null, """
                UPDATE source_runs SET pages = $pages, new_articles = $new, failures = $failures, failures_by_class = $classes,
                    last_new_article_at = $last, finished_at = CASE WHEN $finished THEN $now ELSE finished_at END
                WHERE id = $id
                """, ct, ("$pages", counts.Pages), ("$new", counts.NewArticles), ("$failures", counts.FailuresByClass.Values.Sum()),
                ("$classes", JsonSerializer.Serialize(counts.FailuresByClass)), ("$last", counts.LastNewArticleAt is { } l ? Timestamp(l) : null),
                ("$finished", finished), ("$now", Timestamp(_clock.GetUtcNow())), ("$id", runId)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Per source: its last run, its totals over all runs, and the frontier's failed URLs by error class.</summary>
    public async Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var list = new List<SourceStatus>();
            await using (var cmd = Cmd(null, """
                SELECT r.source, max(r.started_at), sum(r.pages), sum(r.new_articles), max(r.last_new_article_at),
                    (SELECT finished_at FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1),
                    (SELECT pages FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1),
                    (SELECT new_articles FROM source_runs x WHERE x.source = r.source ORDER BY x.id DESC LIMIT 1)
                FROM source_runs r GROUP BY r.source ORDER BY r.source
                """))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    list.Add(new SourceStatus(r.GetString(0), ParseTime(Str(r, 1)), ParseTime(Str(r, 5)), r.GetInt64(6), r.GetInt64(7),
                        r.GetInt64(2), r.GetInt64(3), ParseTime(Str(r, 4)), new Dictionary<string, long>()));
                }
            }
            for (var i = 0; i < list.Count; i++)
            {
                var failures = new Dictionary<string, long>(StringComparer.Ordinal);
                await using var cmd = Cmd(null, "SELECT error_class, count(*) FROM frontier WHERE source = $s AND state = 'failed' GROUP BY error_class ORDER BY error_class");
                Bind(cmd, ("$s", list[i].Source));
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await r.ReadAsync(ct).ConfigureAwait(false)) failures[Str(r, 0) ?? "unknown"] = r.GetInt64(1);
                list[i] = list[i] with { FailedUrlsByClass = failures };
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    // ---- helpers ----

    private async Task<IReadOnlyCollection<string>> InsertLinksAsync(SqliteTransaction tx, IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count == 0) return hosts;
        await using var cmd = Cmd(tx, """
            INSERT INTO frontier (url, host, source, depth, state, revisit_ms, discovered_ms)
            VALUES ($url, $host, $source, $depth, 'queued', $revisit, $now) ON CONFLICT (url) DO NOTHING
            """);
        var now = NowMs();
        foreach (var e in entries)
        {
            var host = Crawler.HostKey(e.Url.Host);
            Bind(cmd, ("$url", e.Url.AbsoluteUri), ("$host", host), ("$source", e.Source), ("$depth", e.Depth),
                ("$revisit", e.RevisitInterval is { } r ? (long)r.TotalMilliseconds : null), ("$now", now));
            if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1) hosts.Add(host);
        }
        return hosts;
    }

    private async Task MaybeHeartbeatAsync(CancellationToken ct)
    {
        if (!_holdsLock || _clock.GetUtcNow() - _lastHeartbeat < HeartbeatEvery) return;
        _lastHeartbeat = _clock.GetUtcNow();
        await ExecAsync(_conn, null, "UPDATE crawl_lock SET heartbeat_ms = $now WHERE id = 1 AND pid = $pid", ct,
            ("$now", NowMs()), ("$pid", Environment.ProcessId)).ConfigureAwait(false);
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Timestamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static FrontierState ParseState(string s) => s switch
    {
        "queued" => FrontierState.Queued,
        "in_flight" => FrontierState.InFlight,
        "done" => FrontierState.Done,
        "failed" => FrontierState.Failed,
        _ => throw new StoreException($"Unknown frontier state '{s}'"),
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private SqliteCommand Cmd(SqliteTransaction? tx, string sql)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static async Task<int> ExecAsync(SqliteConnection conn, SqliteTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] values)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        Bind(cmd, values);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection conn, SqliteTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] values)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        Bind(cmd, values);
        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return v is DBNull ? null : v;
    }
}

/// <summary>What one run of one source did so far.</summary>
public sealed record SourceRunCounts(long Pages, long NewArticles, DateTimeOffset? LastNewArticleAt, IReadOnlyDictionary<string, long> FailuresByClass);

/// <summary>One line of `newsminer status`.</summary>
public sealed record SourceStatus(
    string Source,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunFinished,
    long LastRunPages,
    long LastRunNewArticles,
    long TotalPages,
    long TotalNewArticles,
    DateTimeOffset? LastNewArticleAt,
    IReadOnlyDictionary<string, long> FailedUrlsByClass);

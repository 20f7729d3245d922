using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsMiner.Crawling;

namespace NewsMiner.Storage;

/// <summary>
/// The crawl frontier in the database, next to the articles: one row per canonical URL with its state, attempts and
/// due time. It keeps a connection of its own (synchronous = NORMAL: in WAL mode a killed process loses nothing
/// committed, only a power cut can drop the last transactions), and calls are serialised because the crawler's fetch
/// tasks and its loop share this object. By default every change is its own transaction; with
/// <see cref="StartGroupCommit"/> changes join one open batch committed every few changes or milliseconds, and the
/// crawl's article writes join the same batch through <see cref="WriteAsync{T}"/>, so a page's article and its done
/// state always commit together.
/// </summary>
public sealed class FrontierStore : IDurableFrontier
{
    /// <summary>A crawl whose heartbeat is older than this is presumed dead and its lock taken over.</summary>
    public static readonly TimeSpan LockStaleAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(20);

    private readonly SqliteConnection _conn;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Statements run per page are prepared once per connection; SQLite re-parses the SQL of every new command.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private bool _holdsLock;
    private DateTimeOffset _lastHeartbeat;
    private GroupCommit? _group;
    private SqliteTransaction? _batch;
    private int _batchChanges;
    private long _batchStarted;
    private ITimer? _flushTimer;
    private Exception? _flushError;

    private FrontierStore(SqliteConnection conn, TimeProvider clock)
    {
        _conn = conn;
        _clock = clock;
    }

    /// <summary>Changes and transactions committed so far, for tests and the benchmark.</summary>
    public long Commits { get; private set; }

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
        try
        {
            await StopGroupCommitAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // The batch is lost as a whole: its pages are still in flight in the database and are fetched again.
        }
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
        foreach (var cmd in _prepared.Values) await cmd.DisposeAsync().ConfigureAwait(false);
        _prepared.Clear();
        await _conn.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    // ---- group commit ----

    /// <summary>
    /// From now on changes join one open transaction, committed after <paramref name="maxChanges"/> changes or once it
    /// is <paramref name="maxDelay"/> old (a timer commits an idle batch), instead of a commit with its own disk write
    /// per change. A kill -9 loses the uncommitted batch as a whole: its URLs are still queued or in flight in the
    /// database and are fetched again, so nothing is lost or stored twice.
    /// </summary>
    public void StartGroupCommit(int maxChanges, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxDelay, TimeSpan.Zero);
        if (_group is not null) throw new InvalidOperationException("Group commit is already on");
        _group = new GroupCommit(maxChanges, maxDelay);
        _flushTimer = _clock.CreateTimer(_ => _ = FlushIfDueAsync(), null, maxDelay, maxDelay);
    }

    /// <summary>Commits the open batch, if any.</summary>
    public Task FlushAsync(CancellationToken ct) => FlushAsync(TimeSpan.Zero, ct);

    /// <summary>Commits the open batch if it is at least <paramref name="olderThan"/> old.</summary>
    public async Task FlushAsync(TimeSpan olderThan, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_batch is not null && Stopwatch.GetElapsedTime(_batchStarted) >= olderThan) await CommitBatchAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits the open batch and goes back to one transaction per change.</summary>
    public async Task StopGroupCommitAsync()
    {
        if (_group is null) return;
        if (_flushTimer is not null) await _flushTimer.DisposeAsync().ConfigureAwait(false);
        _flushTimer = null;
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _group = null;
            await CommitBatchAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> (any writes of the caller's, e.g. an article with its figures and the page's done
    /// state) as one unit on the frontier's connection: in the open batch when group commit is on, else in a
    /// transaction of its own. A write that throws leaves nothing behind.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken ct) =>
        ChangeAsync(tx => write(_conn, tx), ct);

    private async Task FlushIfDueAsync()
    {
        if (!await _gate.WaitAsync(0).ConfigureAwait(false)) return; // busy: the change in progress checks the age itself
        try
        {
            if (_batch is not null && _group is { } g && Stopwatch.GetElapsedTime(_batchStarted) >= g.MaxDelay) await CommitBatchAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // Reported by the next change, which is on a caller's path.
            _flushError = ex;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CommitBatchAsync()
    {
        if (_batch is not { } tx) return;
        _batch = null;
        _batchChanges = 0;
        try
        {
            await NewsStore.IndexPendingTextAsync(_conn, tx, StoreBackend.Sqlite, CancellationToken.None).ConfigureAwait(false);
            await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Commits++;
        }
        finally
        {
            await tx.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs one change atomically: a savepoint in the open batch, or a transaction of its own. Call without the gate.</summary>
    private async Task<T> ChangeAsync<T>(Func<SqliteTransaction, Task<T>> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ChangeLockedAsync(change, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> ChangeLockedAsync<T>(Func<SqliteTransaction, Task<T>> change, CancellationToken ct)
    {
        if (_flushError is { } failed)
        {
            _flushError = null;
            throw new StoreException($"Committing the crawl's batch failed: {failed.Message}", failed);
        }
        if (_group is not { } group)
        {
            await using var own = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            var value = await change(own).ConfigureAwait(false);
            await NewsStore.IndexPendingTextAsync(_conn, own, StoreBackend.Sqlite, CancellationToken.None).ConfigureAwait(false);
            await own.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Commits++;
            return value;
        }
        if (_batch is null)
        {
            _batch = (SqliteTransaction)await _conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            _batchStarted = Stopwatch.GetTimestamp();
        }
        var batch = _batch;
        await Prepared(batch, "SAVEPOINT change").ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        T result;
        try
        {
            result = await change(batch).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await Prepared(batch, "ROLLBACK TO change").ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                await Prepared(batch, "RELEASE change").ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // The savepoint is beyond repair: drop the whole batch, whose pages are all still in flight in the database.
                _batch = null;
                _batchChanges = 0;
                await batch.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        await Prepared(batch, "RELEASE change").ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        if (++_batchChanges >= group.MaxChanges || Stopwatch.GetElapsedTime(_batchStarted) >= group.MaxDelay)
            await CommitBatchAsync().ConfigureAwait(false);
        return result;
    }

    /// <summary>The open batch when group commit is on (reads must run in it), else none.</summary>
    private SqliteTransaction? ReadTx => _batch;

    private SqliteCommand Prepared(SqliteTransaction? tx, string sql)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _conn.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx;
        return cmd;
    }

    private sealed record GroupCommit(int MaxChanges, TimeSpan MaxDelay);

    // ---- the crawl lock ----

    /// <summary>
    /// Takes the one-crawl-per-database lock. Returns null on success, else who holds it. A lock whose process is
    /// gone (same machine) or whose heartbeat is stale is taken over: that is the restart after a kill -9.
    /// </summary>
    public Task<string?> TryLockAsync(string owner, CancellationToken ct) => ChangeAsync<string?>(async tx =>
    {
        var now = NowMs();
        await using (var cmd = Cmd(tx, "SELECT owner, pid, machine, heartbeat_ms FROM crawl_lock WHERE id = 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var (holder, pid, machine, beat) = (r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3));
                var mine = pid == Environment.ProcessId && machine == Environment.MachineName;
                var dead = machine == Environment.MachineName && !LocalProcess.IsAlive(pid);
                var stale = now - beat > (long)LockStaleAfter.TotalMilliseconds;
                if (!mine && !dead && !stale) return $"{holder} (pid {pid} on {machine})";
            }
        }
        await ExecAsync(_conn, tx, """
            INSERT INTO crawl_lock (id, owner, pid, machine, heartbeat_ms) VALUES (1, $owner, $pid, $m, $now)
            ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, machine = excluded.machine, heartbeat_ms = excluded.heartbeat_ms
            """, ct, ("$owner", owner), ("$pid", Environment.ProcessId), ("$m", Environment.MachineName), ("$now", now)).ConfigureAwait(false);
        _holdsLock = true;
        _lastHeartbeat = _clock.GetUtcNow();
        return null;
    }, ct);

    // ---- run preparation ----

    /// <summary>
    /// Sends URLs left in flight by a crashed run back to the queue. Call it holding the lock: then no other crawl
    /// can own them, so <paramref name="lease"/> can be zero.
    /// </summary>
    public Task<int> RequeueInFlightAsync(TimeSpan lease, CancellationToken ct) => ChangeAsync(tx => ExecAsync(_conn, tx,
        "UPDATE frontier SET state = 'queued', leased_ms = NULL WHERE state = 'in_flight' AND coalesce(leased_ms, 0) <= $cut",
        ct, ("$cut", NowMs() - (long)lease.TotalMilliseconds)), ct);

    /// <summary>
    /// Puts start URLs in the frontier (a known one keeps its state but takes the given source and revisit interval),
    /// then queues every finished listing page whose revisit interval has passed.
    /// </summary>
    public Task<int> SeedAsync(IReadOnlyList<FrontierEntry> seeds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return ChangeAsync(async tx =>
        {
            var now = NowMs();
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
            return await ExecAsync(_conn, tx, """
                UPDATE frontier SET state = 'queued', next_attempt_ms = 0, attempts = 0
                WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL AND coalesce(fetched_ms, 0) + revisit_ms <= $now
                """, ct, ("$now", now)).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>Queues every finished URL again (for --refetch); their validators stay, so unchanged pages cost a 304.</summary>
    public Task<int> RequeueFinishedAsync(CancellationToken ct) => ChangeAsync(tx => ExecAsync(_conn, tx,
        "UPDATE frontier SET state = 'queued', attempts = 0, next_attempt_ms = 0 WHERE state IN ('done', 'failed')", ct), ct);

    /// <summary>When the next finished listing page falls due for its revisit; null when none will (for --watch).</summary>
    public async Task<DateTimeOffset?> NextRevisitAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var ms = await ScalarAsync(_conn, ReadTx, "SELECT min(coalesce(fetched_ms, 0) + revisit_ms) FROM frontier WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL", ct)
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
            await using var cmd = Cmd(ReadTx, "SELECT state, count(*) FROM frontier GROUP BY state");
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) counts[FrontierColumns.ParseState(r.GetString(0))] = r.GetInt64(1);
            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    // ---- ICrawlFrontier ----

    public Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return Task.FromResult<IReadOnlyCollection<string>>([]);
        return ChangeAsync(tx => InsertLinksAsync(tx, entries, ct), ct);
    }

    public async Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var hosts = new List<string>();
            await using var cmd = Cmd(ReadTx, "SELECT DISTINCT host FROM frontier WHERE state = 'queued'");
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) hosts.Add(r.GetString(0));
            return hosts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct) => ChangeAsync<FrontierItem?>(async tx =>
    {
        await MaybeHeartbeatAsync(tx, ct).ConfigureAwait(false);
        var cmd = Prepared(tx, """
            UPDATE frontier SET state = 'in_flight', leased_ms = $now
            WHERE url = (SELECT url FROM frontier WHERE state = 'queued' AND host = $host AND next_attempt_ms <= $now ORDER BY depth, rowid LIMIT 1)
            RETURNING url, depth, source, attempts, etag, last_modified, content_hash
            """);
        Bind(cmd, ("$host", host), ("$now", now.ToUnixTimeMilliseconds()));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
        return new FrontierItem(new Uri(r.GetString(0)), r.GetInt32(1), Str(r, 2), r.GetInt32(3), Str(r, 4), Str(r, 5), Str(r, 6));
    }, ct);

    public async Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var cmd = Prepared(ReadTx, "SELECT min(next_attempt_ms) FROM frontier WHERE state = 'queued' AND host = $host");
            Bind(cmd, ("$host", host));
            var ms = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return ms is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct) => ChangeAsync(async tx =>
    {
        var now = NowMs();
        var cmd = Prepared(tx, """
            INSERT INTO frontier (url, host, source, depth, state, leased_ms, discovered_ms) VALUES ($url, $host, $source, $depth, 'in_flight', $now, $now)
            ON CONFLICT (url) DO NOTHING
            """);
        Bind(cmd, ("$url", canonical.AbsoluteUri), ("$host", Crawler.HostKey(canonical.Host)), ("$source", via.Source), ("$depth", via.Depth), ("$now", now));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }, ct);

    public Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct) =>
        ChangeAsync(async tx =>
        {
            ArgumentNullException.ThrowIfNull(item);
            await InsertLinksAsync(tx, links, ct).ConfigureAwait(false);
            await FinishAsync(tx, item.Url, item.Attempts + 1, outcome, ct).ConfigureAwait(false);
            return true;
        }, ct);

    /// <summary>
    /// Adds the links found on a page without finishing the page: for a caller that finishes it later with
    /// <see cref="FinishPageAsync"/>, in the same unit of work that stores what the page held.
    /// </summary>
    public Task AddLinksAsync(IReadOnlyList<FrontierEntry> links, CancellationToken ct) => AddAsync(links, ct);

    /// <summary>
    /// Marks a fetched page done (and its redirect target, when it was reached through one) inside a unit of work of
    /// <see cref="WriteAsync{T}"/>; the attempt is counted from the database, so the claimed item is not needed.
    /// </summary>
    internal Task FinishPageAsync(SqliteTransaction tx, FetchedPage page, CancellationToken ct) => FinishAsync(tx, page.Url, null, page, ct);

    /// <param name="attempts">The attempts to record; null: one more than the database holds.</param>
    private async Task FinishAsync(SqliteTransaction tx, Uri url, int? attempts, CrawlOutcome? outcome, CancellationToken ct)
    {
        var (state, status, errorClass, message) = FrontierColumns.OfOutcome(outcome);
        var page = outcome as FetchedPage;
        var fetchedMs = (outcome?.FetchedAt ?? _clock.GetUtcNow()).ToUnixTimeMilliseconds();
        // An unchanged page keeps the validators and hash of the fetch that produced them.
        var cmd = Prepared(tx, """
            UPDATE frontier SET state = $state, attempts = coalesce($attempts, attempts + 1), leased_ms = NULL, fetched_ms = $fetched, status = $status,
                error_class = $error_class, message = $message,
                etag = CASE WHEN $page THEN $etag ELSE etag END,
                last_modified = CASE WHEN $page THEN $last_modified ELSE last_modified END,
                content_hash = CASE WHEN $page THEN $hash ELSE content_hash END,
                final_url = CASE WHEN $page THEN $final ELSE final_url END
            WHERE url = $url
            """);
        Bind(cmd, ("$state", state), ("$attempts", attempts), ("$fetched", fetchedMs), ("$status", status),
            ("$error_class", errorClass), ("$message", message), ("$page", page is not null), ("$etag", page?.ETag),
            ("$last_modified", page?.LastModified), ("$hash", page?.ContentHash), ("$final", page?.FinalUrl.AbsoluteUri),
            ("$url", url.AbsoluteUri));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (page is not null && Crawler.Canonicalize(page.FinalUrl).AbsoluteUri is var target && target != url.AbsoluteUri)
        {
            var redirected = Prepared(tx, """
                UPDATE frontier SET state = 'done', leased_ms = NULL, fetched_ms = $fetched, status = $status, content_hash = $hash
                WHERE url = $url AND state = 'in_flight'
                """);
            Bind(redirected, ("$fetched", fetchedMs), ("$status", page.Status), ("$hash", page.ContentHash), ("$url", target));
            await redirected.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct) => ChangeAsync(async tx =>
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(failure);
        var cmd = Prepared(tx, """
            UPDATE frontier SET state = 'queued', attempts = $attempts, next_attempt_ms = $due, leased_ms = NULL,
                status = $status, error_class = $error_class, message = $message
            WHERE url = $url
            """);
        Bind(cmd, ("$attempts", item.Attempts + 1), ("$due", due.ToUnixTimeMilliseconds()), ("$status", failure.Status),
            ("$error_class", failure.ErrorClass), ("$message", failure.Message), ("$url", item.Url.AbsoluteUri));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }, ct);

    // ---- source runs and status ----

    public Task<long> StartRunAsync(string source, CancellationToken ct) => ChangeAsync(async tx =>
        (long)(await ScalarAsync(_conn, tx, "INSERT INTO source_runs (source, started_at) VALUES ($s, $at) RETURNING id", ct,
            ("$s", source), ("$at", FrontierColumns.Timestamp(_clock.GetUtcNow()))).ConfigureAwait(false))!, ct);

    /// <summary>Records a run's counters; called as the run goes (so a killed run still shows its work) and at its end.</summary>
    public Task UpdateRunAsync(long runId, SourceRunCounts counts, bool finished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ChangeAsync(tx => ExecAsync(_conn, tx, """
            UPDATE source_runs SET pages = $pages, new_articles = $new, failures = $failures, failures_by_class = $classes,
                last_new_article_at = $last, finished_at = CASE WHEN $finished THEN $now ELSE finished_at END
            WHERE id = $id
            """, ct, ("$pages", counts.Pages), ("$new", counts.NewArticles), ("$failures", counts.FailuresByClass.Values.Sum()),
            ("$classes", JsonSerializer.Serialize(counts.FailuresByClass)), ("$last", counts.LastNewArticleAt is { } l ? FrontierColumns.Timestamp(l) : null),
            ("$finished", finished), ("$now", FrontierColumns.Timestamp(_clock.GetUtcNow())), ("$id", runId)), ct);
    }

    /// <summary>Per source: its last run, its totals over all runs, and the frontier's failed URLs by error class.</summary>
    public async Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var list = new List<SourceStatus>();
            await using (var cmd = Cmd(ReadTx, FrontierColumns.SourceStatusSql))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    list.Add(FrontierColumns.ReadSourceStatus(r));
                }
            }
            for (var i = 0; i < list.Count; i++)
            {
                var failures = new Dictionary<string, long>(StringComparer.Ordinal);
                await using var cmd = Cmd(ReadTx, "SELECT error_class, count(*) FROM frontier WHERE source = $s AND state = 'failed' GROUP BY error_class ORDER BY error_class");
                Bind(cmd, ("$s", list[i].Source));
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await r.ReadAsync(ct).ConfigureAwait(false)) failures[Str(r, 0) ?? "unknown"] = r.GetInt64(1);
                list[i] = list[i] with { FailedUrlsByClass = failures, Queue = await QueueAsync(list[i].Source, ct).ConfigureAwait(false) };
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SourceQueue> QueueAsync(string source, CancellationToken ct)
    {
        await using var cmd = Cmd(ReadTx, FrontierColumns.SourceQueueSql);
        Bind(cmd, ("@s", source), ("@now", NowMs()));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? FrontierColumns.ReadQueue(r) : SourceQueue.Empty;
    }

    // ---- helpers ----

    private async Task<IReadOnlyCollection<string>> InsertLinksAsync(SqliteTransaction tx, IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count == 0) return hosts;
        var cmd = Prepared(tx, """
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

    private async Task MaybeHeartbeatAsync(SqliteTransaction tx, CancellationToken ct)
    {
        if (!_holdsLock || _clock.GetUtcNow() - _lastHeartbeat < HeartbeatEvery) return;
        _lastHeartbeat = _clock.GetUtcNow();
        await ExecAsync(_conn, tx, "UPDATE crawl_lock SET heartbeat_ms = $now WHERE id = 1 AND pid = $pid", ct,
            ("$now", NowMs()), ("$pid", Environment.ProcessId)).ConfigureAwait(false);
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

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
    IReadOnlyDictionary<string, long> FailedUrlsByClass)
{
    /// <summary>The latest run's failures by error class (URLs failed for good in that run).</summary>
    public IReadOnlyDictionary<string, long> LastRunFailuresByClass { get; init; } = new Dictionary<string, long>();

    /// <summary>What the source still has to fetch.</summary>
    public SourceQueue Queue { get; init; } = SourceQueue.Empty;
}

/// <summary>
/// A source's URLs still to fetch: <paramref name="Queued"/> in all, <paramref name="DueNow"/> of them due already,
/// the rest due from <paramref name="NextDue"/>; <paramref name="LastDue"/> is when the last one falls due.
/// </summary>
public sealed record SourceQueue(long Queued, long DueNow, DateTimeOffset? NextDue, DateTimeOffset? LastDue)
{
    public static SourceQueue Empty { get; } = new(0, 0, null, null);
}

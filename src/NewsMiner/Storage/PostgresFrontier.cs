using System.Globalization;
using System.Text.Json;
using NewsMiner.Crawling;
using Npgsql;

namespace NewsMiner.Storage;

/// <summary>Settings of a <see cref="PostgresFrontier"/>.</summary>
public sealed record PostgresFrontierOptions
{
    /// <summary>
    /// How long a claimed URL belongs to the process that claimed it. A process that dies leaves its URLs in flight;
    /// once their lease has run out any crawler takes them again. Far longer than a fetch (timeout 20 s) plus storing it.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Least time between two requests to one host across all crawler processes; zero: none.</summary>
    public TimeSpan HostSpacing { get; init; } = TimeSpan.Zero;

    /// <summary>A crawler whose heartbeat is older than this is presumed dead: its URLs are queued again at once.</summary>
    public TimeSpan WorkerStaleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When a host has nothing queued but another crawler still has its URLs in flight (their pages may add links),
    /// ask again this soon instead of ending the crawl.
    /// </summary>
    public TimeSpan PollOthersEvery { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// The crawl frontier in PostgreSQL, shared by any number of crawler processes on one or several machines. A URL is
/// claimed with <c>UPDATE ... WHERE url IN (SELECT ... FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING ...</c>: two processes
/// never get the same row, and neither waits on the other's locks. A claim is a lease owned by this process
/// (<c>lease_owner</c>); finishing or retrying a URL only touches rows this process still owns. Per-host politeness
/// across processes is one row per host in <c>frontier_hosts</c> whose <c>next_fetch_ms</c> is advanced in the claim's
/// transaction, so two processes never both take a host's slot. Live crawlers are rows of <c>crawl_workers</c> with a
/// heartbeat; a crawler that is gone (dead pid on this machine, or a stale heartbeat) has its URLs queued again.
/// Unlike <see cref="FrontierStore"/> there is no one-crawl lock: joining is the point. A PostgreSQL advisory lock
/// (per database and schema) only serialises the start of a crawl, so the first crawler of a session queues the due
/// listing revisits and crawlers joining it later do not queue them again.
/// </summary>
public sealed class PostgresFrontier : IDurableFrontier
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(20);

    // Any constant: the crawl-start lock is this key plus a hash of the schema, so schemas in one database are apart.
    private const int StartLockKey = 0x4E4D4346;

    private readonly NpgsqlDataSource _db;
    private readonly PostgresFrontierOptions _options;
    private readonly string _me = Environment.MachineName + "/" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "/" + Guid.NewGuid().ToString("N")[..8];
    private readonly object _beatGate = new();
    private DateTimeOffset _lastHeartbeat = DateTimeOffset.MinValue;
    private bool _registered;

    private PostgresFrontier(NpgsqlDataSource db, PostgresFrontierOptions options)
    {
        _db = db;
        _options = options;
    }

    /// <summary>This process's name in <c>lease_owner</c> and <c>crawl_workers</c>: machine/pid/random.</summary>
    public string WorkerId => _me;

    public static async Task<PostgresFrontier> OpenAsync(NewsStore store, PostgresFrontierOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (store.IsReadOnly) throw new StoreException($"Database {store.Path} was opened read-only");
        var db = NpgsqlDataSource.Create(store.ConnectionStringForPostgresFrontier);
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open the crawl frontier in {store.Path}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        return new PostgresFrontier(db, options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_registered)
        {
            try
            {
                await ExecOwnAsync("DELETE FROM crawl_workers WHERE id = @me", CancellationToken.None, ("me", _me)).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // A worker row left behind goes stale and is cleared by the next crawler to start.
            }
        }
        await _db.DisposeAsync().ConfigureAwait(false);
    }

    // ---- joining a crawl ----

    /// <summary>Registers this process as a crawler of the database. Always succeeds: crawlers share a PostgreSQL frontier.</summary>
    public async Task<string?> TryLockAsync(string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var now = NowMs();
        await ExecOwnAsync("""
            INSERT INTO crawl_workers (id, owner, pid, machine, started_ms, heartbeat_ms) VALUES (@me, @owner, @pid, @machine, @now, @now)
            ON CONFLICT (id) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms
            """, ct, ("me", _me), ("owner", owner), ("pid", Environment.ProcessId), ("machine", Environment.MachineName), ("now", now))
            .ConfigureAwait(false);
        _registered = true;
        lock (_beatGate) _lastHeartbeat = _options.Clock.GetUtcNow();
        return null;
    }

    /// <summary>
    /// Forgets crawlers that are gone and queues again the URLs they had in flight, and any whose lease ran out. URLs
    /// of live crawlers are left alone, whatever <paramref name="lease"/> says: another process is fetching them.
    /// </summary>
    public async Task<int> RequeueInFlightAsync(TimeSpan lease, CancellationToken ct)
    {
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ForgetDeadWorkersAsync(conn, tx, ct).ConfigureAwait(false);
        var n = await ExecAsync(conn, tx, """
            UPDATE frontier SET state = 'queued', leased_ms = NULL, lease_owner = NULL
            WHERE state = 'in_flight'
              AND (lease_owner IS NULL OR leased_ms < @expired OR lease_owner NOT IN (SELECT id FROM crawl_workers))
            """, ct, ("expired", NowMs() - (long)_options.Lease.TotalMilliseconds)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return n;
    }

    private async Task ForgetDeadWorkersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var dead = new List<string>();
        var stale = NowMs() - (long)_options.WorkerStaleAfter.TotalMilliseconds;
        await using (var cmd = Cmd(conn, tx, "SELECT id, pid, machine, heartbeat_ms FROM crawl_workers WHERE id <> @me", ("me", _me)))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var gone = r.GetInt64(3) < stale || (r.GetString(2) == Environment.MachineName && !LocalProcess.IsAlive(r.GetInt32(1)));
                if (gone) dead.Add(r.GetString(0));
            }
        }
        if (dead.Count > 0) await ExecAsync(conn, tx, "DELETE FROM crawl_workers WHERE id = ANY(@ids)", ct, ("ids", dead.ToArray())).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts start URLs in the frontier (a known one keeps its state). Due listing revisits are queued only by the first
    /// crawler of a session: one that joins while another live crawler has already seeded would otherwise send pages
    /// that crawler just fetched back to the queue, and they would be fetched twice.
    /// </summary>
    public async Task<int> SeedAsync(IReadOnlyList<FrontierEntry> seeds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var now = NowMs();
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ExecAsync(conn, tx, "SELECT pg_advisory_xact_lock(@key, hashtext(current_schema()))", ct, ("key", StartLockKey)).ConfigureAwait(false);
        await ForgetDeadWorkersAsync(conn, tx, ct).ConfigureAwait(false);
        await using (var cmd = Cmd(conn, tx, """
            INSERT INTO frontier (url, host, source, depth, state, revisit_ms, discovered_ms)
            VALUES (@url, @host, @source, 0, 'queued', @revisit, @now)
            ON CONFLICT (url) DO UPDATE SET source = excluded.source, depth = 0, revisit_ms = excluded.revisit_ms
            """))
        {
            foreach (var seed in seeds)
            {
                Bind(cmd, ("url", seed.Url.AbsoluteUri), ("host", Crawler.HostKey(seed.Url.Host)), ("source", seed.Source),
                    ("revisit", seed.RevisitInterval is { } r ? (long)r.TotalMilliseconds : null), ("now", now));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        var othersSeeded = (long)(await ScalarAsync(conn, tx, "SELECT count(*) FROM crawl_workers WHERE id <> @me AND seeded_ms IS NOT NULL", ct, ("me", _me))
            .ConfigureAwait(false))!;
        var due = 0;
        if (othersSeeded == 0)
        {
            due = await ExecAsync(conn, tx, """
                UPDATE frontier SET state = 'queued', next_attempt_ms = 0, attempts = 0
                WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL AND coalesce(fetched_ms, 0) + revisit_ms <= @now
                """, ct, ("now", now)).ConfigureAwait(false);
        }
        await ExecAsync(conn, tx, """
            INSERT INTO crawl_workers (id, owner, pid, machine, started_ms, heartbeat_ms, seeded_ms) VALUES (@me, 'newsminer crawl', @pid, @machine, @now, @now, @now)
            ON CONFLICT (id) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms, seeded_ms = excluded.seeded_ms
            """, ct, ("me", _me), ("pid", Environment.ProcessId), ("machine", Environment.MachineName), ("now", now)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        _registered = true;
        return due;
    }

    public Task<int> RequeueFinishedAsync(CancellationToken ct) =>
        ExecOwnAsync("UPDATE frontier SET state = 'queued', attempts = 0, next_attempt_ms = 0 WHERE state IN ('done', 'failed')", ct);

    public async Task<DateTimeOffset?> NextRevisitAsync(CancellationToken ct)
    {
        var ms = await ScalarAsync(null, null,
            "SELECT min(coalesce(fetched_ms, 0) + revisit_ms) FROM frontier WHERE state IN ('done', 'failed') AND revisit_ms IS NOT NULL", ct).ConfigureAwait(false);
        return ms is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    public async Task<IReadOnlyDictionary<FrontierState, long>> CountsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<FrontierState, long>();
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = Cmd(conn, null, "SELECT state, count(*) FROM frontier GROUP BY state");
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) counts[FrontierColumns.ParseState(r.GetString(0))] = r.GetInt64(1);
        return counts;
    }

    // ---- ICrawlFrontier ----

    public async Task<IReadOnlyCollection<string>> AddAsync(IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return [];
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var hosts = await InsertLinksAsync(conn, tx, entries, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return hosts;
    }

    public async Task<IReadOnlyCollection<string>> HostsWithWorkAsync(CancellationToken ct)
    {
        var hosts = new List<string>();
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = Cmd(conn, null, "SELECT DISTINCT host FROM frontier WHERE state IN ('queued', 'in_flight')");
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) hosts.Add(r.GetString(0));
        return hosts;
    }

    /// <summary>
    /// Claims the host's next due URL (shallowest first), or one whose lease ran out, for this process. With
    /// <see cref="PostgresFrontierOptions.HostSpacing"/>, also takes the host's slot in the same transaction; when
    /// another process holds the slot nothing is claimed and <see cref="NextDueAsync"/> says when to ask again.
    /// </summary>
    public async Task<FrontierItem?> ClaimAsync(string host, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        await MaybeHeartbeatAsync(ct).ConfigureAwait(false);
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (_options.HostSpacing > TimeSpan.Zero)
        {
            var slot = await ExecAsync(conn, tx, """
                INSERT INTO frontier_hosts (host, next_fetch_ms) VALUES (@host, @next)
                ON CONFLICT (host) DO UPDATE SET next_fetch_ms = excluded.next_fetch_ms WHERE frontier_hosts.next_fetch_ms <= @now
                """, ct, ("host", host), ("next", nowMs + (long)_options.HostSpacing.TotalMilliseconds), ("now", nowMs)).ConfigureAwait(false);
            if (slot == 0)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return null;
            }
        }
        FrontierItem? item = null;
        await using (var cmd = Cmd(conn, tx, """
            UPDATE frontier SET state = 'in_flight', leased_ms = @now, lease_owner = @me
            WHERE url IN (
                SELECT url FROM frontier
                WHERE host = @host AND ((state = 'queued' AND next_attempt_ms <= @now) OR (state = 'in_flight' AND leased_ms < @expired))
                ORDER BY depth, discovered_ms, url
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING url, depth, source, attempts, etag, last_modified, content_hash
            """, ("now", nowMs), ("me", _me), ("host", host), ("expired", nowMs - (long)_options.Lease.TotalMilliseconds)))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await r.ReadAsync(ct).ConfigureAwait(false))
                item = new FrontierItem(new Uri(r.GetString(0)), r.GetInt32(1), Str(r, 2), r.GetInt32(3), Str(r, 4), Str(r, 5), Str(r, 6));
        }
        // Nothing to fetch: give the host's slot back rather than hold other crawlers off it.
        if (item is null) await tx.RollbackAsync(ct).ConfigureAwait(false);
        else await tx.CommitAsync(ct).ConfigureAwait(false);
        return item;
    }

    /// <summary>
    /// When the host's next URL is due: the earliest queued one, but no sooner than the host's cross-process slot. With
    /// nothing queued while other crawlers still have the host's URLs in flight, soon (their pages may bring links);
    /// null when the host has no work left anywhere.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(string host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = Cmd(conn, null, """
            SELECT min(next_attempt_ms) FILTER (WHERE state = 'queued'),
                   min(leased_ms) FILTER (WHERE state = 'in_flight' AND lease_owner IS DISTINCT FROM @me),
                   (SELECT next_fetch_ms FROM frontier_hosts WHERE host = @host)
            FROM frontier WHERE host = @host AND state IN ('queued', 'in_flight')
            """, ("host", host), ("me", _me));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
        long? queued = r.IsDBNull(0) ? null : r.GetInt64(0);
        long? othersLeased = r.IsDBNull(1) ? null : r.GetInt64(1);
        long? slot = r.IsDBNull(2) ? null : r.GetInt64(2);
        long? due = queued;
        if (othersLeased is { } leased)
        {
            var poll = Math.Min(NowMs() + (long)_options.PollOthersEvery.TotalMilliseconds, leased + (long)_options.Lease.TotalMilliseconds);
            due = due is { } q ? Math.Min(q, poll) : poll;
        }
        if (due is not { } d) return null;
        if (slot is { } s && s > d) d = s;
        return DateTimeOffset.FromUnixTimeMilliseconds(d);
    }

    public async Task<bool> ReserveAsync(Uri canonical, FrontierItem via, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(via);
        var now = NowMs();
        return await ExecOwnAsync("""
            INSERT INTO frontier (url, host, source, depth, state, leased_ms, lease_owner, discovered_ms)
            VALUES (@url, @host, @source, @depth, 'in_flight', @now, @me, @now)
            ON CONFLICT (url) DO NOTHING
            """, ct, ("url", canonical.AbsoluteUri), ("host", Crawler.HostKey(canonical.Host)), ("source", via.Source), ("depth", via.Depth),
            ("now", now), ("me", _me)).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Finishes a URL this process still owns and adds the page's links, in one transaction. When the lease was lost
    /// (this process stalled past it and another took the URL), the other process finishes it; the links are added anyway.
    /// </summary>
    public async Task CompleteAsync(FrontierItem item, CrawlOutcome? outcome, IReadOnlyList<FrontierEntry> links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(links);
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await InsertLinksAsync(conn, tx, links, ct).ConfigureAwait(false);
        var (state, status, errorClass, message) = FrontierColumns.OfOutcome(outcome);
        var page = outcome as FetchedPage;
        var fetchedMs = (outcome?.FetchedAt ?? _options.Clock.GetUtcNow()).ToUnixTimeMilliseconds();
        // An unchanged page keeps the validators and hash of the fetch that produced them.
        await ExecAsync(conn, tx, """
            UPDATE frontier SET state = @state, attempts = @attempts, leased_ms = NULL, lease_owner = NULL, fetched_ms = @fetched,
                status = @status, error_class = @error_class, message = @message,
                etag = CASE WHEN @page THEN @etag ELSE etag END,
                last_modified = CASE WHEN @page THEN @last_modified ELSE last_modified END,
                content_hash = CASE WHEN @page THEN @hash ELSE content_hash END,
                final_url = CASE WHEN @page THEN @final ELSE final_url END
            WHERE url = @url AND lease_owner = @me
            """, ct, ("state", state), ("attempts", item.Attempts + 1), ("fetched", fetchedMs), ("status", status),
            ("error_class", errorClass), ("message", message), ("page", page is not null), ("etag", page?.ETag),
            ("last_modified", page?.LastModified), ("hash", page?.ContentHash), ("final", page?.FinalUrl.AbsoluteUri),
            ("url", item.Url.AbsoluteUri), ("me", _me)).ConfigureAwait(false);
        if (page is not null && Crawler.Canonicalize(page.FinalUrl).AbsoluteUri is var target && target != item.Url.AbsoluteUri)
        {
            await ExecAsync(conn, tx, """
                UPDATE frontier SET state = 'done', leased_ms = NULL, lease_owner = NULL, fetched_ms = @fetched, status = @status, content_hash = @hash
                WHERE url = @url AND state = 'in_flight' AND lease_owner = @me
                """, ct, ("fetched", fetchedMs), ("status", page.Status), ("hash", page.ContentHash), ("url", target), ("me", _me)).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(FrontierItem item, FetchFailure failure, DateTimeOffset due, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(failure);
        await ExecOwnAsync("""
            UPDATE frontier SET state = 'queued', attempts = @attempts, next_attempt_ms = @due, leased_ms = NULL, lease_owner = NULL,
                status = @status, error_class = @error_class, message = @message
            WHERE url = @url AND lease_owner = @me
            """, ct, ("attempts", item.Attempts + 1), ("due", due.ToUnixTimeMilliseconds()), ("status", failure.Status),
            ("error_class", failure.ErrorClass), ("message", failure.Message), ("url", item.Url.AbsoluteUri), ("me", _me)).ConfigureAwait(false);
    }

    // ---- source runs and status ----

    public async Task<long> StartRunAsync(string source, CancellationToken ct) =>
        (long)(await ScalarAsync(null, null, "INSERT INTO source_runs (source, started_at) VALUES (@s, @at) RETURNING id", ct,
            ("s", source), ("at", FrontierColumns.Timestamp(_options.Clock.GetUtcNow()))).ConfigureAwait(false))!;

    public Task UpdateRunAsync(long runId, SourceRunCounts counts, bool finished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ExecOwnAsync("""
            UPDATE source_runs SET pages = @pages, new_articles = @new, failures = @failures, failures_by_class = @classes,
                last_new_article_at = @last, finished_at = CASE WHEN @finished THEN @now ELSE finished_at END
            WHERE id = @id
            """, ct, ("pages", (int)counts.Pages), ("new", (int)counts.NewArticles), ("failures", (int)counts.FailuresByClass.Values.Sum()),
            ("classes", JsonSerializer.Serialize(counts.FailuresByClass)), ("last", counts.LastNewArticleAt is { } l ? FrontierColumns.Timestamp(l) : null),
            ("finished", finished), ("now", FrontierColumns.Timestamp(_options.Clock.GetUtcNow())), ("id", runId));
    }

    public async Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken ct)
    {
        var list = new List<SourceStatus>();
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var cmd = Cmd(conn, null, FrontierColumns.SourceStatusSql))
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
            await using var cmd = Cmd(conn, null,
                "SELECT error_class, count(*) FROM frontier WHERE source = @s AND state = 'failed' GROUP BY error_class ORDER BY error_class", ("s", list[i].Source));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) failures[Str(r, 0) ?? "unknown"] = r.GetInt64(1);
            await r.DisposeAsync().ConfigureAwait(false);
            await using var queue = Cmd(conn, null, FrontierColumns.SourceQueueSql, ("s", list[i].Source), ("now", NowMs()));
            await using var q = await queue.ExecuteReaderAsync(ct).ConfigureAwait(false);
            list[i] = list[i] with { FailedUrlsByClass = failures, Queue = await q.ReadAsync(ct).ConfigureAwait(false) ? FrontierColumns.ReadQueue(q) : SourceQueue.Empty };
        }
        return list;
    }

    // ---- helpers ----

    private async Task<IReadOnlyCollection<string>> InsertLinksAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<FrontierEntry> entries, CancellationToken ct)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count == 0) return hosts;
        // Sorted, so two processes adding overlapping links lock the rows in one order and never deadlock.
        var ordered = entries.DistinctBy(e => e.Url.AbsoluteUri).OrderBy(e => e.Url.AbsoluteUri, StringComparer.Ordinal).ToList();
        await using var cmd = Cmd(conn, tx, """
            INSERT INTO frontier (url, host, source, depth, state, revisit_ms, discovered_ms)
            SELECT * FROM unnest(@urls, @hosts, @sources, @depths, @states, @revisits, @nows)
            ON CONFLICT (url) DO NOTHING
            RETURNING host
            """,
            ("urls", ordered.Select(e => e.Url.AbsoluteUri).ToArray()),
            ("hosts", ordered.Select(e => Crawler.HostKey(e.Url.Host)).ToArray()),
            ("sources", ordered.Select(e => e.Source).ToArray()),
            ("depths", ordered.Select(e => e.Depth).ToArray()),
            ("states", ordered.Select(_ => "queued").ToArray()),
            ("revisits", ordered.Select(e => e.RevisitInterval is { } r ? (long?)r.TotalMilliseconds : null).ToArray()),
            ("nows", ordered.Select(_ => NowMs()).ToArray()));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) hosts.Add(r.GetString(0));
        return hosts;
    }

    private async Task MaybeHeartbeatAsync(CancellationToken ct)
    {
        var now = _options.Clock.GetUtcNow();
        lock (_beatGate)
        {
            if (!_registered || now - _lastHeartbeat < HeartbeatEvery) return;
            _lastHeartbeat = now;
        }
        // An upsert: a crawler idle long enough to be presumed dead (between --watch passes) comes back.
        await ExecOwnAsync("""
            INSERT INTO crawl_workers (id, owner, pid, machine, started_ms, heartbeat_ms) VALUES (@me, 'newsminer crawl', @pid, @machine, @now, @now)
            ON CONFLICT (id) DO UPDATE SET heartbeat_ms = excluded.heartbeat_ms
            """, ct, ("me", _me), ("pid", Environment.ProcessId), ("machine", Environment.MachineName), ("now", now.ToUnixTimeMilliseconds()))
            .ConfigureAwait(false);
    }

    private long NowMs() => _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static NpgsqlCommand Cmd(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] values)
    {
        var cmd = new NpgsqlCommand(sql, conn, tx);
        Bind(cmd, values);
        return cmd;
    }

    private static void Bind(NpgsqlCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private async Task<int> ExecOwnAsync(string sql, CancellationToken ct, params (string, object?)[] values)
    {
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await ExecAsync(conn, null, sql, ct, values).ConfigureAwait(false);
    }

    private static async Task<int> ExecAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] values)
    {
        await using var cmd = Cmd(conn, tx, sql, values);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<object?> ScalarAsync(NpgsqlConnection? conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] values)
    {
        if (conn is null)
        {
            await using var own = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await ScalarAsync(own, tx, sql, ct, values).ConfigureAwait(false);
        }
        await using var cmd = Cmd(conn, tx, sql, values);
        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return v is DBNull ? null : v;
    }
}

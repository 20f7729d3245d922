using System.Collections.Concurrent;
using System.Diagnostics;
using LiteDB;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// The one open LiteDB file of a process and the one thread that touches it. LiteDB 5 binds a transaction to the thread
/// that began it, so every read and write of the store runs on this thread, in order; async callers get a task.
/// Changes either commit one by one or, with <see cref="StartGroupCommit"/>, join one open transaction committed every
/// few changes or milliseconds (a kill -9 loses the open batch as a whole, never half of a change).
/// </summary>
internal sealed class LiteHost : IAsyncDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread _thread;
    private readonly TimeProvider _clock;
    private GroupCommit? _group;
    private bool _inBatch;
    private int _batchChanges;
    private long _batchStarted;
    private ITimer? _flushTimer;
    private Exception? _flushError;

    public LiteHost(LiteDatabase db, TimeProvider clock)
    {
        Db = db;
        _clock = clock;
        _thread = new Thread(Loop) { IsBackground = true, Name = "newsminer-litedb" };
        _thread.Start();
    }

    /// <summary>Only for code already running on the store thread (inside <see cref="RunAsync{T}"/> or a change).</summary>
    public LiteDatabase Db { get; }

    /// <summary>Transactions committed so far, for tests and the benchmark.</summary>
    public long Commits { get; private set; }

    private void Loop()
    {
        foreach (var work in _queue.GetConsumingEnumerable()) work();
    }

    /// <summary>Runs a read (or a write that manages nothing itself) on the store thread; it sees the open batch.</summary>
    public Task<T> RunAsync<T>(Func<LiteDatabase, T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _queue.Add(() =>
            {
                try
                {
                    done.SetResult(work(Db));
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            done.SetException(new ObjectDisposedException(nameof(LiteHost), "The store is closed"));
        }
        return done.Task;
    }

    /// <summary>Runs one change atomically: in the open batch when group commit is on, else in a transaction of its own.</summary>
    public Task<T> ChangeAsync<T>(Func<LiteDatabase, T> change) => RunAsync(db => ChangeOnThread(db, change));

    private T ChangeOnThread<T>(LiteDatabase db, Func<LiteDatabase, T> change)
    {
        if (_flushError is { } failed)
        {
            _flushError = null;
            throw new StoreException($"Committing the crawl's batch failed: {failed.Message}", failed);
        }
        if (_group is not { } group)
        {
            db.BeginTrans();
            T value;
            try
            {
                value = change(db);
            }
            catch
            {
                db.Rollback();
                throw;
            }
            Commit(db);
            return value;
        }
        if (!_inBatch)
        {
            db.BeginTrans();
            _inBatch = true;
            _batchStarted = Stopwatch.GetTimestamp();
        }
        T result;
        try
        {
            result = change(db);
        }
        catch
        {
            // LiteDB has no savepoints: the whole batch goes. Its pages are still in flight in the file and are fetched again.
            db.Rollback();
            _inBatch = false;
            _batchChanges = 0;
            throw;
        }
        if (++_batchChanges >= group.MaxChanges || Stopwatch.GetElapsedTime(_batchStarted) >= group.MaxDelay) CommitBatch(db);
        return result;
    }

    private void CommitBatch(LiteDatabase db)
    {
        if (!_inBatch) return;
        _inBatch = false;
        _batchChanges = 0;
        Commit(db);
    }

    private void Commit(LiteDatabase db)
    {
        db.Commit();
        Commits++;
        AfterCommit?.Invoke(db);
    }

    /// <summary>Runs on the store thread after each commit (the search index's catch-up).</summary>
    public Action<LiteDatabase>? AfterCommit { get; set; }

    public void StartGroupCommit(int maxChanges, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxDelay, TimeSpan.Zero);
        if (_group is not null) throw new InvalidOperationException("Group commit is already on");
        _group = new GroupCommit(maxChanges, maxDelay);
        _flushTimer = _clock.CreateTimer(_ => _ = FlushIfDueAsync(), null, maxDelay, maxDelay);
    }

    /// <summary>Commits the open batch if it is at least <paramref name="olderThan"/> old.</summary>
    public Task FlushAsync(TimeSpan olderThan) => RunAsync(db =>
    {
        if (_inBatch && Stopwatch.GetElapsedTime(_batchStarted) >= olderThan) CommitBatch(db);
        return true;
    });

    private async Task FlushIfDueAsync()
    {
        try
        {
            await RunAsync(db =>
            {
                if (_inBatch && _group is { } g && Stopwatch.GetElapsedTime(_batchStarted) >= g.MaxDelay) CommitBatch(db);
                return true;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
        {
            // Reported by the next change, which is on a caller's path.
            _flushError = e;
        }
    }

    /// <summary>Commits the open batch and goes back to one transaction per change.</summary>
    public async Task StopGroupCommitAsync()
    {
        if (_flushTimer is not null) await _flushTimer.DisposeAsync().ConfigureAwait(false);
        _flushTimer = null;
        await RunAsync(db =>
        {
            _group = null;
            CommitBatch(db);
            return true;
        }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopGroupCommitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
        {
            // The batch is lost as a whole: its pages are still in flight in the file and are fetched again.
        }
        try
        {
            await RunAsync(db =>
            {
                db.Dispose();
                return true;
            }).ConfigureAwait(false);
        }
        finally
        {
            _queue.CompleteAdding();
            _thread.Join();
            _queue.Dispose();
        }
    }

    private sealed record GroupCommit(int MaxChanges, TimeSpan MaxDelay);
}

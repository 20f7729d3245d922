using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LiteDB;
using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// The embedded store: one LiteDB file (direct mode) owned by one process at a time. LiteDB takes no file lock on
/// Linux, and a second process opening the file in direct mode reads corrupt pages, so the owner holds an OS lock on
/// "FILE.lock" (flock, released by the kernel when the process dies, so a kill -9 leaves no stale lock) and a second
/// process never opens the data file while it is held: readers then ask the owner (see <see cref="LiteReadServer"/>).
/// </summary>
public sealed class LiteStore : INewsStore
{
    /// <summary>The document shape this build writes (see LiteDocuments.cs); LiteDB's user_version holds a file's shape.</summary>
    public const int ShapeVersion = 1;

    internal const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:sszzz";
    private const int ReadChunk = 8192;

    private readonly LiteHost _host;
    private readonly LiteCounters _counters = new();
    private readonly TimeProvider _clock;
    private readonly FileStream _lock;
    private LiteReadServer? _server;
    private SearchIndex? _index;
    private long _lastCatchUp;

    private LiteStore(string path, LiteHost host, FileStream fileLock, bool readOnly, TimeProvider clock)
    {
        Path = path;
        _host = host;
        _lock = fileLock;
        IsReadOnly = readOnly;
        _clock = clock;
    }

    public string Path { get; }

    public bool IsReadOnly { get; }

    public StoreBackend Backend => StoreBackend.LiteDb;

    internal LiteHost Host => _host;

    internal TimeProvider Clock => _clock;

    internal LiteCounters Counters => _counters;

    /// <summary>Opens the file for reading and writing, creating it if missing, and brings its shape up to date.</summary>
    /// <exception cref="StoreException">A missing folder, a file that is not a NewsMiner store, a newer store, or a file another process holds.</exception>
    public static async Task<INewsStore> OpenAsync(string db, TimeProvider clock, CancellationToken ct)
    {
        var full = LiteFiles.CheckWritable(db);
        var fileLock = LiteFiles.TakeLock(full) ?? throw new StoreException(LiteFiles.InUse(full));
        return await OpenLockedAsync(full, fileLock, readOnly: false, clock, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens an existing file for queries and exports: the file itself when no process holds it, else the owner's
    /// read service (a crawl serves its readers while it writes), so no second process ever opens pages in use.
    /// </summary>
    public static async Task<INewsStore> OpenExistingAsync(string db, TimeProvider clock, CancellationToken ct)
    {
        var full = LiteFiles.CheckExisting(db);
        if (LiteFiles.TakeLock(full) is { } fileLock) return await OpenLockedAsync(full, fileLock, readOnly: true, clock, ct).ConfigureAwait(false);
        return await LiteReadClient.ConnectAsync(full, ct).ConfigureAwait(false);
    }

    private static async Task<INewsStore> OpenLockedAsync(string full, FileStream fileLock, bool readOnly, TimeProvider clock, CancellationToken ct)
    {
        LiteHost? host = null;
        try
        {
            var existed = File.Exists(full) && new FileInfo(full).Length > 0;
            var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, ReadOnly = readOnly && existed }, LiteMapping.NewMapper());
            host = new LiteHost(db, clock);
            await host.RunAsync(d => LiteShape.Prepare(d, full, readOnly, clock)).WaitAsync(ct).ConfigureAwait(false);
            var store = new LiteStore(full, host, fileLock, readOnly, clock);
            LiteFiles.WriteOwner(full);
            store._index = SearchIndex.Open(full);
            host.AfterCommit = store.IndexAfterCommit;
            // The owner answers readers of other processes for as long as it has the file open.
            store._server = LiteReadServer.Start(store);
            return store;
        }
        catch (Exception e) when (e is LiteException or StoreException or IOException or InvalidCastException)
        {
            if (host is not null) await host.DisposeAsync().ConfigureAwait(false);
            await fileLock.DisposeAsync().ConfigureAwait(false);
            throw e as StoreException ?? new StoreException($"Database {full} is not a NewsMiner store: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>Throttled: a crawl commits several times a second, the index catches up every few seconds (and before any search).</summary>
    private void IndexAfterCommit(LiteDatabase db)
    {
        if (_index is null || System.Diagnostics.Stopwatch.GetElapsedTime(_lastCatchUp) < TimeSpan.FromSeconds(5)) return;
        _lastCatchUp = System.Diagnostics.Stopwatch.GetTimestamp();
        _index.CatchUpInBackground(db);
    }

    /// <summary>Builds the search index beside the file anew from the articles; returns how many it holds.</summary>
    public Task<long> ReindexAsync(CancellationToken ct) => _host.RunAsync(db => (long)(_index?.Rebuild(db) ?? 0)).WaitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
        if (_index is { } index)
        {
            try
            {
                await _host.RunAsync(db =>
                {
                    index.CatchUp(db);
                    index.Dispose();
                    return true;
                }).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or LiteException or ObjectDisposedException)
            {
                // The index is derived: the next open catches up on what this one missed.
            }
        }
        await _host.DisposeAsync().ConfigureAwait(false);
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    public Task<int> SchemaVersionAsync(CancellationToken ct) => _host.RunAsync(db => db.UserVersion).WaitAsync(ct);

    // ---- writes ----

    public Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct)
    {
        EnsureWritable();
        return _host.ChangeAsync(db => new LiteUnit(db, _clock, _counters).Save(article, figures, prov)).WaitAsync(ct);
    }

    public Task<int> SaveArticlesAsync(IEnumerable<(Article Article, IReadOnlyList<Figure> Figures, ArticleProvenance Provenance)> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        EnsureWritable();
        var list = items.ToList();
        return _host.ChangeAsync(db =>
        {
            var unit = new LiteUnit(db, _clock, _counters);
            foreach (var (article, figures, prov) in list) unit.Save(article, figures, prov);
            return list.Count;
        }).WaitAsync(ct);
    }

    public Task RecordFetchAsync(FetchRecord rec, CancellationToken ct)
    {
        EnsureWritable();
        return _host.ChangeAsync(db => new LiteUnit(db, _clock, _counters).RecordFetch(rec)).WaitAsync(ct);
    }

    public Task SaveSourceAsync(SourceRecord source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        EnsureWritable();
        return _host.ChangeAsync(db =>
        {
            var sources = db.GetCollection<SourceDoc>(Collections.Sources);
            var doc = sources.Find(Where.Eq(nameof(SourceDoc.StartUrl), source.StartUrl), 0, 1).FirstOrDefault() ?? new SourceDoc { StartUrl = source.StartUrl };
            doc.Name = source.Name;
            doc.Province = source.Province;
            sources.Upsert(doc);
            return true;
        }).WaitAsync(ct);
    }

    public Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        EnsureWritable();
        var list = urls.ToList();
        return _host.ChangeAsync(db => new LiteUnit(db, _clock, _counters).AddUrls(articleId, list)).WaitAsync(ct);
    }

    public Task<T> WritePageAsync<T>(IDurableFrontier frontier, FetchedPage? page, FrontierItem? claim, Func<IStoreUnit, Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        EnsureWritable();
        var lite = frontier as LiteFrontier ?? throw new ArgumentException("A LiteDB store writes through its own frontier", nameof(frontier));
        return _host.ChangeAsync(db =>
        {
            var done = write(new LiteUnit(db, _clock, _counters));
            // A unit runs on the store thread inside the open transaction; anything that awaited for real would leave it.
            if (!done.IsCompleted) throw new InvalidOperationException("A LiteDB unit of work must complete synchronously");
            var result = done.GetAwaiter().GetResult();
            if (page is not null) lite.FinishPage(db, page);
            return result;
        }).WaitAsync(ct);
    }

    /// <summary>The frontier in this file; <paramref name="hostSpacing"/> is for crawlers of other processes, which a LiteDB file never has.</summary>
    public Task<IDurableFrontier> OpenFrontierAsync(TimeSpan hostSpacing, CancellationToken ct)
    {
        EnsureWritable();
        return Task.FromResult<IDurableFrontier>(new LiteFrontier(this));
    }

    // ---- reads ----

    public Task<IReadOnlyList<SourceRecord>> SourcesAsync(CancellationToken ct) => _host.RunAsync<IReadOnlyList<SourceRecord>>(db =>
        db.GetCollection<SourceDoc>(Collections.Sources).FindAll().OrderBy(s => s.Id).Select(s => new SourceRecord(s.Name, s.Province, s.StartUrl)).ToList())
        .WaitAsync(ct);

    public Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct) =>
        _host.RunAsync(db => new LiteUnit(db, _clock, _counters).HasHash(contentHash)).WaitAsync(ct);

    public Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct) =>
        _host.RunAsync(db => new LiteUnit(db, _clock, _counters).HasUrl(url)).WaitAsync(ct);

    public Task<IReadOnlyList<(long Id, string Text)>> ArticlesSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return _host.RunAsync<IReadOnlyList<(long, string)>>(db =>
        {
            var unit = new LiteUnit(db, _clock, _counters);
            return unit.IdsSharingBands(bands).Select(id => (id, unit.Text(id) ?? "")).ToList();
        }).WaitAsync(ct);
    }

    public async IAsyncEnumerable<StoredFigure> QueryFiguresAsync(FigureQuery q, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new LiteFigureFilter(q);
        if (filter.IndexedMetrics is { } metrics)
        {
            // Few metrics: the metric index, then id order (a figure query's promise) in memory over what matched.
            var found = await _host.RunAsync(db => filter.ReadByMetric(db, metrics)).WaitAsync(ct).ConfigureAwait(false);
            foreach (var f in found) yield return f;
            yield break;
        }
        var after = 0L;
        while (true)
        {
            var from = after;
            var (chunk, last) = await _host.RunAsync(db => filter.ReadChunk(db, from, ReadChunk)).WaitAsync(ct).ConfigureAwait(false);
            foreach (var f in chunk) yield return f;
            if (last is not { } next) yield break;
            after = next;
        }
    }

    public async Task<IReadOnlyList<LocalityYearRow>> CompareAsync(FigureQuery q, CancellationToken ct) =>
        await FigureReads.CompareRowsAsync(QueryFiguresAsync, q, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<Statistic>> StatisticsAsync(FigureQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        var figures = new List<StoredFigure>();
        await foreach (var f in QueryFiguresAsync(q, ct).ConfigureAwait(false)) figures.Add(f);
        return Statistics.Consolidate(figures);
    }

    public async Task<CompareResult> CompareStatisticsAsync(CompareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Statistics.Compare(request, await StatisticsAsync(FigureReads.StatisticsQuery(request), ct).ConfigureAwait(false));
    }

    public Task<StoreStats> StatsAsync(CancellationToken ct) => _host.RunAsync(db =>
    {
        var byClass = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in db.GetCollection<FetchDoc>(Collections.Fetches).Find(Query.Not(nameof(FetchDoc.ErrorClass), BsonValue.Null)))
        {
            if (f.ErrorClass is { } c) byClass[c] = byClass.GetValueOrDefault(c) + 1;
        }
        return new StoreStats(db.GetCollection<ArticleDoc>(Collections.Articles).LongCount(), db.GetCollection<FigureDoc>(Collections.Figures).LongCount(),
            db.GetCollection<FetchDoc>(Collections.Fetches).LongCount(), byClass.Values.Sum(), byClass);
    }).WaitAsync(ct);

    public async IAsyncEnumerable<SearchHit> SearchAsync(string query, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (_index is not { } index) yield break;
        var hits = await _host.RunAsync(db =>
        {
            index.CatchUp(db);
            return index.Search(db, query, limit);
        }).WaitAsync(ct).ConfigureAwait(false);
        foreach (var hit in hits) yield return hit;
    }

    public Task<long> ExportAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, CancellationToken ct) =>
        FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, ct);

    public async Task<long> ExportWithCodebookAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, string filterDescription, CancellationToken ct)
    {
        var info = new CodebookInfo(filterDescription, await SchemaVersionAsync(ct).ConfigureAwait(false), _clock.GetUtcNow());
        return await FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, info, ct).ConfigureAwait(false);
    }

    private void EnsureWritable()
    {
        if (IsReadOnly) throw new StoreException($"Database {Path} was opened read-only");
    }

    internal static string? Stamp(DateTimeOffset? t) => t?.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseStamp(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None);
}

/// <summary>The mapper of the store's documents: one per database, never the global one (no shared mutable state).</summary>
internal static class LiteMapping
{
    public static BsonMapper NewMapper() => new() { EmptyStringToNull = false, TrimWhitespace = false, SerializeNullValues = true };
}

using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// How readers of other processes reach a store file that its owner (usually a crawl) holds: the owner listens on a
/// Unix socket and answers figure queries, searches and counts from its own open database, between its writes. So
/// `query`, `compare`, `export` and `search` work while a crawl writes, and no second process ever opens the file's
/// pages (LiteDB's direct mode would let it read pages mid-write). One JSON request line in, JSON lines out.
/// </summary>
internal sealed class LiteReadServer : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { IgnoreReadOnlyProperties = true };

    private readonly LiteStore _store;
    private readonly Socket _listener;
    private readonly string _path;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private LiteReadServer(LiteStore store, Socket listener, string path)
    {
        _store = store;
        _listener = listener;
        _path = path;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Listens for readers of <paramref name="store"/>; null when the socket cannot be made (readers then wait for the owner to end).</summary>
    public static LiteReadServer? Start(LiteStore store)
    {
        var path = LiteFiles.SocketPath(store.Path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // We hold the store's lock, so a socket file left here is a dead owner's.
            if (File.Exists(path)) File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);
            return new LiteReadServer(store, listener, path);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            listener.Dispose();
            return null;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        await using (var stream = new NetworkStream(client, ownsSocket: false))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = false })
        {
            try
            {
                var line = await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false);
                if (line is null) return;
                await AnswerAsync(JsonNode.Parse(line)!.AsObject(), writer, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A reader that sent nonsense or went away: tell it if it is still there; the owner carries on.
                try
                {
                    await writer.WriteLineAsync(new JsonObject { ["error"] = e.Message.ReplaceLineEndings(" ") }.ToJsonString()).ConfigureAwait(false);
                }
                catch (IOException)
                {
                }
            }
            await writer.FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(JsonObject request, StreamWriter writer, CancellationToken ct)
    {
        async Task Line<T>(T value) => await writer.WriteLineAsync(JsonSerializer.Serialize(value, Json)).ConfigureAwait(false);
        switch ((string?)request["op"])
        {
            case "owner":
                await Line(LiteFiles.OwnerText()).ConfigureAwait(false);
                break;
            case "schema":
                await Line(await _store.SchemaVersionAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case "stats":
                await Line(await _store.StatsAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case "sources":
                await Line(await _store.SourcesAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case "figures":
                var q = request["query"].Deserialize<FigureQuery>(Json) ?? FigureQuery.All;
                await foreach (var f in _store.QueryFiguresAsync(q, ct).ConfigureAwait(false)) await Line(f).ConfigureAwait(false);
                break;
            case "search":
                await foreach (var hit in _store.SearchAsync((string?)request["q"] ?? "", (int?)request["limit"] ?? 20, ct).ConfigureAwait(false))
                    await Line(hit).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"unknown request {(string?)request["op"]}");
        }
        await writer.WriteLineAsync(new JsonObject { ["end"] = true }.ToJsonString()).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }
        _stop.Dispose();
    }
}

/// <summary>
/// A read-only store that asks the owner of a held file (see <see cref="LiteReadServer"/>); comparisons, statistics
/// and exports are built here from the figures it streams, so the owner only runs plain queries.
/// </summary>
internal sealed class LiteReadClient : INewsStore
{
    private readonly string _socket;

    private LiteReadClient(string path, string socket)
    {
        Path = path;
        _socket = socket;
    }

    public string Path { get; }

    public bool IsReadOnly => true;

    public StoreBackend Backend => StoreBackend.LiteDb;

    /// <summary>Connects to the owner of <paramref name="full"/>, or says who holds the file when it cannot be reached.</summary>
    public static async Task<INewsStore> ConnectAsync(string full, CancellationToken ct)
    {
        var client = new LiteReadClient(full, LiteFiles.SocketPath(full));
        try
        {
            await client.RequestAsync(new JsonObject { ["op"] = "owner" }, ct).ToListAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new StoreException($"Database {full} is in use by {LiteFiles.Owner(full)}, which does not answer readers; try again when it ends", e);
        }
        return client;
    }

    private async IAsyncEnumerable<string> RequestAsync(JsonObject request, [EnumeratorCancellation] CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket), ct).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), ct).ConfigureAwait(false);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("{\"end\":", StringComparison.Ordinal)) yield break;
            if (line.StartsWith("{\"error\":", StringComparison.Ordinal))
                throw new StoreException($"Database {Path}: its owner could not answer: {(string?)JsonNode.Parse(line)!["error"]}");
            yield return line;
        }
        throw new StoreException($"Database {Path}: its owner closed the connection mid-answer");
    }

    private async Task<T> OneAsync<T>(string op, CancellationToken ct)
    {
        await foreach (var line in RequestAsync(new JsonObject { ["op"] = op }, ct).ConfigureAwait(false))
            return JsonSerializer.Deserialize<T>(line, LiteReadServer.Json)!;
        throw new StoreException($"Database {Path}: its owner sent no answer to {op}");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<int> SchemaVersionAsync(CancellationToken ct) => OneAsync<int>("schema", ct);

    public Task<StoreStats> StatsAsync(CancellationToken ct) => OneAsync<StoreStats>("stats", ct);

    public async Task<IReadOnlyList<SourceRecord>> SourcesAsync(CancellationToken ct) => await OneAsync<List<SourceRecord>>("sources", ct).ConfigureAwait(false);

    public async IAsyncEnumerable<StoredFigure> QueryFiguresAsync(FigureQuery q, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new JsonObject { ["op"] = "figures", ["query"] = JsonSerializer.SerializeToNode(q, LiteReadServer.Json) };
        await foreach (var line in RequestAsync(request, ct).ConfigureAwait(false)) yield return JsonSerializer.Deserialize<StoredFigure>(line, LiteReadServer.Json)!;
    }

    public async IAsyncEnumerable<SearchHit> SearchAsync(string query, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var line in RequestAsync(new JsonObject { ["op"] = "search", ["q"] = query, ["limit"] = limit }, ct).ConfigureAwait(false))
            yield return JsonSerializer.Deserialize<SearchHit>(line, LiteReadServer.Json)!;
    }

    public Task<IReadOnlyList<LocalityYearRow>> CompareAsync(FigureQuery q, CancellationToken ct) => FigureReads.CompareRowsAsync(QueryFiguresAsync, q, ct);

    public async Task<IReadOnlyList<Statistic>> StatisticsAsync(FigureQuery q, CancellationToken ct) =>
        Statistics.Consolidate(await QueryFiguresAsync(q, ct).ToListAsync(ct).ConfigureAwait(false));

    public async Task<CompareResult> CompareStatisticsAsync(CompareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Statistics.Compare(request, await StatisticsAsync(FigureReads.StatisticsQuery(request), ct).ConfigureAwait(false));
    }

    public Task<long> ExportAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, CancellationToken ct) =>
        FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, ct);

    public async Task<long> ExportWithCodebookAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, string filterDescription, CancellationToken ct)
    {
        var info = new CodebookInfo(filterDescription, await SchemaVersionAsync(ct).ConfigureAwait(false), DateTimeOffset.UtcNow);
        return await FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, info, ct).ConfigureAwait(false);
    }

    public async Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct) => await Task.FromException<bool>(ReadOnly()).ConfigureAwait(false);

    public async Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct) => await Task.FromException<bool>(ReadOnly()).ConfigureAwait(false);

    public Task<IReadOnlyList<(long Id, string Text)>> ArticlesSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct) =>
        Task.FromException<IReadOnlyList<(long, string)>>(ReadOnly());

    // ---- writes: never through a reader ----

    public Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct) => Task.FromException<long>(ReadOnly());

    public Task<int> SaveArticlesAsync(IEnumerable<(Article Article, IReadOnlyList<Figure> Figures, ArticleProvenance Provenance)> items, CancellationToken ct) =>
        Task.FromException<int>(ReadOnly());

    public Task RecordFetchAsync(FetchRecord rec, CancellationToken ct) => Task.FromException(ReadOnly());

    public Task SaveSourceAsync(SourceRecord source, CancellationToken ct) => Task.FromException(ReadOnly());

    public Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct) => Task.FromException(ReadOnly());

    public Task<T> WritePageAsync<T>(IDurableFrontier frontier, FetchedPage? page, FrontierItem? claim, Func<IStoreUnit, Task<T>> write, CancellationToken ct) =>
        Task.FromException<T>(ReadOnly());

    public Task<IDurableFrontier> OpenFrontierAsync(TimeSpan hostSpacing, CancellationToken ct) => Task.FromException<IDurableFrontier>(ReadOnly());

    public Task<long> ReindexAsync(CancellationToken ct) => Task.FromException<long>(ReadOnly());

    private StoreException ReadOnly() => new($"Database {Path} is written by another process; this reader cannot write or check articles");
}

using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsMiner.SampleSite.Faults;

/// <summary>
/// A slow, broken and hostile news site on 127.0.0.1, for the crawler's fault tests and the faults benchmark. It is a
/// raw HTTP/1.1 server (one request per connection) rather than Kestrel, because the faults live below HTTP's
/// manners: connections reset mid-answer, bodies cut short, broken chunked framing, corrupt gzip, answers that never
/// come. <see cref="Cases"/> lists every fault with the outcome a good crawler reaches; <see cref="Hits"/> records
/// every request. The same port answers as "localhost" too: that name is a second host (robots.txt answering 500,
/// then garbage) and the target of the off-site redirect.
/// </summary>
public sealed partial class FaultSite : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<FaultHit> _hits = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly FaultSiteOptions _options;
    private readonly Lazy<byte[]> _bomb;
    private Task _accepting = Task.CompletedTask;

    private FaultSite(FaultSiteOptions options)
    {
        _options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _bomb = new Lazy<byte[]>(() => GzipOfZeros(options.GzipBombBytes));
    }

    /// <summary>One request as the server saw it: the Host header's name, the path and query, when.</summary>
    public sealed record FaultHit(string Host, string PathAndQuery, DateTimeOffset At);

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>http://localhost:port/ — the same server under a second host name.</summary>
    public Uri SiblingUrl => new($"http://localhost:{BaseUrl.Port}/");

    public FaultSiteOptions Options => _options;

    public IReadOnlyList<FaultHit> Hits => [.. _hits];

    /// <summary>Paths of the good articles on the main host (linked from the section listings).</summary>
    public IReadOnlyList<string> GoodArticlePaths => [.. Enumerable.Range(1, _options.GoodArticles).Select(ArticlePath)];

    /// <summary>Paths (on the sibling host) of its articles, reachable once its robots.txt stops answering 500.</summary>
    public IReadOnlyList<string> SiblingArticlePaths => _options.SiblingHost ? [.. Enumerable.Range(1, _options.SiblingArticles).Select(n => $"/phu/bai/{n}")] : [];

    public static string ArticlePath(int n) => $"/bai/{n}.html";

    public static FaultSite Start(FaultSiteOptions? options = null)
    {
        var site = new FaultSite(options ?? new FaultSiteOptions());
        site._listener.Start();
        site.BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)site._listener.LocalEndpoint).Port}/");
        site._accepting = site.AcceptAsync();
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>How many times the server was asked for <paramref name="pathAndQuery"/> on the main host.</summary>
    public int CallsTo(string pathAndQuery) => _hits.Count(h => h.Host == "127.0.0.1" && h.PathAndQuery == pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
            await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var task = ServeAsync(client);
            _connections[task] = true;
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var ct = _stop.Token;
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                if (await ReadRequestAsync(stream, ct).ConfigureAwait(false) is not { } request) return;
                _hits.Enqueue(new FaultHit(request.Host, request.PathAndQuery, DateTimeOffset.UtcNow));
                var call = _calls.AddOrUpdate(request.Host + request.PathAndQuery, 1, (_, n) => n + 1);
                var answer = new Answer(client, stream, call, ct);
                await RouteAsync(request, answer).ConfigureAwait(false);
                if (!answer.Reset) await stream.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (often the point of the fault) or the site is stopping.
        }
    }

    private sealed record Request(string Host, string PathAndQuery);

    /// <summary>Reads the request head (a GET with no body); null when the client sent nothing usable.</summary>
    private static async Task<Request?> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) return null;
            length += read;
            var head = Encoding.Latin1.GetString(buffer, 0, length);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var lines = head[..end].Split("\r\n");
            var parts = lines[0].Split(' ');
            if (parts.Length < 2) return null;
            var host = lines.Skip(1).Where(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
                .Select(l => l[5..].Trim()).FirstOrDefault() ?? "";
            var colon = host.LastIndexOf(':');
            return new Request(colon > 0 ? host[..colon] : host, parts[1]);
        }
        return null;
    }

    private static byte[] GzipOfZeros(long size)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length) gzip.Write(zeros);
        }
        return packed.ToArray();
    }

    private static string HttpDate(DateTimeOffset t) => t.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
}

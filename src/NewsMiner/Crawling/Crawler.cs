using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace NewsMiner.Crawling;

/// <summary>
/// Polite breadth-first crawler for the allowed hosts: one request at a time per host with
/// <see cref="CrawlOptions.DelayMs"/> between them, at most <see cref="CrawlOptions.MaxConcurrency"/> requests overall.
/// Every URL ends as exactly one <see cref="CrawlOutcome"/>; a failing URL never stops the crawl.
/// </summary>
public sealed class Crawler : IDisposable
{
    private const int ReadChunkBytes = 81_920;

    private readonly CrawlOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _allowedHosts;

    /// <param name="handler">
    /// Replaces the network stack (tests, proxies). It must not follow redirects itself, or loops and
    /// <see cref="CrawlOptions.MaxRedirects"/> cannot be enforced. The caller keeps ownership of it.
    /// </param>
    /// <param name="time">Clock for timestamps, politeness delays and timeouts.</param>
    public Crawler(CrawlOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxPages);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DelayMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimeoutMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects);

        _options = options;
        _time = time ?? TimeProvider.System;
        _allowedHosts = (options.AllowedHosts ?? options.StartUrls.Where(u => u.IsAbsoluteUri).Select(u => u.Host))
            .Select(HostKey)
            .ToHashSet(StringComparer.Ordinal);

        var ownsHandler = handler is null;
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromMilliseconds(options.TimeoutMs),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // Timeouts come from our own TimeProvider-driven token so that they are classified and testable.
        _http = new HttpClient(handler, ownsHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Drops the fragment and tracking parameters, lower-cases scheme and host, drops the default port, sorts the query.</summary>
    public static Uri Canonicalize(Uri url) => UrlCanonicalizer.Canonicalize(url);

    /// <summary>Fetches one URL (following redirects) with no politeness bookkeeping; for single-page commands.</summary>
    public async Task<CrawlOutcome> FetchOneAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Without a claim callback the core never drops a fetch as a duplicate.
        return await FetchCoreAsync(url, claim: null, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A single fetch cannot be a duplicate.");
    }

    /// <summary>
    /// Walks the allowed hosts breadth first from <see cref="CrawlOptions.StartUrls"/>, yielding one outcome per fetched
    /// URL. Cancelling stops new requests, cancels those in flight and ends the sequence with
    /// <see cref="OperationCanceledException"/>; disposing the enumerator early does the same without the exception.
    /// </summary>
    public async IAsyncEnumerable<CrawlOutcome> CrawlAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var frontier = new Dictionary<string, Queue<Uri>>(StringComparer.Ordinal);
        var busyHosts = new HashSet<string>(StringComparer.Ordinal);
        var notBefore = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var results = Channel.CreateUnbounded<FetchResult>(new UnboundedChannelOptions { SingleReader = true });
        var running = new List<Task>();
        var delay = TimeSpan.FromMilliseconds(_options.DelayMs);
        var budgetUsed = 0; // outcomes yielded plus fetches in flight

        void Enqueue(Uri canonical)
        {
            var host = HostKey(canonical.Host);
            if (!frontier.TryGetValue(host, out var queue)) frontier[host] = queue = new Queue<Uri>();
            queue.Enqueue(canonical);
        }

        foreach (var start in _options.StartUrls)
        {
            if (!UrlCanonicalizer.IsHttp(start))
            {
                yield return new FetchFailure(start, FetchErrorClass.BadUrl, "start URL is not an absolute http(s) URL", null, _time.GetUtcNow());
                continue;
            }
            var canonical = Canonicalize(start);
            if (seen.TryAdd(canonical.AbsoluteUri, 0)) Enqueue(canonical);
        }

        try
        {
            while (true)
            {
                foreach (var (host, queue) in frontier)
                {
                    if (budgetUsed >= _options.MaxPages) break;
                    if (queue.Count == 0 || !busyHosts.Add(host)) continue;
                    budgetUsed++;
                    running.Add(RunFetchAsync(host, queue.Dequeue(), notBefore.GetValueOrDefault(host), slots, seen, results.Writer, stop.Token));
                }
                if (busyHosts.Count == 0) yield break;

                var result = await results.Reader.ReadAsync(ct).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                busyHosts.Remove(result.Host);
                notBefore[result.Host] = result.FinishedAt + delay;
                result.Error?.Throw();
                if (result.Outcome is null)
                {
                    budgetUsed--;
                    continue;
                }
                foreach (var link in result.Links)
                {
                    if (!_allowedHosts.Contains(HostKey(link.Host))) continue;
                    var canonical = Canonicalize(link);
                    if (seen.TryAdd(canonical.AbsoluteUri, 0)) Enqueue(canonical);
                }
                yield return result.Outcome;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // Workers report every exception through the channel, so this only waits for in-flight requests to unwind.
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed record FetchResult(string Host, CrawlOutcome? Outcome, IReadOnlyList<Uri> Links, DateTimeOffset FinishedAt, ExceptionDispatchInfo? Error);

    private async Task RunFetchAsync(
        string host, Uri url, DateTimeOffset notBefore, SemaphoreSlim slots, ConcurrentDictionary<string, byte> seen,
        ChannelWriter<FetchResult> results, CancellationToken ct)
    {
        CrawlOutcome? outcome = null;
        IReadOnlyList<Uri> links = [];
        ExceptionDispatchInfo? error = null;
        try
        {
            var wait = notBefore - _time.GetUtcNow();
            // The politeness wait happens before taking a slot, so a host in its pause does not block other hosts.
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                outcome = await FetchCoreAsync(url, u => seen.TryAdd(Canonicalize(u).AbsoluteUri, 0), ct).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
            if (outcome is FetchedPage page) links = LinkExtractor.Extract(page.Html, page.FinalUrl);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = null;
        }
        catch (Exception ex)
        {
            // Not a fetch failure (those are outcomes) but a defect: hand it to the enumerator to rethrow.
            error = ExceptionDispatchInfo.Capture(ex);
        }
        results.TryWrite(new FetchResult(host, outcome, links, _time.GetUtcNow(), error));
    }

    /// <param name="claim">
    /// During a crawl, reserves a redirect target in the seen set; false means that page is fetched under its own URL,
    /// so this fetch is dropped (null) rather than fetching it twice.
    /// </param>
    private async Task<CrawlOutcome?> FetchCoreAsync(Uri url, Func<Uri, bool>? claim, CancellationToken ct)
    {
        var fetchedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        FetchFailure Failure(string errorClass, string message, int? status) => new(url, errorClass, message, status, fetchedAt);

        if (!UrlCanonicalizer.IsHttp(url)) return Failure(FetchErrorClass.BadUrl, "not an absolute http(s) URL", null);

        var chain = new HashSet<string>(StringComparer.Ordinal) { Canonicalize(url).AbsoluteUri };
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (hop > 0 && _options.DelayMs > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(_options.DelayMs), _time, ct).ConfigureAwait(false);

            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.TimeoutMs), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
                request.Headers.TryAddWithoutValidation("Accept-Language", "vi,en;q=0.5");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;

                if (status is >= 300 and < 400)
                {
                    var location = response.Headers.Location;
                    if (location is null || !Uri.TryCreate(current, location, out var next) || !UrlCanonicalizer.IsHttp(next))
                        return Failure(FetchErrorClass.BadUrl, $"HTTP {status} from {current} without a usable Location", status);
                    var key = Canonicalize(next).AbsoluteUri;
                    if (!chain.Add(key))
                        return Failure(FetchErrorClass.RedirectLoop, $"redirect from {current} back to {next}", status);
                    if (hop + 1 > _options.MaxRedirects)
                        return Failure(FetchErrorClass.TooManyRedirects, $"more than {_options.MaxRedirects} redirects", status);
                    if (claim is not null && !claim(next)) return null;
                    current = next;
                    continue;
                }
                if (status >= 500) return Failure(FetchErrorClass.Http5xx, $"HTTP {status} {response.ReasonPhrase}", status);
                if (status >= 400) return Failure(FetchErrorClass.Http4xx, $"HTTP {status} {response.ReasonPhrase}", status);

                var contentType = ContentTypeHeader.From(response.Content.Headers);
                if (!contentType.IsHtml)
                    return Failure(FetchErrorClass.NotHtml, $"Content-Type '{(contentType.Raw.Length > 0 ? contentType.Raw : "(none)")}' is not HTML", status);
                if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                    return Failure(FetchErrorClass.TooLarge, $"Content-Length {response.Content.Headers.ContentLength} exceeds {_options.MaxBodyBytes} bytes", status);

                var body = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
                if (body is null)
                    return Failure(FetchErrorClass.TooLarge, $"body exceeds {_options.MaxBodyBytes} bytes", status);

                var html = HtmlDecoding.Decode(body, contentType.Charset);
                if (string.IsNullOrWhiteSpace(html)) return Failure(FetchErrorClass.Empty, "empty body", status);

                return new FetchedPage(
                    url, current, status.Value, contentType.Raw, html,
                    Convert.ToHexStringLower(SHA256.HashData(body)), fetchedAt,
                    (long)_time.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex) when (IsFetchFailure(ex) && !ct.IsCancellationRequested)
            {
                var errorClass = Classify(ex);
                var message = errorClass == FetchErrorClass.Timeout
                    ? $"no complete answer from {current} within {_options.TimeoutMs} ms"
                    : Describe(ex);
                return Failure(errorClass, message, status);
            }
        }
    }

    /// <returns>The body, or null when it grew past the cap (the rest is never downloaded).</returns>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _options.MaxBodyBytes) return null;
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>Politeness and host admission treat "www.tinh.gov.vn" and "tinh.gov.vn" as one site.</summary>
    private static string HostKey(string host)
    {
        var key = host.Trim().TrimEnd('.').ToLowerInvariant();
        return key.StartsWith("www.", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static bool IsFetchFailure(Exception ex) =>
        ex is HttpRequestException or IOException or SocketException or AuthenticationException or OperationCanceledException
            or TimeoutException or UriFormatException or InvalidOperationException or NotSupportedException;

    /// <summary>Maps a transport exception to a <see cref="FetchErrorClass"/> value; cancellation here means our timeout.</summary>
    internal static string Classify(Exception ex)
    {
        if (ex is OperationCanceledException or TimeoutException) return FetchErrorClass.Timeout;
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return FetchErrorClass.Tls;
                case SocketException socket when ClassifySocket(socket.SocketErrorCode) is { } fromSocket:
                    return fromSocket;
            }
        }
        if (ex is HttpRequestException http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => FetchErrorClass.Dns,
                HttpRequestError.SecureConnectionError => FetchErrorClass.Tls,
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => FetchErrorClass.Reset,
                _ => FetchErrorClass.Connect,
            };
        }
        if (ex is IOException) return FetchErrorClass.Reset;
        if (ex is UriFormatException or InvalidOperationException or NotSupportedException) return FetchErrorClass.BadUrl;
        return FetchErrorClass.Connect;
    }

    private static string? ClassifySocket(SocketError error) => error switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => FetchErrorClass.Dns,
        SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            or SocketError.NetworkDown or SocketError.AddressNotAvailable => FetchErrorClass.Connect,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => FetchErrorClass.Reset,
        SocketError.TimedOut => FetchErrorClass.Timeout,
        _ => null,
    };

    private static string Describe(Exception ex)
    {
        var root = ex.GetBaseException();
        return ReferenceEquals(root, ex) ? ex.Message : $"{ex.Message} ({root.Message})";
    }
}

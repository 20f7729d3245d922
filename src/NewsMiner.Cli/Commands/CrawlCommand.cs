using System.CommandLine;
using System.Diagnostics;
using NewsMiner.Crawling;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class CrawlCommand
{
    public static Command Create(CliIo io)
    {
        var start = new Option<string[]>("--start")
        {
            Description = "Start URL(s): section listings or front pages (instead of a sources file)",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxPages = new Option<int>("--max-pages") { Description = "Stop after this many pages", DefaultValueFactory = _ => CrawlOptions.DefaultMaxPages };
        var delay = new Option<int>("--delay-ms") { Description = "Delay between requests to one host, in ms", DefaultValueFactory = _ => CrawlOptions.DefaultDelayMs };
        var province = new Option<string?>("--province") { Description = "The sites' province, used when an article names none" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary" };
        var sourcesFile = new Option<string?>("--sources") { Description = $"Sources file (JSON); default: the bundled {SourceCatalog.BundledPath} when no --start is given" };
        var watch = new Option<bool>("--watch") { Description = "Keep running: revisit each source's listings on its interval until stopped (Ctrl+C / SIGTERM)" };
        var refetch = new Option<bool>("--refetch") { Description = "Fetch finished pages again (articles included)" };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight across all hosts", DefaultValueFactory = _ => CrawlOptions.DefaultMaxConcurrency };
        var contact = new Option<string?>("--contact") { Description = "Contact URL sent in the User-Agent" };
        var noRobots = new Option<bool>("--ignore-robots") { Description = "Do not fetch robots.txt (only for your own test sites)" };
        var timeout = new Option<int>("--timeout-ms")
        {
            Description = "Total deadline of one request: connect, headers, body and redirects, in ms", DefaultValueFactory = _ => CrawlOptions.DefaultTimeoutMs,
        };
        var command = new Command("crawl", "Crawl sites into the database: fetch, extract, mine and store every article. Safe to kill and run again.")
        {
            start, maxPages, delay, province, quiet, sourcesFile, watch, refetch, concurrency, contact, noRobots, timeout,
        };
        command.SetAction(async (r, ct) =>
        {
            var urls = new List<Uri>();
            foreach (var s in r.GetValue(start) ?? [])
            {
                if (!Uri.TryCreate(s, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
                    throw new UserError($"--start '{s}': not an http(s) URL");
                urls.Add(u);
            }
            if (r.GetValue(maxPages) < 1) throw new UserError("--max-pages must be at least 1");
            if (r.GetValue(delay) < 0) throw new UserError("--delay-ms must not be negative");
            if (r.GetValue(concurrency) < 1) throw new UserError("--concurrency must be at least 1");
            if (r.GetValue(timeout) < 1) throw new UserError("--timeout-ms must be at least 1");
            var options = new CrawlOptions
            {
                StartUrls = urls, MaxPages = r.GetValue(maxPages), DelayMs = r.GetValue(delay), MaxConcurrency = r.GetValue(concurrency),
                RespectRobots = !r.GetValue(noRobots), StopGraceMs = CrawlOptions.DefaultStopGraceMs, TimeoutMs = r.GetValue(timeout),
            };
            if (r.GetValue(contact) is { } c) options = options with { ContactUrl = c };
            IReadOnlyList<CrawlSource> sources;
            try
            {
                sources = urls.Count > 0 ? [new CrawlSource("command line", r.GetValue(province), urls)]
                    : r.GetValue(sourcesFile) is { } path ? SourceCatalog.Load(path)
                    : SourceCatalog.LoadBundled()
                        ?? throw new UserError($"no --start and no --sources given, and the bundled {SourceCatalog.BundledPath} was not found");
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new UserError(e.Message);
            }
            await using var store = await NewsStore.OpenAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            if (r.GetValue(watch)) return await WatchAsync(io, store, sources, options, r.GetValue(quiet), ct).ConfigureAwait(false);
            if (r.GetValue(refetch)) await RequeueAllAsync(store, ct).ConfigureAwait(false);
            var (report, left) = await RunAsync(io, store, sources, options, r.GetValue(quiet), ct).ConfigureAwait(false);
            // Stopped by Ctrl+C / SIGTERM: what was fetched is stored and the frontier is consistent, a clean exit.
            if (ct.IsCancellationRequested) return ExitCodes.Ok;
            if (report.PagesFetched == 0 && report.Failures > 0 && left == 0) return ExitCodes.BadInput;
            return left > 0 ? ExitCodes.WorkLeft : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Runs a crawl with a progress line, the crawler's notices (paused hosts, trap cuts) as they happen, and a summary
    /// at the end that says per source what was fetched, stored and failed and what is still queued (shared with demo).
    /// </summary>
    /// <returns>The run's report and the URLs its sources still have queued.</returns>
    public static async Task<(CrawlReport Report, long Left)> RunAsync(CliIo io, NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
        bool quiet, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var mode = CrawlProgress.Choose(quiet, toTerminal: !Console.IsErrorRedirected && ReferenceEquals(io.Error, Console.Error));
        var every = CrawlProgress.Interval(mode);
        var lastPrint = TimeSpan.Zero;
        var queued = new QueuedCount();
        using var stopCounting = new CancellationTokenSource();
        // The queue size comes from the frontier; it is polled beside the crawl because progress reports cannot wait.
        var counting = mode == ProgressMode.Quiet ? Task.CompletedTask : CountQueuedAsync(store, queued, every, stopCounting.Token);
        var notices = new CrawlNotices(line =>
        {
            if (mode == ProgressMode.Quiet) return;
            io.Error.WriteLine((mode == ProgressMode.Live ? "\r\u001b[K" : "") + "crawl: " + line);
        });
        options = options with { Notices = notices };
        var progress = new SynchronousProgress<CrawlReport>(p =>
        {
            if (mode == ProgressMode.Quiet || watch.Elapsed - lastPrint < every) return;
            lastPrint = watch.Elapsed;
            var line = CrawlProgress.Format(p.PagesFetched, queued.Value, p.Failures, p.ArticlesStored, watch.Elapsed)
                + (notices.Paused.Count is var paused and > 0 ? $", {paused} host(s) paused" : "");
            if (mode == ProgressMode.Live) io.Error.Write("\r" + line + "\u001b[K");
            else io.Error.WriteLine(line);
        });
        CrawlReport report;
        try
        {
            report = await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            await stopCounting.CancelAsync().ConfigureAwait(false);
            await counting.ConfigureAwait(false);
            if (mode == ProgressMode.Live && lastPrint > TimeSpan.Zero) io.Error.WriteLine();
        }
        var failures = report.FailuresByClass.Count == 0 ? "none" : string.Join(", ", report.FailuresByClass.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"));
        if (ct.IsCancellationRequested) io.Out.WriteLine("crawl: stopped; pages in flight were finished, the rest stays queued for the next run.");
        io.Out.WriteLine($"Crawled {report.PagesFetched} page(s) in {watch.Elapsed.TotalSeconds:F1} s: {report.ArticlesStored} article(s) stored, " +
            $"{report.ArticlesUnchanged} unchanged, {report.PagesWithoutArticle} page(s) without an article, {report.FiguresStored} figure(s). Failures: {failures}.");
        var left = await CrawlSummary.WriteAsync(io.Out, store, sources, notices, ct.IsCancellationRequested).ConfigureAwait(false);
        io.Out.WriteLine($"Database: {(store.Backend == StoreBackend.Postgres ? store.Path : Path.GetFullPath(store.Path))}");
        return (report, left);
    }

    private sealed class QueuedCount
    {
        private long _value = -1;

        public long? Value => Interlocked.Read(ref _value) is var v && v >= 0 ? v : null;

        public void Set(long value) => Interlocked.Exchange(ref _value, value);
    }

    private static async Task CountQueuedAsync(NewsStore store, QueuedCount queued, TimeSpan every, CancellationToken ct)
    {
        try
        {
            await using var frontier = await DurableFrontier.OpenAsync(store, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var counts = await frontier.CountsAsync(ct).ConfigureAwait(false);
                queued.Set(counts.GetValueOrDefault(FrontierState.Queued) + counts.GetValueOrDefault(FrontierState.InFlight));
                await Task.Delay(every, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The crawl ended.
        }
        catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
        {
            // Only the queue size and ETA are lost; the crawl itself reports its own errors.
        }
    }

    /// <summary>Longest sleep between checks of the crawl lock in --watch, well inside <see cref="FrontierStore.LockStaleAfter"/>.</summary>
    private static readonly TimeSpan LockRefreshEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Crawls until cancelled: each pass takes what is due, then sleeps until the next listing revisit (at least a
    /// second, at most a minute past the shortest revisit interval, so a host that keeps deferring does not spin).
    /// Holds the crawl lock throughout and keeps it fresh while sleeping.
    /// </summary>
    public static async Task<int> WatchAsync(CliIo io, NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options, bool quiet,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(sources);
        const string owner = "newsminer crawl --watch";
        await using var frontier = await DurableFrontier.OpenAsync(store, TimeSpan.FromMilliseconds(options.DelayMs), ct).ConfigureAwait(false);
        if (await frontier.TryLockAsync(owner, ct).ConfigureAwait(false) is { } holder)
            throw new UserError($"another crawl is running on {store.Path}: {holder}");
        await frontier.RequeueInFlightAsync(TimeSpan.Zero, ct).ConfigureAwait(false);
        var pipeline = NewsPipeline.CreateDefault();
        if (!quiet) options = options with { Notices = new CrawlNotices(line => io.Error.WriteLine("crawl: " + line)) };
        var shortest = sources.Select(s => s.RevisitInterval).Where(t => t > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.FromMinutes(1)).Min()!.Value;
        var floor = shortest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : shortest > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : shortest;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var report = await pipeline.CrawlWithFrontierAsync(store, frontier, sources, options, null, ct).ConfigureAwait(false);
                if (!quiet) io.Error.WriteLine($"crawl: pass done: {report.PagesFetched} fetched, {report.ArticlesStored} new article(s), {report.Failures} failed");
                if (ct.IsCancellationRequested) break;
                var next = await frontier.NextRevisitAsync(ct).ConfigureAwait(false) ?? DateTimeOffset.UtcNow.AddHours(1);
                var until = DateTimeOffset.UtcNow + (next - DateTimeOffset.UtcNow < floor ? floor : next - DateTimeOffset.UtcNow);
                while (DateTimeOffset.UtcNow < until)
                {
                    var nap = until - DateTimeOffset.UtcNow;
                    await Task.Delay(nap < LockRefreshEvery ? nap : LockRefreshEvery, ct).ConfigureAwait(false);
                    if (await frontier.TryLockAsync(owner, ct).ConfigureAwait(false) is { } taker)
                        throw new UserError($"the crawl lock on {store.Path} was taken by {taker}");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C / SIGTERM while sleeping between passes.
        }
        io.Out.WriteLine("crawl: stopped");
        return ExitCodes.Ok;
    }

    /// <summary>--refetch: every finished URL is queued again (conditional GET still spares unchanged pages).</summary>
    private static async Task RequeueAllAsync(NewsStore store, CancellationToken ct)
    {
        await using var frontier = await DurableFrontier.OpenAsync(store, ct).ConfigureAwait(false);
        await frontier.RequeueFinishedAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Progress that runs the handler on the reporting thread (no posting to a thread pool, no reordering).</summary>
    private sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}

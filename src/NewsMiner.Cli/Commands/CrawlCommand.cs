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
            Description = "Start URL(s): section listings or front pages",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var maxPages = new Option<int>("--max-pages") { Description = "Stop after this many pages", DefaultValueFactory = _ => CrawlOptions.DefaultMaxPages };
        var delay = new Option<int>("--delay-ms") { Description = "Delay between requests to one host, in ms", DefaultValueFactory = _ => CrawlOptions.DefaultDelayMs };
        var province = new Option<string?>("--province") { Description = "The sites' province, used when an article names none" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary" };
        var command = new Command("crawl", "Crawl sites into the database: fetch, extract, mine and store every article.") { start, maxPages, delay, province, quiet };
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
            var options = new CrawlOptions { StartUrls = urls, MaxPages = r.GetValue(maxPages), DelayMs = r.GetValue(delay) };
            var sources = new[] { new CrawlSource("command line", r.GetValue(province), urls) };
            await using var store = await NewsStore.OpenAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var report = await RunAsync(io, store, sources, options, r.GetValue(quiet), ct).ConfigureAwait(false);
            return report.PagesFetched == 0 && report.Failures > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs a crawl with a progress line every few seconds and a summary at the end (shared with demo).</summary>
    public static async Task<CrawlReport> RunAsync(CliIo io, NewsStore store, IReadOnlyList<CrawlSource> sources, CrawlOptions options,
        bool quiet, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        var progress = new SynchronousProgress<CrawlReport>(p =>
        {
            if (quiet || watch.Elapsed - lastPrint < TimeSpan.FromSeconds(5)) return;
            lastPrint = watch.Elapsed;
            io.Error.WriteLine($"crawl: {p.PagesFetched} fetched, {p.Failures} failed, {p.ArticlesStored} articles, {p.FiguresStored} figures ({watch.Elapsed.TotalSeconds:F0} s)");
        });
        var report = await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, progress, ct).ConfigureAwait(false);
        var failures = report.FailuresByClass.Count == 0 ? "none" : string.Join(", ", report.FailuresByClass.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"));
        io.Out.WriteLine($"Crawled {report.PagesFetched} page(s) in {watch.Elapsed.TotalSeconds:F1} s: {report.ArticlesStored} article(s) stored, " +
            $"{report.ArticlesUnchanged} unchanged, {report.PagesWithoutArticle} page(s) without an article, {report.FiguresStored} figure(s). Failures: {failures}.");
        io.Out.WriteLine($"Database: {Path.GetFullPath(store.Path)}");
        return report;
    }

    /// <summary>Progress that runs the handler on the reporting thread (no posting to a thread pool, no reordering).</summary>
    private sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}

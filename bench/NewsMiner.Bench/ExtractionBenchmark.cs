using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsMiner.Extraction;

namespace NewsMiner.Bench;

/// <summary>
/// Scores ArticleExtractor on the ScrapingHub article-extraction set (181 pages, shingle metric) and trafilatura's
/// evaluation set (990 pages, snippet metric), runs Mozilla Readability.js (bench/readability/run.sh) on the same
/// decoded pages in the same run, and prints both tables with pages/s, beside AngleSharp's parse-only rate.
/// Options: --no-readability, --worst N (list our N worst pages per set), --dump DIR (our texts), --passes N
/// (timed passes, best kept; default 5: the first passes still run code the JIT has not optimised yet), --shared DIR,
/// --loop N (only our extractor, N passes over the 181 pages: a workload for a profiler), --misses FILE (for every
/// missed "with" and present "without" snippet of the 990 pages: the elements around it and our drop reason).
/// </summary>
public sealed class ExtractionBenchmark : IBenchmark
{
    public string Name => "extraction";
    public string Description => "article extraction vs Readability.js on article-extraction (181) and trafilatura-eval (990)";

    private sealed record Page(string Id, string Html, string? Url);

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var shared = Option(args, "--shared") ?? FindShared();
        var worst = int.TryParse(Option(args, "--worst"), out var w) ? w : 0;
        var withReadability = !args.Contains("--no-readability");
        var passes = int.TryParse(Option(args, "--passes"), out var n) ? n : 5;
        if (shared is null)
        {
            Console.Error.WriteLine("../shared/bench not found (pass --shared DIR)");
            return 2;
        }
        if (!ShingleMetric.SelfCheck())
        {
            Console.Error.WriteLine("shingle metric disagrees with the README's check values");
            return 1;
        }
        var root = Path.Combine(shared, "bench");

        // ScrapingHub set.
        using var truthDoc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "article-extraction", "ground-truth.json"), ct));
        var aePages = new List<Page>();
        var aeTruth = new Dictionary<string, string>();
        foreach (var p in truthDoc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            aeTruth[p.Name] = p.Value.GetProperty("articleBody").GetString() ?? "";
            var url = p.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            aePages.Add(new Page(p.Name, await ReadGz(Path.Combine(root, "article-extraction", "html", p.Name + ".html.gz"), ct), url));
        }

        // Trafilatura set.
        using var evalDoc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "trafilatura-eval", "evaldata.json"), ct));
        var tePages = new List<Page>();
        var teSnippets = new Dictionary<string, (string[] With, string[] Without)>();
        foreach (var p in evalDoc.RootElement.EnumerateObject())
        {
            var file = p.Value.GetProperty("file").GetString()!;
            var id = file;
            teSnippets[id] = (Strings(p.Value, "with"), Strings(p.Value, "without"));
            tePages.Add(new Page(id, await ReadGz(Path.Combine(root, "trafilatura-eval", "html", file + ".gz"), ct), p.Name));
        }

        // Floor: AngleSharp parse alone, single thread, after a warm-up pass.
        // Each rate is the best of three passes: the machine is shared, and the fastest pass is the least disturbed.
        var parser = new HtmlParser();
        foreach (var p in aePages.Take(20)) parser.ParseDocument(p.Html);
        var parseRate = BestRate(aePages.Count, passes, () =>
        {
            foreach (var p in aePages) parser.ParseDocument(p.Html);
        });

        var extractor = new ArticleExtractor(new ExtractionOptions { Now = DateTimeOffset.UtcNow });
        string? Ours(Page p)
        {
            var r = extractor.ExtractHtml(p.Html, Uri.TryCreate(p.Url, UriKind.Absolute, out var u) ? u : null);
            return r.Article?.Text;
        }
        foreach (var p in aePages.Take(20)) Ours(p);
        // --loop N: only our extractor over the 181 pages N times, for a profiler to sample (dotnet-trace).
        if (int.TryParse(Option(args, "--loop"), out var loops))
        {
            // Parse-only and ours alternate, and each is timed by the process's CPU time as well as the clock: on a
            // shared machine the clock measures the neighbours, the CPU time mostly this work.
            double bestParse = 0, bestOurs = 0, cpuParse = double.MaxValue, cpuOurs = double.MaxValue;
            var self = Process.GetCurrentProcess();
            for (var i = 0; i < loops; i++)
            {
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                bestParse = Math.Max(bestParse, BestRate(aePages.Count, 1, () =>
                {
                    foreach (var p in aePages) parser.ParseDocument(p.Html);
                }));
                self.Refresh();
                var cpu1 = self.TotalProcessorTime;
                bestOurs = Math.Max(bestOurs, BestRate(aePages.Count, 1, () =>
                {
                    foreach (var p in aePages) Ours(p);
                }));
                self.Refresh();
                cpuParse = Math.Min(cpuParse, (cpu1 - cpu0).TotalSeconds);
                cpuOurs = Math.Min(cpuOurs, (self.TotalProcessorTime - cpu1).TotalSeconds);
            }
            Console.WriteLine($"clock: ours {bestOurs:F1} pages/s, parse only {bestParse:F1}, ratio {bestOurs / bestParse:F3} (best of {loops} alternating passes)");
            Console.WriteLine($"cpu:   ours {aePages.Count / cpuOurs:F1} pages/s, parse only {aePages.Count / cpuParse:F1}, ratio {cpuParse / cpuOurs:F3}");
            return 0;
        }
        var aeOurs = new Dictionary<string, string?>();
        var oursAeRate = BestRate(aePages.Count, passes, () =>
        {
            foreach (var p in aePages) aeOurs[p.Id] = Ours(p);
        });
        var teOurs = new Dictionary<string, string?>();
        var oursTeRate = BestRate(tePages.Count, 1, () =>
        {
            foreach (var p in tePages) teOurs[p.Id] = Ours(p);
        });
        if (Option(args, "--dump") is { } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (var (id, text) in aeOurs.Concat(teOurs)) await File.WriteAllTextAsync(Path.Combine(dump, id + ".txt"), text ?? "", ct);
        }

        if (Option(args, "--misses") is { } missesFile) await WriteMisses(missesFile, tePages, teSnippets, teOurs, extractor, ct);

        Dictionary<string, string?>? aeRead = null, teRead = null;
        double readAeRate = 0, readTeRate = 0;
        if (withReadability)
        {
            var tmp = Path.Combine(Path.GetTempPath(), "newsminer-extraction-bench-" + Environment.ProcessId);
            try
            {
                (aeRead, readAeRate) = await Readability(aePages, Path.Combine(tmp, "ae"), ct);
                (teRead, readTeRate) = await Readability(tePages, Path.Combine(tmp, "te"), ct);
            }
            finally
            {
                if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            }
        }

        Console.WriteLine($"article-extraction ({aePages.Count} pages, 4-shingle metric, macro P/R, F1 of means)");
        Console.WriteLine($"  {"system",-16} {"F1",6} {"P",6} {"R",6} {"exact",6} {"pages/s",9}");
        var aeOurScores = aePages.Select(p => ShingleMetric.Score(aeTruth[p.Id], aeOurs[p.Id])).ToList();
        PrintShingle("newsminer", ShingleMetric.Summarize(aeOurScores), oursAeRate);
        if (aeRead is not null) PrintShingle("readability.js", ShingleMetric.Summarize(aePages.Select(p => ShingleMetric.Score(aeTruth[p.Id], aeRead[p.Id])).ToList()), readAeRate);
        Console.WriteLine($"  {"anglesharp parse",-16} {"",6} {"",6} {"",6} {"",6} {parseRate,9:F1}   (parse only: the floor)");

        Console.WriteLine();
        Console.WriteLine($"trafilatura-eval ({tePages.Count} pages, {teSnippets.Values.Sum(s => s.With.Length)} with / {teSnippets.Values.Sum(s => s.Without.Length)} without snippets, micro)");
        Console.WriteLine($"  {"system",-16} {"F1",6} {"P",6} {"R",6} {"acc",6} {"pages/s",9}");
        var teOurCounts = tePages.ToDictionary(p => p.Id, p => SnippetMetric.Score(teOurs[p.Id], teSnippets[p.Id].With, teSnippets[p.Id].Without));
        PrintSnippet("newsminer", teOurCounts.Values.Aggregate(new SnippetMetric.Counts(0, 0, 0, 0), (a, b) => a + b), oursTeRate);
        if (teRead is not null)
            PrintSnippet("readability.js", tePages.Select(p => SnippetMetric.Score(teRead[p.Id], teSnippets[p.Id].With, teSnippets[p.Id].Without))
                .Aggregate(new SnippetMetric.Counts(0, 0, 0, 0), (a, b) => a + b), readTeRate);

        if (readAeRate > 0) Console.WriteLine($"\nspeed ratio on the 181 pages: newsminer / readability.js = {oursAeRate / readAeRate:F1}x");
        if (worst > 0)
        {
            Console.WriteLine("\nworst article-extraction pages (ours): id F1 P R");
            foreach (var (p, s) in aePages.Zip(aeOurScores).OrderBy(x => F1(x.Second)).Take(worst))
                Console.WriteLine($"  {p.Id[..16]} {F1(s):F3} {s.Precision:F3} {s.Recall:F3} {p.Url}");
            Console.WriteLine("\nworst trafilatura-eval pages (ours): file FN FP");
            foreach (var (id, c) in teOurCounts.OrderByDescending(x => x.Value.Fn + x.Value.Fp).Take(worst))
                Console.WriteLine($"  {id} FN={c.Fn} FP={c.Fp}");
        }
        Console.WriteLine("\ncommand: dotnet run -c Release --project bench/NewsMiner.Bench -- extraction");
        return 0;
    }

    /// <summary>
    /// One line per wrong snippet: page, FN/FP, the snippet's start, the innermost elements holding it (tag.class#id)
    /// and the drop reason of the nearest of them we listed; a tab-separated table to sort and count by hand.
    /// </summary>
    private static async Task WriteMisses(string file, List<Page> pages, Dictionary<string, (string[] With, string[] Without)> snippets,
        Dictionary<string, string?> ours, ArticleExtractor extractor, CancellationToken ct)
    {
        var parser = new HtmlParser();
        var sb = new StringBuilder();
        foreach (var p in pages)
        {
            var text = SnippetMetric.Squeeze(ours[p.Id] ?? "");
            var wrong = snippets[p.Id].With.Where(w => !text.Contains(SnippetMetric.Squeeze(w), StringComparison.Ordinal)).Select(w => ("FN", w))
                .Concat(snippets[p.Id].Without.Where(w => text.Contains(SnippetMetric.Squeeze(w), StringComparison.Ordinal)).Select(w => ("FP", w)))
                .ToList();
            if (wrong.Count == 0) continue;
            var doc = parser.ParseDocument(p.Html);
            var result = extractor.ExtractHtml(p.Html, Uri.TryCreate(p.Url, UriKind.Absolute, out var u) ? u : null);
            foreach (var (kind, snippet) in wrong)
            {
                var needle = SnippetMetric.Squeeze(snippet);
                // The body first: head scripts (JSON-LD) often repeat the text that matters.
                AngleSharp.Dom.IElement? at = new[] { doc.Body, doc.DocumentElement }
                    .FirstOrDefault(e => e is not null && SnippetMetric.Squeeze(e.TextContent).Contains(needle, StringComparison.Ordinal));
                while (at?.Children.FirstOrDefault(c => SnippetMetric.Squeeze(c.TextContent).Contains(needle, StringComparison.Ordinal)) is { } inner) at = inner;
                var path = new List<string>();
                string? reason = null;
                for (var e = at; e is not null && path.Count < 7; e = e.ParentElement)
                {
                    var cls = e.GetAttribute("class");
                    var id = e.GetAttribute("id");
                    path.Add(e.LocalName + (string.IsNullOrWhiteSpace(cls) ? "" : "." + string.Join('.', cls.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))) + (string.IsNullOrWhiteSpace(id) ? "" : "#" + id.Trim()));
                    if (reason is null)
                    {
                        var start = SnippetMetric.Squeeze(e.TextContent);
                        reason = result.Dropped.FirstOrDefault(d => d.Text.Length >= 12 && start.StartsWith(SnippetMetric.Squeeze(d.Text)[..Math.Min(40, SnippetMetric.Squeeze(d.Text).Length)], StringComparison.Ordinal))?.Reason;
                    }
                }
                var shown = needle.Length > 60 ? needle[..60] : needle;
                sb.Append(p.Id).Append('\t').Append(kind).Append('\t').Append(at is null ? "NOTFOUND" : reason ?? "-").Append('\t')
                    .Append(string.Join(" < ", path)).Append('\t').Append(shown.Replace('\t', ' ').Replace('\n', ' ')).Append('\n');
            }
        }
        await File.WriteAllTextAsync(file, sb.ToString(), ct);
    }

    private static double BestRate(int pages, int passes, Action pass)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Math.Max(1, passes); i++)
        {
            var sw = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return pages / best;
    }

    private static double F1(ShingleMetric.PageScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    private static void PrintShingle(string name, ShingleMetric.Summary s, double rate) =>
        Console.WriteLine($"  {name,-16} {s.F1,6:F3} {s.Precision,6:F3} {s.Recall,6:F3} {s.Accuracy,6:F3} {rate,9:F1}");

    private static void PrintSnippet(string name, SnippetMetric.Counts c, double rate) =>
        Console.WriteLine($"  {name,-16} {c.F1,6:F3} {c.Precision,6:F3} {c.Recall,6:F3} {c.Accuracy,6:F3} {rate,9:F1}");

    private static async Task<(Dictionary<string, string?> Texts, double Rate)> Readability(List<Page> pages, string dir, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var manifest = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            var path = Path.Combine(dir, i + ".html");
            await File.WriteAllTextAsync(path, pages[i].Html, new UTF8Encoding(false), ct);
            manifest.Append(i).Append('\t').Append(path).Append('\t').Append(pages[i].Url).Append('\n');
        }
        var manifestPath = Path.Combine(dir, "manifest.tsv");
        var outPath = Path.Combine(dir, "out.json");
        await File.WriteAllTextAsync(manifestPath, manifest.ToString(), ct);
        var script = Path.Combine(FindRepo(), "bench", "readability", "run.sh");
        var psi = new ProcessStartInfo("bash", [script, manifestPath, outPath]) { RedirectStandardError = false };
        using var proc = Process.Start(psi)!;
        await proc.WaitForExitAsync(ct);
        if (proc.ExitCode != 0) throw new InvalidOperationException("readability run.sh failed with exit code " + proc.ExitCode);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(outPath, ct));
        var texts = new Dictionary<string, string?>();
        var byIndex = result.RootElement.GetProperty("pages");
        for (var i = 0; i < pages.Count; i++)
            texts[pages[i].Id] = byIndex.TryGetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture), out var e) ? e.GetProperty("text").GetString() : null;
        var totalMs = result.RootElement.GetProperty("totalMs").GetDouble();
        return (texts, pages.Count / (totalMs / 1000));
    }

    private static async Task<string> ReadGz(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        await using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        await gz.CopyToAsync(ms, ct);
        return PageDecoder.Decode(ms.ToArray());
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "bench", "readability"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static string? FindShared()
    {
        for (var d = new DirectoryInfo(FindRepo()); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "shared", "bench"))) return Path.Combine(d.FullName, "shared");
        return null;
    }
}

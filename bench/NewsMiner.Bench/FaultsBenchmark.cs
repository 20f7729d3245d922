using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsMiner.Crawling;
using NewsMiner.SampleSite.Faults;

namespace NewsMiner.Bench;

/// <summary>
/// Issue #15's acceptance run: the fault site at full strength (40 good articles; a page answering after 45 s, one
/// dripping 4 bytes a second, 60 MB bodies, a gzip bomb, resets, …) crawled by the real command,
/// `newsminer crawl --start http://127.0.0.1:port/ --delay-ms 0`, as a child process with every other option at its
/// default. Prints the wall time, the exit code, the peak RSS of the crawler process, and whether every good and every
/// recoverable article was stored. Args: [extra crawl arguments...].
/// </summary>
public sealed class FaultsBenchmark : IBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public string Name => "faults";

    public string Description => "one-shot `newsminer crawl --delay-ms 0` of the fault site: time, exit code, peak RSS, articles recovered";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        await using var site = FaultSite.Start();
        var dir = Directory.CreateTempSubdirectory("newsminer-faults-bench-");
        try
        {
            var db = Path.Combine(dir.FullName, "faults.db");
            string[] crawl = ["--db", db, "crawl", "--start", site.BaseUrl.AbsoluteUri, "--delay-ms", "0", .. args];
            var (exit, elapsed, peakRssMb, output) = await RunCrawlerAsync(crawl, dir.FullName, ct);
            foreach (var line in output) Console.WriteLine("  | " + line);
            return Report(site, db, exit, elapsed, peakRssMb, crawl);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int Report(FaultSite site, string db, int exit, TimeSpan elapsed, long peakRssMb, string[] crawl)
    {
        var bad = site.Cases.Where(c => c.Expect is not (FaultExpectation.NeverRequested or FaultExpectation.Robots) && !c.Path.StartsWith("//", StringComparison.Ordinal)).ToList();
        var good = site.GoodArticlePaths.Count(p => StoredOnce(db, site.Url(p)));
        var recoverable = bad.Where(c => c.Recoverable).ToList();
        var recovered = recoverable.Count(c => StoredOnce(db, site.Url(c.Path)));
        Console.WriteLine($"fault site: {site.GoodArticlePaths.Count} good articles, {bad.Count} bad pages ({bad.Count(c => c.Slow)} slow, " +
            $"{recoverable.Count} recoverable), {site.Cases.Count} fault kinds in all");
        Console.WriteLine($"crawl: {elapsed.TotalSeconds:F1} s (limit {Limit.TotalMinutes:F0} min), exit code {exit}, peak RSS {peakRssMb} MB (limit 600 MB); " +
            $"good articles stored {good}/{site.GoodArticlePaths.Count}, recoverable pages stored {recovered}/{recoverable.Count}");
        Console.WriteLine($"{Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("command: dotnet run -c Release --project bench/NewsMiner.Bench -- faults   (runs: newsminer " + string.Join(' ', crawl.Skip(2)) + ")");
        var ok = elapsed < Limit && peakRssMb < 600 && good == site.GoodArticlePaths.Count && recovered == recoverable.Count;
        Console.WriteLine(ok ? "acceptance: met" : "acceptance: NOT met");
        return ok ? 0 : 1;
    }

    private static bool StoredOnce(string db, Uri url)
    {
        using var conn = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM article_urls WHERE url = $u";
        cmd.Parameters.AddWithValue("$u", Crawler.Canonicalize(url).AbsoluteUri);
        return (long)cmd.ExecuteScalar()! == 1;
    }

    /// <summary>Runs `dotnet newsminer.dll args` and samples its peak resident set (VmHWM) until it exits.</summary>
    private static async Task<(int Exit, TimeSpan Elapsed, long PeakRssMb, List<string> Output)> RunCrawlerAsync(string[] args, string workDir, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsminer.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var output = new List<string>();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, HighWaterMarkKb(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(ct), Task.Delay(100, ct));
        }
        await process.WaitForExitAsync(ct);
        watch.Stop();
        return (process.ExitCode, watch.Elapsed, peakKb / 1024, output);
    }

    /// <summary>The process's peak resident set so far (Linux /proc), 0 once it is gone.</summary>
    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

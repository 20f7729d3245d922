using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Cli;
using NewsMiner.Tests.Cli;
using NewsMiner.Tests.Crawling;
using NewsMiner.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>
/// Two processes on one store file: a crawl (a child process) writes while this test process runs query, export,
/// search and compare on the same file. The readers get answers (through the crawl, which owns the file), a second
/// writer is refused, and the crawl ends with every article stored once in a file that opens cleanly.
/// </summary>
public sealed class ReadersDuringCrawlTests(ITestOutputHelper output) : IDisposable
{
    private const int Articles = 40;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Readers_in_another_process_are_answered_while_a_crawl_writes_and_the_file_stays_whole()
    {
        var served = new ConcurrentBag<int>();
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Html(Listing("Trang chủ", [.. Enumerable.Range(0, Articles).Select(n => $"/bai/{n}")])));
            app.MapGet("/bai/{n:int}", async (int n) =>
            {
                await Task.Delay(150); // slow enough that the readers run while the crawl writes
                served.Add(n);
                return Html(ArticleHtml(5000 + n, extraBody: $"<p>Năm 2023, Đảng bộ huyện Ea Kar kết nạp được {100 + n} đảng viên mới.</p>"));
            });
        });
        var db = _dir.File("shared.db");
        using var crawl = CliProcess.Start(_dir.Path, ["crawl", "--db", db, "--start", site.BaseUrl.AbsoluteUri, "--delay-ms", "0", "--ignore-robots", "--quiet",
            "--province", "Đắk Lắk"], line => output.WriteLine("out: " + line), line => output.WriteLine("err: " + line));
        var guard = Stopwatch.StartNew();
        while (served.Count < 8 && !crawl.HasExited && guard.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);
        Assert.False(crawl.HasExited, "the crawl ended before the readers could run");

        var query = await CliRunner.RunAsync("query", "--db", db, "--json");
        Assert.True(query.ExitCode == 0, query.Error);
        Assert.NotEmpty(query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var csv = _dir.File("during.csv");
        var export = await CliRunner.RunAsync("export", "--db", db, "--format", "csv", "--out", csv);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.True(File.ReadAllLines(csv).Length > 1);
        var search = await CliRunner.RunAsync("search", "--db", db, "kết nạp");
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains("[kết] [nạp]", search.Out, StringComparison.Ordinal);
        var compare = await CliRunner.RunAsync("compare", "--db", db, "--metric", "new_members");
        Assert.True(compare.ExitCode == 0, compare.Error);
        Assert.False(crawl.HasExited, "the crawl ended while the readers ran, so they were not concurrent");

        // A second writer is refused with one line naming the crawl that holds the file.
        var second = await CliRunner.RunAsync("crawl", "--db", db, "--start", site.BaseUrl.AbsoluteUri, "--quiet");
        Assert.Equal(ExitCodes.BadInput, second.ExitCode);
        Assert.Contains("another crawl is running", Assert.Single(second.ErrorLines), StringComparison.OrdinalIgnoreCase);

        Assert.True(crawl.WaitForExit(TimeSpan.FromSeconds(90)), "the crawl did not finish");
        await crawl.WaitForExitAsync();
        Assert.Equal(0, crawl.ExitCode);
        using var conn = StoreSnapshot.Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*), count(DISTINCT canonical_url) FROM articles";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((Articles, Articles), (r.GetInt64(0), r.GetInt64(1)));
    }
}

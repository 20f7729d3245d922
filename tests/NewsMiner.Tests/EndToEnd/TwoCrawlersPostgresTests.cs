using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsMiner.Tests.Crawling;
using NewsMiner.Tests.Storage;
using NewsMiner.Tests.Support;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>
/// Two real `newsminer crawl` processes share one PostgreSQL frontier over a loopback site of 1,000 articles (plus the
/// section page and its 50 listings): together they fetch every page exactly once, both do part of the work, and every
/// article is stored once.
/// </summary>
public partial class TwoCrawlersPostgresTests(ITestOutputHelper output)
{
    private const int Articles = 1000;
    private const int PerListing = 20;
    private const int Listings = Articles / PerListing;

    private static string ArticleHtml(int n) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Tin số {n}</title></head><body><article><h1>Tin số {n}: chi bộ khu phố {n} họp định kỳ</h1>"
        + $"<p>Ngày 1{n % 9}/04/2024, chi bộ khu phố số {n} họp bàn việc giữ gìn vệ sinh đường làng và chăm lo gia đình chính sách.</p>"
        + string.Concat(Enumerable.Range(0, 6).Select(i => $"<p>Ý kiến {i} tại buổi họp số {n}: mỗi đảng viên nhận một việc cụ thể, cuối tháng báo lại với chi bộ để cùng rút kinh nghiệm.</p>"))
        + "</article></body></html>";

    private static string ListingHtml(int page) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Chuyên mục</title></head><body>"
        + string.Concat(Enumerable.Range(page * PerListing, PerListing).Select(n => $"<a href=\"/tin/{n}\">Tin {n}</a>"))
        + "</body></html>";

    private static string SectionHtml() =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Xây dựng Đảng</title></head><body>"
        + string.Concat(Enumerable.Range(0, Listings).Select(p => $"<a href=\"/chuyen-muc?trang={p}\">Trang {p}</a>"))
        + "</body></html>";

    [GeneratedRegex(@"Crawled (\d+) page\(s\)", RegexOptions.None, 1000)]
    private static partial Regex CrawledLine();

    private sealed record Run(Process Process, List<string> Out);

    private Run StartCrawl(string db, Uri start, string name)
    {
        var lines = new List<string>();
        var p = CliProcess.Start(AppContext.BaseDirectory,
            ["crawl", "--db", db, "--start", start.AbsoluteUri, "--delay-ms", "5", "--max-pages", "5000", "--quiet", "--ignore-robots"],
            line =>
            {
                lock (lines) lines.Add(line);
                output.WriteLine($"{name} out: {line}");
            },
            line => output.WriteLine($"{name} err: {line}"));
        return new Run(p, lines);
    }

    [PostgresFact]
    public async Task Two_crawlers_on_one_postgres_fetch_each_page_once_and_store_each_article_once()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/chuyen-muc", (int? trang) => trang is { } p
                ? p < Listings ? Results.Content(ListingHtml(p), "text/html; charset=utf-8") : Results.NotFound()
                : Results.Content(SectionHtml(), "text/html; charset=utf-8"));
            app.MapGet("/tin/{n:int}", (int n) => n < Articles ? Results.Content(ArticleHtml(n), "text/html; charset=utf-8") : Results.NotFound());
        });
        await using var schema = await PostgresSchema.CreateAsync();
        var start = site.Url("/chuyen-muc");

        var runs = new[] { StartCrawl(schema.ConnectionString, start, "a"), StartCrawl(schema.ConnectionString, start, "b") };
        foreach (var run in runs)
        {
            using var p = run.Process;
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(240)), "a crawl did not finish");
            p.WaitForExit(); // flushes the redirected output
            Assert.Equal(0, p.ExitCode);
        }

        var pages = runs.Select(r =>
        {
            lock (r.Out) return r.Out.Select(l => CrawledLine().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Single();
        }).ToList();
        output.WriteLine($"pages per process: {string.Join(", ", pages)}");
        Assert.All(pages, n => Assert.True(n > 0, $"a process fetched nothing: {string.Join(", ", pages)}"));
        Assert.Equal(1 + Listings + Articles, pages.Sum());

        // The server's view: every page requested exactly once, by the two processes together.
        var byPath = site.Hits.GroupBy(h => h.PathAndQuery).ToList();
        Assert.Equal(1 + Listings + Articles, byPath.Count);
        Assert.Empty(byPath.Where(g => g.Count() != 1).Select(g => $"{g.Key} x{g.Count()}"));

        await using var conn = new NpgsqlConnection(schema.ConnectionString);
        await conn.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Equal(Articles, await Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(Articles, await Scalar("SELECT count(DISTINCT canonical_url) FROM articles"));
        Assert.Equal(Articles, await Scalar("SELECT count(DISTINCT title) FROM articles"));
        Assert.Equal(1 + Listings + Articles, await Scalar("SELECT count(*) FROM fetches"));
        Assert.Equal(0, await Scalar("SELECT count(*) FROM frontier WHERE state IN ('queued', 'in_flight')"));
        Assert.Equal(0, await Scalar("SELECT count(*) FROM crawl_workers")); // both left cleanly

        // The read commands take the same connection string.
        var status = await NewsMiner.Tests.Cli.CliRunner.RunAsync("status", "--db", schema.ConnectionString);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("command line: last run", status.Out, StringComparison.Ordinal);
        var search = await NewsMiner.Tests.Cli.CliRunner.RunAsync("search", "--db", schema.ConnectionString, "khu phố số 7");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("Tin số 7", search.Out, StringComparison.Ordinal);
    }
}

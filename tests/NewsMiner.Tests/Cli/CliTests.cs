using System.Text.Json;
using NewsMiner.Cli;
using NewsMiner.SampleSite;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Cli;

public class CliTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("crawl")]
    [InlineData("extract")]
    [InlineData("mine")]
    [InlineData("query")]
    [InlineData("export")]
    public async Task Every_command_has_help(string command)
    {
        var r = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Out);
        Assert.Contains("--db", r.Out);
    }

    [SharedFact]
    public async Task Mine_json_prints_schema_shaped_figures_for_seed_000()
    {
        var seed = SharedData.Path("seeds", "000_42870155bb5e82fc.txt");
        var r = await CliRunner.RunAsync("mine", seed, "--json", "--province", "Quảng Ninh");
        Assert.Equal(0, r.ExitCode);
        var figures = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(figures);
        string[] fields = ["metric", "segment", "value", "value_max", "qualifier", "per_year", "period", "locality", "evidence", "confidence"];
        foreach (var f in figures)
        {
            Assert.Equal(fields.Order(), f.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(["commune", "district", "province", "unit"], f.GetProperty("locality").EnumerateObject().Select(p => p.Name).Order());
        }
        Assert.Contains(figures, f => f.GetProperty("metric").GetString() == "new_members" && f.GetProperty("value").GetDecimal() == 320
            && f.GetProperty("locality").GetProperty("district").GetString() == "Đông Triều" && f.GetProperty("period").GetString() == "2016");
        Assert.Contains(figures, f => f.GetProperty("metric").GetString() == "new_members" && f.GetProperty("value").GetDecimal() == 13
            && f.GetProperty("locality").GetProperty("commune").GetString() == "Xuân Sơn" && f.GetProperty("period").GetString() == "2016");
        Assert.Contains(figures, f => f.GetProperty("metric").GetString() == "total_members" && f.GetProperty("value").GetDecimal() == 8201
            && f.GetProperty("locality").GetProperty("district").GetString() == "Đông Triều");
        Assert.DoesNotContain(figures, f => f.GetProperty("value").GetDecimal() is 23.75m or 30 or 6 or 5);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        var missing = dir.File("khong-co.txt");
        var r = await CliRunner.RunAsync("mine", missing);
        AssertBadInput(r, missing);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        using var dir = new TempDir();
        var empty = dir.File("rong.txt");
        await File.WriteAllTextAsync(empty, "  \n ");
        AssertBadInput(await CliRunner.RunAsync("mine", empty), empty);
    }

    [Fact]
    public async Task An_html_page_without_an_article_is_refused()
    {
        using var dir = new TempDir();
        var page = dir.File("trang.html");
        await File.WriteAllTextAsync(page, "<html><head><title>Trang chủ</title></head><body><nav><a href='/a'>Tin tức</a></nav></body></html>");
        AssertBadInput(await CliRunner.RunAsync("extract", page), page);
    }

    [Fact]
    public async Task An_unreachable_url_is_one_line_naming_it()
    {
        // A loopback port nobody listens on: bind, read the port, close.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}/bai-viet.html";
        AssertBadInput(await CliRunner.RunAsync("extract", url), url);
    }

    [Fact]
    public async Task A_non_html_response_is_refused()
    {
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var pdf = SampleSiteManifest.Load().Documents.First(d => d.ContentType.Contains("pdf", StringComparison.Ordinal));
        var url = new Uri(site.BaseAddress, pdf.Path).AbsoluteUri;
        var r = await CliRunner.RunAsync("extract", url);
        AssertBadInput(r, url);
        Assert.Contains("not_html", r.Error);
    }

    [Fact]
    public async Task A_database_in_a_missing_folder_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "khong-co-thu-muc", "x.db");
        var r = await CliRunner.RunAsync("crawl", "--db", db, "--start", "http://127.0.0.1:9/", "--quiet");
        AssertBadInput(r, db);
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public async Task Query_on_a_missing_database_creates_no_file()
    {
        using var dir = new TempDir();
        var db = dir.File("chua-co.db");
        AssertBadInput(await CliRunner.RunAsync("query", "--db", db), db);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task An_unknown_metric_lists_the_nearest_names()
    {
        using var dir = new TempDir();
        var r = await CliRunner.RunAsync("query", "--db", dir.File("x.db"), "--metric", "new_member");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("new_members", r.Error);
    }

    [Fact]
    public async Task Demo_query_and_export_work_on_one_database()
    {
        using var dir = new TempDir();
        var db = dir.File("demo.db");
        var demo = await CliRunner.RunAsync("demo", "--db", db);
        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("new members", demo.Out);

        var query = await CliRunner.RunAsync("query", "--db", db, "--metric", "new_members", "--json");
        Assert.Equal(0, query.ExitCode);
        var rows = query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, x => Assert.Equal("new_members", x.GetProperty("metric").GetString()));
        Assert.All(rows, x => Assert.StartsWith("http://127.0.0.1:", x.GetProperty("article_url").GetString()));

        var csv = dir.File("figures.csv");
        var export = await CliRunner.RunAsync("export", "--db", db, "--format", "csv", "--out", csv, "--metric", "new_members");
        Assert.Equal(0, export.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("id,metric,", lines[0]);
        Assert.Contains($"Wrote {rows.Count} figure(s)", export.Out);

        var again = await CliRunner.RunAsync("demo", "--db", db);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
    }

    private static void AssertBadInput(CliRunner.Result r, string input)
    {
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(input, r.ErrorLines[0]);
    }
}

using System.Diagnostics;
using NewsMiner.Crawling;
using NewsMiner.Mining;
using NewsMiner.SampleSite;
using NewsMiner.Storage;
using NewsMiner.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NewsMiner.Tests.EndToEnd;

/// <summary>
/// The whole pipeline on the bundled sample site: served on loopback, crawled into a temporary database, and the stored
/// figures compared with the site's manifest (the figures the pages were written to state).
/// </summary>
public class SampleSiteCrawlTests(ITestOutputHelper output)
{
    // With the ML.NET classifier (SDCA) the site measures P 0.921, R 0.948 (the own model it replaced held 0.94 / 0.95):
    // it names a few more counts the rules left alone, and reads one awareness course as a new-member course.
    /// <summary>Floors for the sample site; the measured values are printed by the test.</summary>
    public const double MinimumStrictRecall = 0.94;
    public const double MinimumStrictPrecision = 0.92;

    private static async Task<(INewsStore Store, CrawlReport Report, SampleManifest Manifest, Uri Base)> CrawlAsync(TempDir dir)
    {
        await using var server = await SampleSiteServer.StartAsync(CancellationToken.None);
        var store = await NewsStores.OpenAsync(dir.File("e2e.db"), CancellationToken.None);
        var report = await CrawlOnceAsync(server, store);
        return (store, report, SampleSiteManifest.Load(), server.BaseAddress);
    }

    private static Task<CrawlReport> CrawlOnceAsync(SampleSiteServer server, INewsStore store)
    {
        var sources = SampleSiteManifest.Load().Articles.GroupBy(a => a.Kind)
            .Select(g => new CrawlSource(g.Key, g.First().Province, server.StartUrls.Where(u => u.AbsolutePath.StartsWith("/" + g.Key + "/", StringComparison.Ordinal)).ToList()))
            .ToList();
        return NewsPipeline.CreateDefault().CrawlAsync(store, sources,
            new CrawlOptions { StartUrls = server.StartUrls, DelayMs = 0, MaxPages = 500 }, null, CancellationToken.None);
    }

    [Fact]
    public async Task Crawl_stores_the_sample_articles_and_their_figures()
    {
        using var dir = new TempDir();
        var (store, report, manifest, baseAddress) = await CrawlAsync(dir);
        await using var _ = store;

        var figures = new List<StoredFigure>();
        await foreach (var f in store.QueryFiguresAsync(FigureQuery.All, CancellationToken.None)) figures.Add(f);
        output.WriteLine($"report: {report}");

        Assert.True(report.ArticlesStored >= manifest.Articles.Count, $"stored {report.ArticlesStored} of {manifest.Articles.Count} articles");
        Assert.True(report.FailuresByClass.GetValueOrDefault(FetchErrorClass.Http4xx) >= 1, "the broken link is recorded as http_4xx");

        var total = Score.Zero;
        foreach (var article in manifest.Articles)
        {
            var url = new Uri(baseAddress, article.Path).AbsoluteUri;
            var mined = figures.Where(f => f.ArticleUrl == url).Select(f => f.ToFigure()).ToList();
            var gold = article.Figures.Select(g => new GoldFigure(g.Metric, g.Segment, g.Value, g.ValueMax, g.Qualifier, g.PerYear, g.Period,
                new Locality(g.Locality.Province, g.Locality.District, g.Locality.Commune, g.Locality.Unit), g.Evidence)).ToList();
            var s = FigureScorer.Score(article.Path, mined, gold);
            total += s.Strict;
            foreach (var m in s.Misses) output.WriteLine($"miss  {article.Path}: {FigureScorer.Describe(m)}");
            foreach (var e in s.Extras) output.WriteLine($"extra {article.Path}: {FigureScorer.Describe(e)}");
            if (article.Figures.Count == 0) Assert.True(mined.Count == 0, $"{article.Path} states no party figure but gave {mined.Count}");
        }
        output.WriteLine($"strict P={total.Precision:F3} R={total.Recall:F3} F1={total.F1:F3}");

        var localities = figures.Select(f => (f.Province, f.District, f.Commune)).Where(l => l.District is not null).Distinct().Count();
        var provinces = figures.Select(f => f.Province).Distinct().Count();
        Assert.True(localities >= 8, $"figures for {localities} localities");
        Assert.True(provinces >= 3, $"figures for {provinces} provinces");
        Assert.True(total.Recall >= MinimumStrictRecall, $"strict recall {total.Recall:F3}");
        Assert.True(total.Precision >= MinimumStrictPrecision, $"strict precision {total.Precision:F3}");
    }

    [Fact]
    public async Task Crawling_twice_stores_each_article_once()
    {
        // The same site crawled again into the same database: nothing finished is fetched or stored again.
        using var dir = new TempDir();
        await using var server = await SampleSiteServer.StartAsync(CancellationToken.None);
        await using var store = await NewsStores.OpenAsync(dir.File("twice.db"), CancellationToken.None);
        var first = await CrawlOnceAsync(server, store);
        var second = await CrawlOnceAsync(server, store);
        var stats = await store.StatsAsync(CancellationToken.None);
        Assert.True(first.ArticlesStored >= SampleSiteManifest.Load().Articles.Count, $"first crawl stored {first.ArticlesStored}");
        Assert.Equal(first.ArticlesStored, stats.Articles);
        Assert.Equal(0, second.ArticlesStored);
    }

    [Fact]
    public async Task The_newsminer_binary_runs_the_demo_as_a_child_process()
    {
        using var dir = new TempDir();
        var dll = Path.Combine(AppContext.BaseDirectory, "newsminer.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
        foreach (var a in new[] { dll, "demo", "--db", dir.File("child.db") }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "demo did not finish");
        output.WriteLine(await stdout);
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Contains("localities", await stdout);
        Assert.True(File.Exists(dir.File("child.db")));
    }
}

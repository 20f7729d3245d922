using NewsMiner;
using NewsMiner.Crawling;
using NewsMiner.Mining.Localities;
using Xunit;

namespace NewsMiner.Tests.Crawling;

/// <summary>Walks the bundled data/sources.json: every source loads, its URLs and regexes are valid, its province exists.</summary>
public class SourcesFileTests
{
    private static IReadOnlyList<CrawlSource> Bundled() =>
        SourceCatalog.Load(SourceCatalog.FindBundled() ?? throw new FileNotFoundException(SourceCatalog.BundledPath));

    [Fact]
    public void The_bundled_sources_ship_inside_the_library_and_match_the_file()
    {
        // crawl without --sources must work from any working directory, so the catalogue is an embedded resource.
        Assert.Contains(SourceCatalog.BundledPath, EmbeddedData.List(SourceCatalog.BundledPath));
        var embedded = SourceCatalog.LoadBundled() ?? throw new InvalidOperationException("no bundled sources");
        Assert.Equal(Bundled().Select(s => s.Name), embedded.Select(s => s.Name));
    }

    [Fact]
    public void Bundled_sources_cover_at_least_30_sources_in_20_provinces()
    {
        var sources = Bundled();
        Assert.True(sources.Count >= 30, $"{sources.Count} sources");
        Assert.True(sources.Select(s => s.Province).Distinct().Count() >= 20);
    }

    [Fact]
    public void Every_source_names_a_known_province_and_admits_its_own_start_urls()
    {
        var gazetteer = Gazetteer.Default;
        // Sources use the names articles of 2015-2024 use (Thừa Thiên Huế became Huế city on 1 January 2025).
        var provinces = gazetteer.Provinces(new DateOnly(2024, 6, 30)).Concat(gazetteer.Provinces(Gazetteer.LatestPreReform))
            .Select(p => NewsMiner.Text.VietnameseText.FoldKey(p.Name)).ToHashSet();
        foreach (var s in Bundled())
        {
            Assert.True(s.Province is not null && provinces.Contains(NewsMiner.Text.VietnameseText.FoldKey(s.Province)), $"{s.Name}: province '{s.Province}' not in the gazetteer");
            Assert.NotEmpty(s.StartUrls);
            Assert.All(s.StartUrls, u => Assert.Contains(u.Scheme, new[] { "http", "https" }));
            var scope = s.ToScope(null);
            Assert.All(s.StartUrls, u => Assert.Contains(scope.AllowedHosts, h => Crawler.HostKey(h) == Crawler.HostKey(u.Host)));
            Assert.True(s.RevisitInterval > TimeSpan.Zero, $"{s.Name}: no revisit interval");
            Assert.True(s.DelayMs >= 1000, $"{s.Name}: delay below 1 s");
        }
    }

    [Theory]
    [InlineData("""{"sources":[{"name":"a","startUrls":["ftp://x"]}]}""", "not an http")]
    [InlineData("""{"sources":[{"name":"a","startUrls":["https://x.vn/"],"articlePatterns":["(unclosed"]}]}""", "bad pattern")]
    [InlineData("""{"sources":[{"name":"a","startUrls":[]}]}""", "no startUrls")]
    [InlineData("""{"sources":[{"name":"a","startUrls":["https://x.vn/"]},{"name":"a","startUrls":["https://y.vn/"]}]}""", "twice")]
    public void Bad_sources_files_are_refused_with_the_reason(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => SourceCatalog.Parse(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void Scope_follows_article_and_listing_patterns_only()
    {
        var source = SourceCatalog.Parse("""
            {"defaults":{"revisitHours":2},"sources":[{"name":"b","province":"Nghệ An","startUrls":["https://bao.vn/xay-dung-dang/"],
             "articlePatterns":["^https://bao\\.vn/[a-z-]+-\\d+\\.html$"],"listingPatterns":["/xay-dung-dang/$"],"pagination":"\\?page=\\d+$","maxDepth":2}]}
            """).Single();
        var scope = source.ToScope(null);
        Assert.Null(scope.Admit(new Uri("https://bao.vn/lien-he"), 1));
        Assert.Null(scope.Admit(new Uri("https://khac.vn/bai-1.html"), 1));
        Assert.Null(scope.Admit(new Uri("https://bao.vn/bai-viet-12.html"), 3));
        Assert.Null(Assert.IsType<FrontierEntry>(scope.Admit(new Uri("https://bao.vn/bai-viet-12.html"), 1)).RevisitInterval);
        Assert.Equal(TimeSpan.FromHours(2), Assert.IsType<FrontierEntry>(scope.Admit(new Uri("https://bao.vn/xay-dung-dang/?page=3"), 1)).RevisitInterval);
    }
}

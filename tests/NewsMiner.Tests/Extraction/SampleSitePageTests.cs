using AngleSharp.Html.Parser;
using NewsMiner.Extraction;
using NewsMiner.SampleSite;
using NewsMiner.Tests.SampleSite;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>
/// Every article page of the bundled sample site, fetched from <see cref="SampleSiteServer"/> and extracted: title,
/// date and author as the manifest says; each gold figure's evidence exactly once; no page chrome (the page's own
/// footer, menus, counters, widgets, related boxes) in the text. One page per site kind is also compared with a
/// golden text under SampleGolden/ (set NEWSMINER_REGENERATE=1 to rewrite it, then review the diff).
/// </summary>
public sealed class SampleSitePageTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    // After every sample article, so no date is "in the future" and none is "today".
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(7));

    // Markup of chrome on the sample pages: these blocks never belong to an article.
    private const string ChromeSelector =
        "header, footer, nav, aside, .views, .stats, .rating, .comment, .tools, .related, .totop, .breadcrumb, .breadcrumbs, " +
        ".menu-left, .cat, .today, .weather, .skip, .font, .attach";

    private static readonly SampleManifest Manifest = SampleSiteManifest.Load();

    public static TheoryData<string> ArticlePaths()
    {
        var data = new TheoryData<string>();
        foreach (var a in Manifest.Articles) data.Add(a.Path);
        return data;
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Manifest.Articles.Select(a => a.Kind).Distinct().Order(StringComparer.Ordinal)) data.Add(kind);
        return data;
    }

    [Fact]
    public void Every_page_kind_is_covered() => Assert.True(Kinds().Count >= 4);

    [Theory]
    [MemberData(nameof(ArticlePaths))]
    public async Task Title_date_and_author_match_the_manifest(string path)
    {
        var gold = Manifest.Articles.Single(a => a.Path == path);
        var (_, result) = await Extract(path);

        Assert.Null(result.Error);
        var article = result.Article!;
        Assert.Equal(gold.Title, article.Title);
        Assert.NotNull(article.Published);
        Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
        Assert.Equal(gold.Published, DateOnly.FromDateTime(article.Published.Value.DateTime));
        Assert.Equal(Fold(gold.Author), Fold(article.Author));
    }

    [Theory]
    [MemberData(nameof(ArticlePaths))]
    public async Task Text_holds_the_article_once_and_no_chrome(string path)
    {
        var gold = Manifest.Articles.Single(a => a.Path == path);
        var (html, result) = await Extract(path);
        var text = result.Article!.Text;

        foreach (var figure in gold.Figures) Assert.Equal(1, Count(text, VietnameseText.Normalize(figure.Evidence)));
        var paragraphs = text.Split("\n\n");
        Assert.Equal(paragraphs.Length, paragraphs.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(result.Article.Title, paragraphs);

        var page = new HtmlParser().ParseDocument(html);
        var chrome = page.QuerySelectorAll(ChromeSelector)
            .Select(e => VietnameseText.Normalize(e.TextContent.Replace('\n', ' ')))
            .SelectMany(t => t.Split(['\n', '•'], StringSplitOptions.TrimEntries))
            .Where(t => t.Length >= 6)
            .Distinct()
            .ToList();
        Assert.NotEmpty(chrome);
        foreach (var piece in chrome) Assert.DoesNotContain(piece, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task First_page_of_each_kind_equals_its_golden_text(string kind)
    {
        var path = Manifest.Articles.First(a => a.Kind == kind).Path;
        var (_, result) = await Extract(path);
        var golden = Path.Combine(SharedData.RepoRoot, "tests", "NewsMiner.Tests", "Extraction", "SampleGolden", kind + ".txt");
        if (Environment.GetEnvironmentVariable("NEWSMINER_REGENERATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            await File.WriteAllTextAsync(golden, result.Article!.Text + "\n");
        }
        Assert.Equal((await File.ReadAllTextAsync(golden)).TrimEnd('\n'), result.Article!.Text);
    }

    [Fact]
    public async Task Print_view_yields_the_same_article_and_points_at_the_canonical_page()
    {
        Assert.NotEmpty(Manifest.PrintViews);
        foreach (var view in Manifest.PrintViews)
        {
            var (_, printed) = await Extract(view.Path);
            var (_, original) = await Extract(view.Canonical);
            Assert.Equal(original.Article!.Text, printed.Article!.Text);
            Assert.Equal(original.Article.Title, printed.Article.Title);
            Assert.EndsWith(view.Canonical, printed.Article.CanonicalUrl, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ArticlePaths))]
    public async Task Every_dropped_block_has_a_known_reason(string path)
    {
        var (_, result) = await Extract(path);
        var known = typeof(DropReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.NotEmpty(result.Dropped);
        Assert.All(result.Dropped, d => Assert.Contains(d.Reason, known));
    }

    private async Task<(string Html, ExtractionResult Result)> Extract(string path)
    {
        var bytes = await site.Client.GetByteArrayAsync(path);
        var html = PageDecoder.Decode(bytes);
        var url = new Uri(site.Server.BaseAddress, path);
        return (html, new ArticleExtractor(new ExtractionOptions { Now = Now }).ExtractHtml(html, url));
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string? Fold(string? s) => s is null ? null : VietnameseText.Normalize(s).ToLowerInvariant();
}

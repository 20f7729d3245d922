using System.Globalization;
using System.Text.Json;
using NewsMiner.Extraction;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>
/// One directory per page kind under Fixtures/ (pages written for these tests): page.html, expected.json (metadata,
/// drop reasons that must appear, strings that must not survive) and expected.txt (the exact article text).
/// Set NEWSMINER_REGENERATE=1 to rewrite expected.txt from the current output, then review the diff.
/// </summary>
public class GoldenPageTests
{
    private static string FixtureRoot => Path.Combine(SharedData.RepoRoot, "tests", "NewsMiner.Tests", "Extraction", "Fixtures");

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(FixtureRoot).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Fact]
    public void There_are_at_least_five_page_kinds() => Assert.True(Kinds().Count >= 5);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Page_extracts_to_the_golden_article(string kind)
    {
        var dir = Path.Combine(FixtureRoot, kind);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var expected = doc.RootElement;
        var now = DateTimeOffset.Parse(expected.GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
        var url = new Uri(expected.GetProperty("url").GetString()!);
        var result = new ArticleExtractor(new ExtractionOptions { Now = now }).ExtractHtml(File.ReadAllText(Path.Combine(dir, "page.html")), url);

        Assert.Null(result.Error);
        var article = result.Article!;
        var textPath = Path.Combine(dir, "expected.txt");
        if (Environment.GetEnvironmentVariable("NEWSMINER_REGENERATE") == "1") File.WriteAllText(textPath, article.Text);
        Assert.Equal(File.ReadAllText(textPath).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), article.Text);

        Assert.Equal(expected.GetProperty("title").GetString(), article.Title);
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("published").GetString()!, CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
        Assert.Equal(Enum.Parse<DatePublishedSource>(expected.GetProperty("publishedSource").GetString()!), article.PublishedSource);
        Assert.Equal(expected.GetProperty("author").GetString(), article.Author);
        Assert.Equal(expected.GetProperty("canonicalUrl").GetString(), article.CanonicalUrl);
        Assert.Equal(expected.GetProperty("language").GetString(), article.Language);
        Assert.Equal(url.ToString(), article.Url);
        foreach (var reason in expected.GetProperty("droppedReasons").EnumerateArray())
            Assert.Contains(result.Dropped, d => d.Reason == reason.GetString());
        foreach (var absent in expected.GetProperty("absent").EnumerateArray())
            Assert.DoesNotContain(absent.GetString()!, article.Text, StringComparison.Ordinal);

        // No paragraph twice: the page kinds print captions and whole articles twice.
        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(paragraphs.Length, paragraphs.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(NewsMiner.Text.VietnameseText.Normalize(article.Text), article.Text);
    }
}

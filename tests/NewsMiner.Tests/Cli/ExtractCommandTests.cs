using NewsMiner.SampleSite;
using Xunit;

namespace NewsMiner.Tests.Cli;

/// <summary>
/// `newsminer extract` on every article page of the sample site (written to look like the seeds: view counters,
/// rating widgets, related-news blocks, footers): what it prints holds the article's title and figures' evidence and
/// none of the page's counter or widget numbers.
/// </summary>
public sealed class ExtractCommandTests
{
    private static readonly SampleManifest Manifest = SampleSiteManifest.Load();

    /// <summary>Negatives of the manifest that are page furniture rather than article text.</summary>
    private static readonly string[] FurnitureKinds = ["view counter", "rating widget"];

    public static TheoryData<string> ArticlePaths()
    {
        var data = new TheoryData<string>();
        foreach (var a in Manifest.Articles) data.Add(a.Path);
        return data;
    }

    [Fact]
    public void Some_sample_pages_carry_furniture_numbers() =>
        Assert.Contains(Manifest.Articles.SelectMany(a => a.Negatives), n => FurnitureKinds.Contains(n.Why));

    [Theory]
    [MemberData(nameof(ArticlePaths))]
    public async Task Extract_prints_the_article_without_counter_or_widget_numbers(string path)
    {
        await using var site = await SampleSiteServer.StartAsync(CancellationToken.None);
        var article = Manifest.Articles.Single(a => a.Path == path);
        var url = new Uri(site.BaseAddress, path).AbsoluteUri;

        using var http = new HttpClient();
        var html = await http.GetStringAsync(url);
        var r = await CliRunner.RunAsync("extract", url);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains(article.Title, r.Out, StringComparison.Ordinal);
        foreach (var figure in article.Figures) Assert.Contains(figure.Evidence, r.Out, StringComparison.Ordinal);
        foreach (var furniture in article.Negatives.Where(n => FurnitureKinds.Contains(n.Why)))
        {
            Assert.DoesNotContain(furniture.Text, r.Out, StringComparison.Ordinal);
            // The number alone, too: a counter must not leak without its label either.
            foreach (var number in furniture.Text.Split(' ', ':').Where(w => w.Length >= 3 && w.All(char.IsDigit)))
            {
                Assert.Contains(number, html, StringComparison.Ordinal);
                Assert.DoesNotContain(number, r.Out, StringComparison.Ordinal);
            }
        }
    }
}

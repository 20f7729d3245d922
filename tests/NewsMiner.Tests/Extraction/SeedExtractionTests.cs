using System.Text.Json;
using NewsMiner.Extraction;
using NewsMiner.Text;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>
/// The five seed articles of ../shared against seeds-gold.json. Seed 003 begins with a leaked TLS exception: by
/// default that is a failed fetch (Error); with SalvageAfterTransportError the article after it is returned without
/// the exception text and with a "transport_error" drop. Both behaviours are checked.
/// </summary>
public class SeedExtractionTests
{
    private static readonly ExtractionOptions Salvage = new() { Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)), SalvageAfterTransportError = true };

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        if (SharedData.Root is null)
        {
            data.Add("(skipped)");
            return data;
        }
        foreach (var seed in Gold()) data.Add(seed.GetProperty("seed").GetString()!);
        return data;
    }

    private static List<JsonElement> Gold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seeds-gold.json")));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static (JsonElement Gold, ExtractionResult Result) Run(string seed, ExtractionOptions options)
    {
        var gold = Gold().Single(g => g.GetProperty("seed").GetString() == seed);
        var text = File.ReadAllText(SharedData.Path("seeds", seed));
        return (gold, new ArticleExtractor(options).ExtractPlainText(text, null));
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Title_date_and_author_match_gold(string seed)
    {
        var (gold, result) = Run(seed, Salvage);
        Assert.Null(result.Error);
        var article = result.Article!;
        Assert.Equal(gold.GetProperty("title").GetString(), article.Title);
        Assert.Equal(gold.GetProperty("published").GetString(), article.Published?.ToString("yyyy-MM-dd"));
        Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
        Assert.Equal(DatePublishedSource.DateLine, article.PublishedSource);
        Assert.Equal(gold.GetProperty("author").GetString(), article.Author);
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Counter_rating_and_view_negatives_are_not_in_the_text(string seed)
    {
        var (gold, result) = Run(seed, Salvage);
        var text = result.Article!.Text;
        foreach (var negative in gold.GetProperty("negatives").EnumerateArray())
        {
            var why = negative.GetProperty("why").GetString()!;
            if (!new[] { "counter", "rating", "view", "visitor" }.Any(w => why.Contains(w, StringComparison.OrdinalIgnoreCase))) continue;
            Assert.DoesNotContain(VietnameseText.Normalize(negative.GetProperty("text").GetString()), text, StringComparison.Ordinal);
        }
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Every_gold_evidence_survives_exactly_once(string seed)
    {
        var (gold, result) = Run(seed, Salvage);
        foreach (var figure in gold.GetProperty("figures").EnumerateArray())
        {
            var evidence = VietnameseText.Normalize(figure.GetProperty("evidence").GetString());
            Assert.Equal(1, Occurrences(result.Article!.Text, evidence));
        }
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Text_holds_no_title_date_line_byline_or_repeated_line(string seed)
    {
        var (_, result) = Run(seed, Salvage);
        var article = result.Article!;
        Assert.DoesNotContain(article.Title, article.Text, StringComparison.Ordinal);
        var lines = article.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l is "." or ",");
        var removed = result.Dropped.Where(d => d.Reason is DropReasons.Byline or DropReasons.DateLine).Select(d => d.Text).ToList();
        Assert.NotEmpty(removed);
        Assert.DoesNotContain(lines, removed.Contains);
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
    }

    [SharedFact]
    public void Seed_001_twice_rendered_article_is_kept_once()
    {
        var (_, result) = Run("001_ba1c3d037e016d3e.txt", Salvage);
        var text = result.Article!.Text;
        var firstParagraph = text.Split("\n\n")[0];
        Assert.True(firstParagraph.Length > 100);
        Assert.Equal(1, Occurrences(text, firstParagraph));
        Assert.Contains(result.Dropped, d => d.Reason == DropReasons.DuplicateArticle);
    }

    [SharedFact]
    public void Seed_003_transport_error_is_a_failed_fetch_by_default()
    {
        var (_, result) = Run("003_ca0fdce770beea1b.txt", new ExtractionOptions());
        Assert.Null(result.Article);
        Assert.Equal(DropReasons.TransportErrorError, result.Error);
        Assert.Contains(result.Dropped, d => d.Reason == DropReasons.TransportError && d.Text.Contains("SSL/TLS", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Seed_003_salvaged_article_has_no_exception_text()
    {
        var (_, result) = Run("003_ca0fdce770beea1b.txt", Salvage);
        Assert.DoesNotContain("SSL/TLS", result.Article!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("request was aborted", result.Article.Title, StringComparison.Ordinal);
        Assert.Contains(result.Dropped, d => d.Reason == DropReasons.TransportError);
    }

    private static int Occurrences(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

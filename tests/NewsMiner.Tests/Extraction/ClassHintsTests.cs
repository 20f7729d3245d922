using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>The indexed class-hint reader must agree with testing every hint of the table one by one.</summary>
public sealed class ClassHintsTests
{
    public static TheoryData<string> ClassStrings()
    {
        var data = new TheoryData<string>
        {
            "", "site-nav main", "navbar", "canvas-wrap", "entry-content comments-open", "content-header", "section--ads",
            "adsense-free", "box ads", "chi-tiet-tin", "newsdetail", "post_body share-bar", "footer-links copyright",
            "x_menu-top nav", "tin-khac related", "sidebar widget_text", "detail-content 123",
        };
        var lexicon = ExtractionLexicon.Default;
        // Every hint as a whole class, as a prefix and glued to another word, so each table row is walked.
        // Hints that differ only by dashes ("ads", "-ads") are walked once.
        foreach (var t in lexicon.PositiveHints.Concat(lexicon.NegativeHints.Select(n => n.Hint)).Select(h => h.Trim('-')).Distinct(StringComparer.Ordinal))
        {
            data.Add(t);
            data.Add(t + "-box");
            data.Add("x" + t);
            data.Add("wrap " + t + "x");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ClassStrings))]
    public void Indexed_reader_agrees_with_hint_by_hint_matching(string hints)
    {
        var lexicon = ExtractionLexicon.Default;
        var positive = lexicon.PositiveHints.Any(h => HtmlPage.HintMatch(hints, h));
        var negatives = lexicon.NegativeHints.Where(n => HtmlPage.HintMatch(hints, n.Hint)).ToList();
        var first = negatives.Select(n => n.Reason).FirstOrDefault();
        var notNavOrAd = negatives.Select(n => n.Reason).FirstOrDefault(r => r is not (DropReasons.Navigation or DropReasons.Advertisement));
        var chrome = negatives.Any(n => n.Reason is not (DropReasons.Advertisement or DropReasons.ShareLinks));

        var read = lexicon.ClassHints.Read(hints);

        Assert.Equal(positive, read.Positive);
        Assert.Equal(first, read.FirstNegative);
        Assert.Equal(notNavOrAd, read.FirstNegativeNotNavOrAd);
        Assert.Equal(chrome, read.ChromeNamed);
    }
}

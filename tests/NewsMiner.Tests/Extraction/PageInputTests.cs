using System.Text;
using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>Charset sniffing, the pre-parse cut of scripts and comments, and class/id hint matching.</summary>
public class PageInputTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<string, byte[]> Pages() => new()
    {
        // BOM wins over everything.
        { "bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>Đảng bộ xã</p>")] },
        // Declared legacy charset in the first 1024 bytes.
        { "meta-1252", Windows1252.GetBytes("<meta charset=\"windows-1252\"><p>Müller café</p>") },
        { "http-equiv-latin1", Windows1252.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Müller café</p>") },
        // Nothing declared: valid UTF-8 is UTF-8, invalid UTF-8 is windows-1252.
        { "undeclared-utf8", Encoding.UTF8.GetBytes("<p>Đảng bộ xã</p>") },
        { "undeclared-1252", Windows1252.GetBytes("<p>Müller café</p>") },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Decoder_reads_the_page_as_a_browser_would(string name, byte[] bytes)
    {
        var text = PageDecoder.Decode(bytes);
        var expected = name.Contains("1252") || name.Contains("latin1") ? "Müller café" : "Đảng bộ xã";
        Assert.Contains(expected, text);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Theory]
    [InlineData("<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><SCRIPT type=\"text/javascript\">x<y</SCRIPT ><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><!-- <p>b</p> --><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><!--><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><style>p{}</style><noscript><p>b</p></noscript><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><svg/><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<p>a</p><svg><path d=\"M0\"/></svg><p>c</p>", "<p>a</p><p>c</p>")]
    [InlineData("<script type=\"application/ld+json\">{}</script><p>c</p>", "<script type=\"application/ld+json\">{}</script><p>c</p>")]
    [InlineData("<p>2 < 3 and <scripture>x</scripture></p>", "<p>2 < 3 and <scripture>x</scripture></p>")]
    [InlineData("<p>a<img src=\"x.jpg\" alt=\"1 > 0\">b</p>", "<p>ab</p>")]
    [InlineData("<p>a<IMG srcset='x.jpg 1x, y.jpg 2x'/>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<imgx>b</p><img src=\"never closed", "<p>a<imgx>b</p><img src=\"never closed")]
    public void Prefilter_cuts_only_what_is_never_read(string html, string expected) => Assert.Equal(expected, HtmlPrefilter.Strip(html));

    [Theory]
    [InlineData("site-nav main", "nav", true)]
    [InlineData("navbar", "nav", true)]
    [InlineData("canvas-wrap", "nav", false)]
    [InlineData("testreport__section--ads", "-ads", true)]
    [InlineData("adsense-free", "-ads", false)]
    [InlineData("leads-list", "-ads", false)]
    [InlineData("box chi-tiet", "chi-tiet", true)]
    [InlineData("comments-area", "comment", true)]
    [InlineData("uncommented", "comment", false)]
    public void Class_hints_match_whole_word_starts(string hints, string hint, bool expected) =>
        Assert.Equal(expected, HtmlPage.HintMatch(hints, hint));
}

using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>Where the HTML extractor takes title, date, author, language and canonical URL from.</summary>
public class HtmlMetadataTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { Now = DateAndBylineTests.Now });
    private static readonly Uri PageUrl = new("https://tinhuy.example.vn/xay-dung-dang/bai-viet-123.html");

    private const string Paragraphs =
        "<p>Ban Thường vụ Tỉnh ủy vừa ban hành kế hoạch kiểm tra việc thực hiện quy trình kết nạp đảng viên ở các đảng bộ trực thuộc, tập trung vào khâu thẩm tra lý lịch.</p>" +
        "<p>Theo kế hoạch, các đoàn kiểm tra sẽ làm việc trực tiếp với chi bộ cơ sở, đối chiếu hồ sơ của từng quần chúng được đề nghị kết nạp trong năm nay.</p>";

    private static Article Extract(string head, string body, string lang = "vi")
    {
        var html = $"<html lang=\"{lang}\"><head>{head}</head><body>{body}</body></html>";
        var result = Extractor.ExtractHtml(html, PageUrl);
        Assert.Null(result.Error);
        return result.Article!;
    }

    [Fact]
    public void Json_ld_date_published_is_used_when_no_meta_tag()
    {
        var article = Extract(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-03-04T07:05:00+07:00\",\"author\":{\"name\":\"Đinh Văn Toàn\"}}]}</script>",
            $"<h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1><div class=\"content\">{Paragraphs}</div>");
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 7, 5, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(DatePublishedSource.JsonLd, article.PublishedSource);
        Assert.Equal("Đinh Văn Toàn", article.Author);
    }

    [Fact]
    public void Time_element_without_offset_is_vietnam_time()
    {
        var article = Extract("<title>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</title>",
            $"<article><h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1><time datetime=\"2021-03-04T07:05:00\">4/3/2021</time>{Paragraphs}</article>");
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 7, 5, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(DatePublishedSource.TimeElement, article.PublishedSource);
    }

    [Fact]
    public void Utc_meta_date_is_shown_at_plus_seven()
    {
        var article = Extract("<meta property=\"article:published_time\" content=\"2021-03-04T00:05:00Z\">",
            $"<h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1>{Paragraphs}");
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 7, 5, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
        Assert.Equal(DatePublishedSource.MetaTag, article.PublishedSource);
    }

    [Fact]
    public void Future_meta_date_loses_to_the_date_line()
    {
        var article = Extract("<meta property=\"article:published_time\" content=\"2031-01-01T00:00:00+07:00\">",
            $"<h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1><div>Thứ Năm, 04/03/2021, 07:05 [GMT+7]</div>{Paragraphs}");
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 7, 5, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(DatePublishedSource.DateLine, article.PublishedSource);
    }

    [Theory]
    [InlineData("Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở - Báo Điện tử Tỉnh ủy", "Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở")]
    [InlineData("Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở | Xây dựng Đảng | Tỉnh ủy", "Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở")]
    [InlineData("Kinh tế - xã hội tháng Ba chuyển biến tích cực", "Kinh tế - xã hội tháng Ba chuyển biến tích cực")]
    public void Site_suffix_is_cut_from_a_meta_title(string headTitle, string expected)
    {
        var article = Extract($"<title>{headTitle}</title>", $"<div class=\"logo\"><h1>Tỉnh ủy</h1></div><div class=\"content\">{Paragraphs}</div>");
        Assert.Equal(expected, article.Title);
    }

    [Fact]
    public void Section_heading_is_not_the_title()
    {
        var article = Extract("<meta property=\"og:title\" content=\"Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở\">",
            $"<h2>Xây dựng Đảng</h2><h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1><div class=\"content\">{Paragraphs}</div>");
        Assert.Equal("Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở", article.Title);
        Assert.DoesNotContain("Xây dựng Đảng", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_and_canonical_come_from_the_page()
    {
        var article = Extract("<link rel=\"canonical\" href=\"/xay-dung-dang/bai-viet-123.html?amp=0\"><meta name=\"author\" content=\"Trương Minh Đức\">",
            $"<h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1>{Paragraphs}", lang: "en-US");
        Assert.Equal("en", article.Language);
        Assert.Equal("https://tinhuy.example.vn/xay-dung-dang/bai-viet-123.html?amp=0", article.CanonicalUrl);
        Assert.Equal("Trương Minh Đức", article.Author);
        Assert.Equal(PageUrl.ToString(), article.Url);
    }

    [Fact]
    public void Language_defaults_to_vietnamese()
    {
        var result = Extractor.ExtractHtml($"<html><body><h1>Tỉnh ủy kiểm tra quy trình kết nạp đảng viên ở cơ sở</h1>{Paragraphs}</body></html>", null);
        Assert.Equal("vi", result.Article!.Language);
        Assert.Null(result.Article.Url);
        Assert.Null(result.Article.CanonicalUrl);
    }

    [Fact]
    public void Paragraphs_lists_and_tables_keep_their_order()
    {
        var body = "<div class=\"article-content\"><p>Đoạn mở đầu nói về việc rà soát danh sách quần chúng ưu tú ở các chi bộ thôn trong toàn huyện.</p>" +
                   "<ul><li>Chi bộ thôn Một giới thiệu ba quần chúng.</li><li>Chi bộ thôn Hai giới thiệu hai quần chúng.</li></ul>" +
                   "<table><tr><td>Đơn vị</td><td>Số quần chúng</td></tr><tr><td>Thôn Ba</td><td>4</td></tr></table>" +
                   "<p>Đoạn kết nói rằng huyện sẽ mở lớp bồi dưỡng nhận thức về Đảng cho tất cả các quần chúng này ngay trong quý tới.</p></div>";
        var article = Extract("<title>Rà soát nguồn kết nạp đảng viên ở các chi bộ thôn</title>", $"<h1>Rà soát nguồn kết nạp đảng viên ở các chi bộ thôn</h1>{body}");
        Assert.Equal(
            "Đoạn mở đầu nói về việc rà soát danh sách quần chúng ưu tú ở các chi bộ thôn trong toàn huyện.\n\n" +
            "Chi bộ thôn Một giới thiệu ba quần chúng.\n\nChi bộ thôn Hai giới thiệu hai quần chúng.\n\n" +
            "Đơn vị Số quần chúng\n\nThôn Ba 4\n\n" +
            "Đoạn kết nói rằng huyện sẽ mở lớp bồi dưỡng nhận thức về Đảng cho tất cả các quần chúng này ngay trong quý tới.",
            article.Text);
    }
}

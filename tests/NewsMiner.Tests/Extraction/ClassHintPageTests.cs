using System.Text.Json;
using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>
/// Walks the class hints of boilerplate.json on whole pages: a block named by a negative hint after the article is
/// left out with that hint's reason, and a standfirst between the headline and the body is kept.
/// </summary>
public sealed class ClassHintPageTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { Now = DateAndBylineTests.Now });

    private const string Title = "Chi bộ thôn tổ chức sinh hoạt chuyên đề về phát triển đảng viên trẻ";
    private const string Body =
        "<p>Tối thứ Bảy, chi bộ thôn đã họp để bàn cách bồi dưỡng quần chúng ưu tú, chủ yếu là những đoàn viên vừa hoàn thành nghĩa vụ quân sự trở về địa phương.</p>" +
        "<p>Các đảng viên cao tuổi nhận kèm cặp từng người, giao việc cụ thể trong tổ tự quản, rồi cuối năm chi bộ sẽ xem xét, đánh giá và đề nghị kết nạp.</p>" +
        "<p>Bí thư chi bộ cho biết, năm nay thôn đặt mục tiêu giới thiệu ít nhất hai quần chúng để Đảng ủy xã xem xét kết nạp.</p>";

    // A plain sentence, so only the class name can make it chrome.
    private const string Intruder = "Người viết bài này đã công tác nhiều năm ở vùng cao, thích đọc sách và đi bộ đường dài cùng bạn bè.";

    public static TheoryData<string, string> NegativeHints()
    {
        using var doc = JsonDocument.Parse(NewsMiner.EmbeddedData.ReadText("data/language/boilerplate.json"));
        var data = new TheoryData<string, string>();
        foreach (var group in doc.RootElement.GetProperty("classHints").GetProperty("negative").EnumerateObject())
        {
            foreach (var hint in group.Value.EnumerateArray())
            {
                // Navigation and ad hints only name link lists and near-empty slots; a plain paragraph so named stays.
                if (group.Name is DropReasons.Navigation or DropReasons.Advertisement) continue;
                data.Add(hint.GetString()!.Trim('-'), group.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NegativeHints))]
    public void Block_named_by_a_negative_hint_inside_the_article_is_left_out(string hint, string reason)
    {
        var html = $"<html><body><h1>{Title}</h1><div class=\"noidung\">{Body}<div class=\"{hint}\"><p>{Intruder}</p></div></div></body></html>";
        var result = Extractor.ExtractHtml(html, null);
        Assert.NotNull(result.Article);
        Assert.DoesNotContain("Người viết bài này", result.Article.Text);
        Assert.Contains("Bí thư chi bộ cho biết", result.Article.Text);
        Assert.Contains(result.Dropped, d => d.Reason == reason && d.Text.StartsWith("Người viết", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("subtitle")]
    [InlineData("entry-excerpt")]
    [InlineData("summary")]
    [InlineData("sapo")]
    [InlineData("")]
    public void Standfirst_between_headline_and_body_is_kept(string cls)
    {
        const string lead = "Nhiều đoàn viên thanh niên ở thôn đã được chi bộ giới thiệu học lớp nhận thức về Đảng trong năm nay.";
        var html = $"<html><body><div class=\"top\"><h1>{Title}</h1><p class=\"{cls}\">{lead}</p></div><div class=\"noidung\">{Body}</div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.StartsWith(lead, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h2", "subheadline")]
    [InlineData("h2", "article-deck")]
    [InlineData("h3", "")]
    [InlineData("h2", "summary")]
    public void Deck_heading_between_headline_and_body_is_kept(string tag, string cls)
    {
        const string deck = "Chi bộ thôn chọn cách kèm cặp từng đoàn viên để chuẩn bị nguồn kết nạp đảng viên mới trong năm nay.";
        var html = $"<html><body><header><h1>{Title}</h1><{tag} class=\"{cls}\">{deck}</{tag}></header><div class=\"noidung\">{Body}</div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.StartsWith(deck, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h2", "Kết nạp đảng viên")]
    [InlineData("p", "Tin ảnh")]
    public void Short_label_between_headline_and_body_is_not_a_deck(string tag, string label)
    {
        var html = $"<html><body><header><h1>{Title}</h1><{tag}>{label}</{tag}></header><div class=\"noidung\">{Body}</div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.DoesNotContain(label, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deck_the_body_repeats_is_read_once_in_its_place()
    {
        const string deck = "Các đảng viên cao tuổi nhận kèm cặp từng người, giao việc cụ thể trong tổ tự quản, rồi cuối năm chi bộ sẽ xem xét, đánh giá và đề nghị kết nạp.";
        var html = $"<html><head><title>{Title}</title></head><body><header><h1>{Title}</h1><h2>{deck}</h2></header><div class=\"noidung\">{Body}</div></body></html>";
        var paragraphs = Extractor.ExtractHtml(html, null).Article!.Text.Split("\n\n");
        Assert.Single(paragraphs, p => p == deck);
        Assert.Equal(1, Array.IndexOf(paragraphs, deck));
    }

    [Theory]
    [InlineData("<figure><figcaption>Đảng viên trẻ dọn vệ sinh đường làng. <span class=\"credit\">Ảnh: Minh Châu</span></figcaption></figure>", "Đảng viên trẻ dọn vệ sinh đường làng.", "Minh Châu")]
    [InlineData("<div class=\"wp-caption\"><p>Đảng viên trẻ dọn vệ sinh đường làng.</p><p class=\"img-author\">Thông tấn xã</p></div>", "Đảng viên trẻ dọn vệ sinh đường làng.", "Thông tấn xã")]
    [InlineData("<p>Đảng viên trẻ dọn vệ sinh đường làng.</p><p>Foto: Agentur Nord</p>", "Đảng viên trẻ dọn vệ sinh đường làng.", "Agentur Nord")]
    [InlineData("<div class=\"newsletter-box\"><p>Đăng ký nhận bản tin mỗi sáng để không bỏ lỡ tin tức nào của tỉnh nhà, hoàn toàn miễn phí.</p></div>", "Bí thư chi bộ", "Đăng ký nhận bản tin")]
    public void Photo_credit_and_newsletter_box_inside_the_body_are_left_out(string block, string kept, string gone)
    {
        var html = $"<html><body><h1>{Title}</h1><div class=\"noidung\">{Body}{block}<p>{Intruder}</p></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.DoesNotContain(gone, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h2", "")]
    [InlineData("h3", " - Cổng thông tin điện tử xã")]
    public void Standfirst_under_a_headline_set_as_h2_or_h3_is_kept(string tag, string siteSuffix)
    {
        const string lead = "Nhiều đoàn viên thanh niên ở thôn đã được chi bộ giới thiệu học lớp nhận thức về Đảng trong năm nay.";
        var html = $"<html><head><title>{Title}{siteSuffix}</title></head><body><div class=\"news\"><{tag}>{Title}</{tag}><p class=\"date\">Thứ Hai</p>" +
                   $"<div class=\"teaser-text\"><p>{lead}</p></div><div class=\"noidung\">{Body}</div></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.StartsWith(lead, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_under_an_h2_that_is_not_the_title_is_not_taken_for_the_lead()
    {
        const string other = "Các tin khác trong chuyên mục được cập nhật liên tục, mời bạn đọc theo dõi thêm ở cuối trang này.";
        var html = $"<html><head><title>{Title}</title></head><body><div class=\"news\"><h2>Chuyên mục xây dựng Đảng ở cơ sở</h2>" +
                   $"<div class=\"box\"><p>{other}</p></div><div class=\"noidung\">{Body}</div></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("story-column", "slot")]
    [InlineData("col", "")]
    public void Article_split_into_sibling_columns_is_read_whole(string cls, string slotClass)
    {
        const string second = "<p>Năm ngoái, chi bộ đã kết nạp được ba đảng viên mới, đều là những thanh niên tích cực trong phong trào làm đường giao thông nông thôn.</p>" +
                              "<p>Sau khi được kết nạp, các đảng viên trẻ tiếp tục được phân công theo dõi, giúp đỡ những gia đình khó khăn trong thôn, nhờ đó uy tín của chi bộ được nâng lên rõ rệt.</p>";
        // Each column wraps its paragraphs in one inner block, and a slot sits between the columns.
        var html = $"<html><head><title>{Title}</title></head><body><h1>{Title}</h1><section>" +
                   $"<div class=\"{cls}\"><div class=\"inner\">{Body}</div></div><div class=\"{slotClass}\"><p>Quảng cáo</p></div>" +
                   $"<div class=\"{cls}\"><div class=\"inner\">{second}</div></div></section><div class=\"box\"><p>Lịch cắt điện tuần tới.</p></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.StartsWith("Tối thứ Bảy, chi bộ thôn", text, StringComparison.Ordinal);
        Assert.EndsWith("nâng lên rõ rệt.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lịch cắt điện", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<ruby>東京<rt>とうきょう</rt></ruby>", "東京")]
    [InlineData("<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>", "東京")]
    public void Ruby_reading_is_not_part_of_the_sentence(string ruby, string plain)
    {
        var html = $"<html><body><h1>{Title}</h1><div class=\"noidung\">{Body}<p>Đoàn đại biểu của tỉnh đã đến {ruby} để học tập kinh nghiệm, gặp gỡ nhiều người.</p></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.Contains($"đã đến {plain} để học tập", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<figure><figcaption>Agentur Nord/Bildarchiv</figcaption></figure>", "Agentur Nord", false)]
    [InlineData("<p class=\"wp-caption-text\">Ảnh tư liệu</p>", "Ảnh tư liệu", false)]
    [InlineData("<figure><figcaption>Đảng viên trẻ dọn vệ sinh đường làng.</figcaption></figure>", "Đảng viên trẻ dọn vệ sinh đường làng.", true)]
    [InlineData("<table><tr><td class=\"caption\">Một buổi sinh hoạt ở thôn. Ảnh: Lan Anh</td></tr></table>", "Một buổi sinh hoạt ở thôn. Ảnh: Lan Anh", true)]
    [InlineData("<figure><figcaption>Các đảng viên trẻ của chi bộ thôn cùng dân quân dọn vệ sinh đường làng sáng Chủ nhật</figcaption></figure>", "cùng dân quân dọn vệ sinh", true)]
    public void Caption_that_is_only_a_label_is_left_out_and_a_sentence_caption_stays(string block, string caption, bool kept)
    {
        var html = $"<html><body><h1>{Title}</h1><div class=\"noidung\">{Body}{block}<p>{Intruder}</p></div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.Equal(kept, text.Contains(caption, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("above-footer")]
    [InlineData("page-bottom")]
    [InlineData("site-header-wrap")]
    public void Chrome_named_wrapper_around_the_whole_page_is_layout(string cls)
    {
        const string aside = "Ủy ban nhân dân xã thông báo lịch tiếp công dân trong tháng, mời bà con theo dõi trên bảng tin của thôn.";
        // Enough unnamed text outside the wrapper that a pass ignoring the wrapper does not look empty.
        const string notice = "<p>Trang thông tin điện tử của xã được cập nhật hằng ngày, bà con có thể gửi ý kiến, kiến nghị qua hộp thư điện tử hoặc trực tiếp tại bộ phận một cửa, cán bộ sẽ trả lời trong thời hạn quy định.</p>";
        const string more = "<p>Năm ngoái, chi bộ đã kết nạp được ba đảng viên mới, đều là những thanh niên tích cực trong phong trào làm đường giao thông nông thôn, giữ gìn an ninh trật tự của thôn.</p>" +
                            "<p>Trong buổi sinh hoạt, nhiều ý kiến đề nghị chi bộ quan tâm hơn đến việc tạo nguồn trong lực lượng dân quân, vì đây là những người trẻ, khỏe và gắn bó với địa phương.</p>";
        var html = $"<html><body><div class=\"{cls}\"><div class=\"menu\"><a href=\"/\">Trang chủ</a> <a href=\"/tin\">Tin tức</a> <a href=\"/lh\">Liên hệ</a></div>" +
                   $"<h1>{Title}</h1><div>{Body}{more}</div><div class=\"box\"><p>{aside}</p></div></div><div>{notice}{notice.Replace("hằng ngày", "mỗi tuần")}{notice.Replace("bà con", "người dân")}</div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.StartsWith("Tối thứ Bảy, chi bộ thôn", text, StringComparison.Ordinal);
        Assert.Contains("Bí thư chi bộ cho biết", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang chủ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang thông tin điện tử", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caption")]
    [InlineData("byline")]
    public void Named_non_lead_between_headline_and_body_is_not_taken_for_the_lead(string cls)
    {
        const string other = "Các đảng viên trẻ của chi bộ thôn chụp ảnh lưu niệm cùng lãnh đạo Đảng ủy xã sau buổi sinh hoạt.";
        var html = $"<html><body><div class=\"top\"><h1>{Title}</h1><p class=\"{cls}\">{other}</p></div><div class=\"noidung\">{Body}</div></body></html>";
        var text = Extractor.ExtractHtml(html, null).Article!.Text;
        Assert.DoesNotContain(other, text);
    }
}

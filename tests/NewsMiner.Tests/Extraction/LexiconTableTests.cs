using System.Text.Json;
using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>Walks data/language/dates.json and boilerplate.json: every entry must do what the table says.</summary>
public class LexiconTableTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { Now = DateAndBylineTests.Now });

    private const string Title = "Đảng ủy xã tổ chức lễ kết nạp đảng viên mới cho đoàn viên ưu tú";
    private const string First =
        "Chiều qua, Đảng ủy xã đã tổ chức trang trọng lễ kết nạp đảng viên mới cho các quần chúng ưu tú, là những đoàn viên tiêu biểu trong phong trào thanh niên tình nguyện của địa phương.";
    private const string Second =
        "Phát biểu tại buổi lễ, đồng chí Bí thư Đảng ủy xã mong các đảng viên mới tiếp tục rèn luyện, giữ gìn phẩm chất và phát huy vai trò tiên phong ở khu dân cư.";

    private static JsonElement Table(string name)
    {
        using var doc = JsonDocument.Parse(NewsMiner.EmbeddedData.ReadText($"data/language/{name}"));
        return doc.RootElement.Clone();
    }

    public static TheoryData<string, string> CutExamples() => Examples("cut");
    public static TheoryData<string, string> LineExamples() => Examples("line");

    private static TheoryData<string, string> Examples(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Table("boilerplate.json").GetProperty(kind).EnumerateArray())
        {
            foreach (var example in group.GetProperty("examples").EnumerateArray())
                data.Add(example.GetString()!, group.GetProperty("reason").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CutExamples))]
    public void Cut_label_ends_the_article(string label, string reason)
    {
        var result = Extractor.ExtractPlainText($"{Title}\n\n{First}\n\n{label}\n\n{Second}", null);
        Assert.Equal(First, result.Article!.Text);
        Assert.Contains(result.Dropped, d => d.Reason == reason && d.Text == NewsMiner.Text.VietnameseText.Normalize(label));
    }

    [Theory]
    [MemberData(nameof(LineExamples))]
    public void Line_label_is_dropped_alone(string label, string reason)
    {
        var result = Extractor.ExtractPlainText($"{Title}\n\n{First}\n\n{label}\n\n{Second}", null);
        Assert.Equal(First + "\n\n" + Second, result.Article!.Text);
        Assert.Contains(result.Dropped, d => d.Reason == reason);
    }

    public static TheoryData<string> Weekdays()
    {
        var data = new TheoryData<string>();
        foreach (var day in Table("dates.json").GetProperty("weekdays").EnumerateObject())
        {
            foreach (var name in day.Value.EnumerateArray()) data.Add(name.GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Weekdays))]
    public void Every_weekday_name_is_read_as_part_of_a_date_line(string weekday)
    {
        foreach (var form in new[] { weekday, weekday.ToUpperInvariant(), char.ToUpperInvariant(weekday[0]) + weekday[1..] })
        {
            var article = Extractor.ExtractPlainText($"{Title}\n\n{form}, 24/02/2017, 06:59 [GMT+7]\n\n{First}", null).Article!;
            Assert.Equal(new DateTimeOffset(2017, 2, 24, 6, 59, 0, TimeSpan.FromHours(7)), article.Published);
            Assert.Null(article.Author);
        }
    }

    public static TheoryData<string> DateLabels()
    {
        var data = new TheoryData<string>();
        var t = Table("dates.json");
        foreach (var label in t.GetProperty("publishedLabels").EnumerateArray().Concat(t.GetProperty("updatedLabels").EnumerateArray()))
            data.Add(label.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(DateLabels))]
    public void Every_date_label_is_read(string label)
    {
        var article = Extractor.ExtractPlainText($"{Title}\n\n{label}: 24/02/2017 06:59\n\n{First}", null).Article!;
        Assert.Equal(new DateTimeOffset(2017, 2, 24, 6, 59, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Null(article.Author);
    }

    public static TheoryData<string> BylineLabels()
    {
        var data = new TheoryData<string>();
        foreach (var label in Table("dates.json").GetProperty("bylineLabels").EnumerateArray()) data.Add(label.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(BylineLabels))]
    public void Every_byline_label_names_the_author(string label)
    {
        var result = Extractor.ExtractPlainText($"{Title}\n\n{First}\n\n{Second}\n\n{label}: Lê Văn Hùng", null);
        Assert.Equal("Lê Văn Hùng", result.Article!.Author);
        Assert.Equal(First + "\n\n" + Second, result.Article.Text);
    }

    [Theory]
    [InlineData("The request was aborted: Could not create SSL/TLS secure channel.")]
    [InlineData("An error occurred while sending the request.")]
    [InlineData("System.Net.Http.HttpRequestException: No such host is known.")]
    public void Transport_error_at_the_start_is_a_failed_fetch(string error)
    {
        var page = $"{error} {Title}\n\n{First}\n\n{Second}";
        var text = Extractor.ExtractPlainText(page, null);
        Assert.Null(text.Article);
        Assert.Equal(DropReasons.TransportErrorError, text.Error);
        var html = Extractor.ExtractHtml($"<html><body><p>{error}</p><h1>{Title}</h1><p>{First}</p><p>{Second}</p></body></html>", null);
        Assert.Null(html.Article);
        Assert.Equal(DropReasons.TransportErrorError, html.Error);
        var salvaged = new ArticleExtractor(new ExtractionOptions { Now = DateAndBylineTests.Now, SalvageAfterTransportError = true })
            .ExtractPlainText(page, null);
        Assert.Equal(Title, salvaged.Article!.Title);
        Assert.Contains(salvaged.Dropped, d => d.Reason == DropReasons.TransportError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")]
    public void Empty_page_is_an_error(string html)
    {
        var result = Extractor.ExtractHtml(html, null);
        Assert.Null(result.Article);
        Assert.Equal(DropReasons.EmptyPageError, result.Error);
    }
}

using NewsMiner.Extraction;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>
/// Date-line and byline forms of sources.md section 4, each run through ExtractPlainText inside a small article
/// written for the test (title, the line under test, two body paragraphs).
/// </summary>
public class DateAndBylineTests
{
    internal static readonly DateTimeOffset Now = new(2024, 6, 15, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { Now = Now });

    private const string Title = "Huyện ủy tổ chức hội nghị sơ kết công tác tạo nguồn kết nạp đảng viên";
    private const string Body =
        "Sáng nay, Huyện ủy đã tổ chức hội nghị sơ kết sáu tháng thực hiện kế hoạch tạo nguồn, kết nạp đảng viên mới, với sự tham dự của bí thư các chi bộ trực thuộc.\n\n" +
        "Các đại biểu đã trao đổi nhiều kinh nghiệm hay trong việc bồi dưỡng quần chúng ưu tú, nhất là đoàn viên thanh niên ở thôn, bản vùng sâu.";

    public static TheoryData<string, string?, string?> DateLines => new()
    {
        { "Thứ Sáu, 24/02/2017, 06:59 [GMT+7]", "2017-02-24T06:59:00", null },
        { "Thứ sáu, 24/02/2017, 06:59 (GMT+7)", "2017-02-24T06:59:00", null },
        { "THỨ BA, 14/03/2023 08:05:10", "2023-03-14T08:05:10", null },
        { "Chủ nhật, 05/11/2023 - 17:45'", "2023-11-05T17:45:00", null },
        { "Đăng lúc: 05/08/2020 11:43:20 (GMT+7)", "2020-08-05T11:43:20", null },
        { "Ngày 05/08/2020 11:43:20", "2020-08-05T11:43:20", null },
        { "Hoàng Minh 09:01, 28/02/2024", "2024-02-28T09:01:00", "Hoàng Minh" },
        { "Lê Thu Hà 15/01/2024 07:30", "2024-01-15T07:30:00", "Lê Thu Hà" },
        { "Phạm Quang - 10:20, 05/03/2024", "2024-03-05T10:20:00", "Phạm Quang" },
        { "06/12/2017 - Lượt xem: 1760", "2017-12-06T00:00:00", null },
        { "Lượt xem: 532 | Gửi lúc: 12/10/2019 14:02:33", "2019-10-12T14:02:33", null },
        { "Đăng lúc: Thứ năm - 07/05/2020 20:22 - Người đăng bài viết: quantri01", "2020-05-07T20:22:00", null },
        { "ngày 5 tháng 3 năm 2024", "2024-03-05T00:00:00", null },
        { "Cập nhật lúc 08:15, Thứ Hai, 12/03/2018 (GMT+7)", "2018-03-12T08:15:00", null },
        { "Cập nhật, 16:40, Thứ Tư, 20/11/2019 (GMT+7)", "2019-11-20T16:40:00", null },
        { "10:20 | 14/09/2021", "2021-09-14T10:20:00", null },
        { "Cập nhật lúc: 07:05 |02/06/2022", "2022-06-02T07:05:00", null },
        { "Thời gian đăng: 03/04/2022 02:15:00 PM", "2022-04-03T14:15:00", null },
        { "Thời gian đăng: 03/04/2022 12:10:00 AM", "2022-04-03T00:10:00", null },
        { "Thứ Hai, ngày 03/04/2023 09:30 AM (GMT+7)", "2023-04-03T09:30:00", null },
        { "Được đăng: Thứ hai, 05 Tháng 3 2024 10:20", "2024-03-05T10:20:00", null },
        { "15:45, ngày 21-01-2019", "2019-01-21T15:45:00", null },
        { "Thứ Năm, Ngày 18/05/2023, 14:00", "2023-05-18T14:00:00", null },
        { "(28/07/2022 16:10)", "2022-07-28T16:10:00", null },
        { "Thứ 6,  24/11/2023", "2023-11-24T00:00:00", null },
        { "Ngày đăng bài: 09/09/2021", "2021-09-09T00:00:00", null },
        { "Đăng ngày 17 - 05 - 2024", "2024-05-17T00:00:00", null },
        { "Đăng ngày 02-02-2022 08:00", "2022-02-02T08:00:00", null },
        { "Cập nhật ngày: 11/11/2021 10:11:12", "2021-11-11T10:11:12", null },
        { "Thứ 7, 09/12/2023 | 06:30:00 (GMT +7)", "2023-12-09T06:30:00", null },
        { "Thứ tư, 10/01/2024 | 19:05:44 1.204 lượt xem", "2024-01-10T19:05:44", null },
        { "08:30 29-10-2020 | :415", "2020-10-29T08:30:00", null },
        { "12/12/2023 - 09:15", "2023-12-12T09:15:00", null },
        { "21:05 - 30/06/2021", "2021-06-30T21:05:00", null },
        { "Thứ Bảy, 01/06/2024, 07:00 [G5T+7]", "2024-06-01T07:00:00", null },
        { "Thứ Hai - 13/05/2024 15:20 3.217 0", "2024-05-13T15:20:00", null },
        { "10.06.2024 | 14:30 PM", "2024-06-10T14:30:00", null },
        { "Ngày xuất bản: 2/3/2021", "2021-03-02T00:00:00", null },
        // Not publication dates: a party-document sentence, an impossible date, a future date.
        { "Công văn số 112-CV/HU ngày 7-6-2016 của Ban Thường vụ Huyện ủy về tăng cường kết nạp đảng viên", null, null },
        { "Thứ Hai, 32/13/2023 08:00", null, null },
        { "Thứ Hai, 15/09/2025, 08:00 [GMT+7]", null, null },
        { "Hà Nội, ngày 7 tháng 6 năm 2016, đoàn công tác làm việc với Đảng ủy xã", null, null },
    };

    [Theory]
    [MemberData(nameof(DateLines))]
    public void Date_line_gives_publication_time_and_glued_author(string line, string? expected, string? author)
    {
        var result = Extractor.ExtractPlainText($"{Title}\n\n{line}\n\n{Body}", null);
        var article = Assert.IsType<Article>(result.Article);
        if (expected is null)
        {
            Assert.Null(article.Published);
            Assert.Equal(DatePublishedSource.None, article.PublishedSource);
        }
        else
        {
            Assert.Equal(DateTimeOffset.Parse(expected + "+07:00", System.Globalization.CultureInfo.InvariantCulture), article.Published);
            Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
            Assert.Equal(DatePublishedSource.DateLine, article.PublishedSource);
            Assert.DoesNotContain(line.Trim(), article.Text, StringComparison.Ordinal);
            Assert.Contains(result.Dropped, d => d.Reason == DropReasons.DateLine);
        }
        Assert.Equal(author, article.Author);
    }

    public static TheoryData<string, string?> BylineEndings => new()
    {
        { "Nguyễn Văn An", "Nguyễn Văn An" },
        { "TRẦN THỊ MAI", "Trần Thị Mai" },
        { "Bài, ảnh: Đỗ Hải", "Đỗ Hải" },
        { "Bài và ảnh: Vũ Lan Anh", "Vũ Lan Anh" },
        { "Tác giả bài viết: Hồ Văn Phúc", "Hồ Văn Phúc" },
        { "Theo Báo Lâm Đồng", "Báo Lâm Đồng" },
        { "Lê Văn Hùng\nTheo Báo Lâm Đồng", "Lê Văn Hùng" },
        { "(Nguồn: Báo Bắc Giang điện tử)", "Báo Bắc Giang điện tử" },
        { "H.Tr", "H.Tr" },
        { "Minh Khôi – Thu Trang", "Minh Khôi – Thu Trang" },
        { "BAN BIÊN TẬP", "Ban Biên Tập" },
        { "Bài, ảnh: Thu Hằng  \u00a0 \u00a0", "Thu Hằng" },
        { "Nguyễn Hạnh\n.\n.\n.", "Nguyễn Hạnh" },
        { "Theo đó, các chi bộ tiếp tục rà soát nguồn kết nạp trong quý tới.", null },
    };

    [Theory]
    [MemberData(nameof(BylineEndings))]
    public void Byline_after_the_body_is_the_author_and_leaves_the_text(string ending, string? author)
    {
        var result = Extractor.ExtractPlainText($"{Title}\n\nThứ Sáu, 24/02/2017, 06:59 [GMT+7]\n\n{Body}\n\n{ending}", null);
        var article = Assert.IsType<Article>(result.Article);
        Assert.Equal(author, article.Author);
        if (author is not null)
        {
            Assert.EndsWith("vùng sâu.", article.Text, StringComparison.Ordinal);
            Assert.Contains(result.Dropped, d => d.Reason == DropReasons.Byline);
        }
    }

    [Fact]
    public void Uploader_is_not_the_author_but_the_labelled_byline_is()
    {
        var text = $"{Title}\n\nĐăng lúc: Thứ năm - 07/05/2020 20:22 - Người đăng bài viết: quantri01\n\n{Body}\n\nTác giả bài viết: Hồ Văn Phúc";
        var article = Extractor.ExtractPlainText(text, null).Article!;
        Assert.Equal("Hồ Văn Phúc", article.Author);
        Assert.DoesNotContain("quantri01", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_name_at_the_end_beats_a_name_glued_to_the_date()
    {
        var article = Extractor.ExtractPlainText($"{Title}\n\nHoàng Minh 09:01, 28/02/2024\n\n{Body}\n\nLê Văn Hùng", null).Article!;
        Assert.Equal("Lê Văn Hùng", article.Author);
    }

    [Fact]
    public void Header_with_todays_date_does_not_win()
    {
        var text = $"Thứ Bảy, 15/06/2024, 09:12 (GMT+7)\n\n{Title}\n\nThứ Năm, 13/06/2024, 16:00 [GMT+7]\n\n{Body}";
        var article = Extractor.ExtractPlainText(text, null).Article!;
        Assert.Equal(Title, article.Title);
        Assert.Equal(new DateTimeOffset(2024, 6, 13, 16, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void Todays_date_under_the_title_stands_when_it_is_the_only_one()
    {
        var article = Extractor.ExtractPlainText($"{Title}\n\nThứ Bảy, 15/06/2024, 08:00 [GMT+7]\n\n{Body}", null).Article!;
        Assert.Equal(new DateTimeOffset(2024, 6, 15, 8, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void Body_date_in_party_document_style_is_not_the_publication_date()
    {
        var text = $"{Title}\n\n{Body}\n\nThực hiện Hướng dẫn số 05-HD/BTCHU ngày 7-6-2016, các chi bộ rà soát lại danh sách quần chúng.";
        var article = Extractor.ExtractPlainText(text, null).Article!;
        Assert.Null(article.Published);
        Assert.Contains("ngày 7-6-2016", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closest_date_line_to_the_title_wins()
    {
        var text = $"{Title}\n\nThứ Năm, 13/06/2024, 16:00 [GMT+7]\n\n{Body}\n\nCập nhật lúc 08:15, Thứ Sáu, 14/06/2024 (GMT+7)";
        var article = Extractor.ExtractPlainText(text, null).Article!;
        Assert.Equal(new DateTimeOffset(2024, 6, 13, 16, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }
}

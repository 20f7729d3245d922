using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Text;

public class SentenceSplitterTests
{
    // Expected sentences joined by " || ".
    [Theory]
    [InlineData("Chi bộ họp. Đảng viên dự đủ.", "Chi bộ họp. || Đảng viên dự đủ.")]
    [InlineData("Toàn Đảng bộ có 8.201 đảng viên. Năm nay tăng.", "Toàn Đảng bộ có 8.201 đảng viên. || Năm nay tăng.")]
    [InlineData("Đoàn đến TP. Hạ Long sáng nay.", "Đoàn đến TP. Hạ Long sáng nay.")]
    [InlineData("Ông về T.P Vinh hôm qua.", "Ông về T.P Vinh hôm qua.")]
    [InlineData("Bà ở Tp. Thanh Hóa. Bà mới chuyển đến.", "Bà ở Tp. Thanh Hóa. || Bà mới chuyển đến.")]
    [InlineData("Đảng bộ H. Tiên Yên có 40 chi bộ.", "Đảng bộ H. Tiên Yên có 40 chi bộ.")]
    [InlineData("Ông sống ở Q. Ba Đình, P. Kim Mã.", "Ông sống ở Q. Ba Đình, P. Kim Mã.")]
    [InlineData("Đoàn thăm TX. Đông Triều. Sau đó về.", "Đoàn thăm TX. Đông Triều. || Sau đó về.")]
    [InlineData("Báo cáo của Th.S Nguyễn Văn An rất rõ.", "Báo cáo của Th.S Nguyễn Văn An rất rõ.")]
    [InlineData("TS. Lê Thị Bình phát biểu. Hội nghị kết thúc.", "TS. Lê Thị Bình phát biểu. || Hội nghị kết thúc.")]
    [InlineData("Tỷ lệ đạt 3.5 lần. Rất tốt.", "Tỷ lệ đạt 3.5 lần. || Rất tốt.")]
    [InlineData("Chúng tôi đã cố gắng... nhưng chưa đạt.", "Chúng tôi đã cố gắng... nhưng chưa đạt.")]
    [InlineData("Vẫn còn khó khăn… Năm tới sẽ tốt hơn.", "Vẫn còn khó khăn… || Năm tới sẽ tốt hơn.")]
    [InlineData("Có đạt không? Có! Rất tốt.", "Có đạt không? || Có! || Rất tốt.")]
    [InlineData("Một là học tập; hai là rèn luyện.", "Một là học tập; || hai là rèn luyện.")]
    [InlineData("Dòng một\nDòng hai", "Dòng một || Dòng hai")]
    [InlineData("  Đoạn một.  \n\n  Đoạn hai.  ", "Đoạn một. || Đoạn hai.")]
    [InlineData("Ông nói: \"Phải làm ngay.\" Mọi người đồng ý.", "Ông nói: \"Phải làm ngay.\" || Mọi người đồng ý.")]
    [InlineData("Xem tại baoquangninh.vn hoặc gọi điện.", "Xem tại baoquangninh.vn hoặc gọi điện.")]
    [InlineData("Kết nạp 76 người (chiếm 23,75%). Tổng số 8.201.", "Kết nạp 76 người (chiếm 23,75%). || Tổng số 8.201.")]
    [InlineData("Kinh phí lớn, v.v. và nhiều việc khác.", "Kinh phí lớn, v.v. và nhiều việc khác.")]
    [InlineData("Tin liên quan", "Tin liên quan")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Split_finds_sentences(string text, string expected)
    {
        var spans = SentenceSplitter.Split(text);
        var actual = string.Join(" || ", spans.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Spans_exclude_surrounding_whitespace_and_keep_order()
    {
        const string text = " Một câu.   Câu hai!\n Câu ba ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(3, spans.Count);
        var prevEnd = 0;
        foreach (var s in spans)
        {
            Assert.True(s.Start >= prevEnd);
            Assert.False(char.IsWhiteSpace(text[s.Start]));
            Assert.False(char.IsWhiteSpace(text[s.End - 1]));
            prevEnd = s.End;
        }
    }

    public static TheoryData<string> Abbreviations()
    {
        var data = new TheoryData<string>();
        foreach (var a in SentenceSplitter.KnownAbbreviations) data.Add(a);
        return data;
    }

    [Theory]
    [MemberData(nameof(Abbreviations))]
    public void Listed_abbreviation_does_not_end_a_sentence(string abbreviation)
    {
        var text = $"Đoàn gặp {abbreviation}. Nguyễn Văn An tại cơ sở.";
        Assert.Single(SentenceSplitter.Split(text));
    }
}

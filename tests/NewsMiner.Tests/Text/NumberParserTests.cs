using System.Diagnostics;
using System.Text;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Text;

public class NumberParserTests
{
    [Theory]
    [InlineData("8.201", 8201)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("23,75", 23.75)]
    [InlineData("3,5", 3.5)]
    [InlineData("100", 100)]
    [InlineData("05", 5)]
    [InlineData("0,5", 0.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 42 ", 42)]
    public void TryParseDigits_reads_vietnamese_notation(string token, double expected)
    {
        Assert.True(VietnameseNumberParser.TryParseDigits(token, out var v));
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("24/02/2017")]
    [InlineData("06:59")]
    [InlineData("172/214")]
    [InlineData("0203.3825.123")]
    [InlineData("0912345678")]
    [InlineData("1.23.4")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("hai")]
    [InlineData("8.201.")]
    public void TryParseDigits_rejects_non_amounts(string token) =>
        Assert.False(VietnameseNumberParser.TryParseDigits(token, out _));

    [Fact]
    public void Offsets_point_into_the_given_text()
    {
        const string text = "Đến nay, Đảng bộ có hơn 4.378 đảng viên, đạt 23,75%.\nNăm 2016 kết nạp từ 10 đến 12 người.";
        var mentions = VietnameseNumberParser.Default.FindAll(text);
        Assert.NotEmpty(mentions);
        var last = -1;
        foreach (var m in mentions)
        {
            Assert.True(m.Start > last, "mentions are in order and do not overlap");
            Assert.True(m.End <= text.Length);
            Assert.True(m.NumberStart >= m.Start && m.NumberEnd <= m.End);
            Assert.False(char.IsWhiteSpace(text[m.Start]) || char.IsWhiteSpace(text[m.End - 1]));
            last = m.End - 1;
        }
    }

    [Fact]
    public void Empty_text_has_no_numbers() => Assert.Empty(VietnameseNumberParser.Default.FindAll(string.Empty));

    [Fact]
    public void Default_is_loaded_once() => Assert.Same(VietnameseNumberParser.Default, VietnameseNumberParser.Default);

    [Fact]
    public void A_long_article_is_parsed()
    {
        // ~1,500 words of varied sentences; the whole miner has a 5 ms budget, so the parser must take well under it.
        var parts = new[]
        {
            "Năm 2016, Đảng bộ kết nạp hơn 320 đảng viên, nâng tổng số lên 8.201 đồng chí, đạt 102% kế hoạch.",
            "Ngày 24/02/2017, lúc 06:59, theo Nghị quyết 08-NQ/TU, khoảng hai mươi mốt chi bộ có từ 10 đến 12 người.",
            "Một số đảng viên ở thôn Ba Đình hằng năm đều tham gia sinh hoạt đầy đủ và đúng giờ quy định.",
        };
        var sb = new StringBuilder();
        while (sb.Length < 10_000) foreach (var p in parts) sb.Append(p).Append(' ');
        var text = sb.ToString();
        var parser = VietnameseNumberParser.Default;
        parser.FindAll(text);
        // Speed is measured by `dotnet run -c Release --project bench/NewsMiner.Bench -- mine`, not asserted here.
        var mentions = parser.FindAll(text);
        Assert.Contains(mentions, m => m.Value == 8201m);
        Assert.Contains(mentions, m => m.Form == NumberForm.DocumentNumber);
    }
}

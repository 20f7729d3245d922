using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Theo đó,\u00a0 hàng năm", "Theo đó, hàng năm")]
    [InlineData("\u00D0ảng bộ", "Đảng bộ")]
    [InlineData("a\u200Bb\uFEFFc", "abc")]
    [InlineData("  dòng một  \n\n\n\n dòng hai ", "dòng một\n\ndòng hai")]
    [InlineData("một\r\nhai", "một\nhai")]
    [InlineData("Ho\u0300a", "Hòa")]
    public void Normalize_cleans_spacing_and_forms(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Theory]
    [InlineData("Thị uỷ", "thị ủy")]
    [InlineData("hoà bình", "hòa bình")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("quý", "quý")]
    [InlineData("hoàn thành", "hoàn thành")]
    [InlineData("Thuỷ", "thủy")]
    [InlineData("Thủy", "thủy")]
    public void ToneKey_equates_old_and_new_placement(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.ToneKey(input));

    [Theory]
    [InlineData("Đa Krông", "Đakrông")]
    [InlineData("Đa-krông", "Đakrông")]
    [InlineData("Thừa Thiên - Huế", "Thừa Thiên Huế")]
    public void FoldKeyNoSpace_joins_split_names(string a, string b) =>
        Assert.Equal(VietnameseText.FoldKeyNoSpace(a), VietnameseText.FoldKeyNoSpace(b));
}

using NewsMiner.Mining.Localities;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Localities;

/// <summary>Bare names in a list after a unit named with its type word are that unit's siblings.</summary>
public class ListSiblingTests
{
    private static readonly LocalityResolver Resolver = new(Gazetteer.Default);

    [Theory]
    [InlineData("Năm 2022, huyện Gio Linh kết nạp 198 đảng viên, Hải Lăng 176 và Đakrông 131 đảng viên.", "Quảng Trị", "Hải Lăng", "Đakrông")]
    [InlineData("Các huyện làm tốt là huyện Đại Từ, Phú Lương và Định Hóa.", "Thái Nguyên", "Phú Lương", "Định Hóa")]
    public void Bare_names_after_a_typed_sibling_resolve_as_districts(string sentence, string province, string second, string third)
    {
        var places = Resolver.FindPlaces(VietnameseText.Normalize(sentence), new LocalityContext(new DateOnly(2023, 1, 10), province));
        var districts = places.Where(p => p.Level == UnitLevel.District).Select(p => p.Unit.Name).ToList();
        Assert.Contains(second, districts);
        Assert.Contains(third, districts);
        Assert.All(places, p => Assert.Equal(province, p.Province.Name));
    }

    [Fact]
    public void A_capitalised_word_that_is_no_sibling_stays_unresolved()
    {
        var text = VietnameseText.Normalize("Năm 2022, huyện Gio Linh kết nạp 198 đảng viên, Ban Tổ chức đánh giá cao kết quả này.");
        var places = Resolver.FindPlaces(text, new LocalityContext(new DateOnly(2023, 1, 10), "Quảng Trị"));
        Assert.Single(places);
    }
}

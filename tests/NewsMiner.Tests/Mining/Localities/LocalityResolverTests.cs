using System.Diagnostics;
using NewsMiner.Mining.Localities;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Localities;

public class LocalityResolverTests
{
    private static readonly LocalityResolver Resolver = new(Gazetteer.Default);

    private static IReadOnlyList<PlaceMention> Find(string text, string? asOf, string? site) =>
        Resolver.FindPlaces(VietnameseText.Normalize(text), new LocalityContext(asOf is null ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), site));

    private static PlaceMention Only(string text, string surface, string? asOf, string? site)
    {
        var normalised = VietnameseText.Normalize(text);
        var mentions = Find(text, asOf, site);
        var hit = mentions.Where(m => normalised.Substring(m.Start, m.Length) == surface).ToList();
        Assert.True(hit.Count == 1,
            $"expected one mention '{surface}', got: {string.Join(" | ", mentions.Select(m => normalised.Substring(m.Start, m.Length) + "=" + m.Unit.Code))}");
        return hit[0];
    }

    // Sentences are written for these tests. Columns: text, the span expected, article date, site province,
    // expected level, code, name, province code.
    [Theory]
    // Type words and abbreviations.
    [InlineData("Đảng bộ TX Đông Triều tổ chức hội nghị sơ kết.", "TX Đông Triều", "2017-02-24", "Quảng Ninh", UnitLevel.District, "205", "Đông Triều", "22")]
    [InlineData("Lãnh đạo TX. Đông Triều dự buổi lễ.", "TX. Đông Triều", "2017-02-24", "Quảng Ninh", UnitLevel.District, "205", "Đông Triều", "22")]
    [InlineData("Đoàn khảo sát đến T.X Đông Triều.", "T.X Đông Triều", "2017-02-24", "Quảng Ninh", UnitLevel.District, "205", "Đông Triều", "22")]
    [InlineData("Hội nghị ở Tx. Đông Triều diễn ra sáng nay.", "Tx. Đông Triều", "2017-02-24", "Quảng Ninh", UnitLevel.District, "205", "Đông Triều", "22")]
    [InlineData("Trong năm, thị xã Bỉm Sơn kết nạp nhiều đảng viên.", "thị xã Bỉm Sơn", "2020-08-05", "Thanh Hóa", UnitLevel.District, "381", "Bỉm Sơn", "38")]
    [InlineData("Thị xã Bỉm Sơn đẩy mạnh công tác xây dựng Đảng.", "Thị xã Bỉm Sơn", "2020-08-05", "Thanh Hóa", UnitLevel.District, "381", "Bỉm Sơn", "38")]
    [InlineData("Cán bộ huyện Phú Lương đi cơ sở.", "huyện Phú Lương", "2024-02-28", "Thái Nguyên", UnitLevel.District, "168", "Phú Lương", "19")]
    [InlineData("Đoàn công tác về H. Phú Lương làm việc.", "H. Phú Lương", "2024-02-28", "Thái Nguyên", UnitLevel.District, "168", "Phú Lương", "19")]
    [InlineData("Về thăm TP Pleiku vào mùa khô.", "TP Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm TP. Pleiku vào mùa khô.", "TP. Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm TP.Pleiku vào mùa khô.", "TP.Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm Tp. Pleiku vào mùa khô.", "Tp. Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm Tp Pleiku vào mùa khô.", "Tp Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm T.P Pleiku vào mùa khô.", "T.P Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Về thăm thành phố Pleiku vào mùa khô.", "thành phố Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Bí thư Thành ủy Pleiku phát biểu.", "Thành ủy Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Bí thư Thành uỷ Pleiku phát biểu.", "Thành uỷ Pleiku", "2017-12-06", "Gia Lai", UnitLevel.District, "622", "Pleiku", "64")]
    [InlineData("Trụ sở huyện Đakrông nằm bên quốc lộ.", "huyện Đakrông", "2020-05-07", "Quảng Trị", UnitLevel.District, "467", "Đakrông", "45")]
    [InlineData("Trụ sở huyện Đa Krông nằm bên quốc lộ.", "huyện Đa Krông", "2020-05-07", "Quảng Trị", UnitLevel.District, "467", "Đakrông", "45")]
    [InlineData("Chi bộ ở thị trấn Krông Klang họp định kỳ.", "thị trấn Krông Klang", "2020-05-07", "Quảng Trị", UnitLevel.Commune, "19555", "Krông Klang", "45")]
    [InlineData("Chi bộ ở TT Krông Klang họp định kỳ.", "TT Krông Klang", "2020-05-07", "Quảng Trị", UnitLevel.Commune, "19555", "Krông Klang", "45")]
    [InlineData("Chi bộ ở TT. Krông Klang họp định kỳ.", "TT. Krông Klang", "2020-05-07", "Quảng Trị", UnitLevel.Commune, "19555", "Krông Klang", "45")]
    [InlineData("Huyện uỷ Đakrông ra nghị quyết.", "Huyện uỷ Đakrông", "2020-05-07", "Quảng Trị", UnitLevel.District, "467", "Đakrông", "45")]
    [InlineData("Quận ủy Ba Đình giao chỉ tiêu.", "Quận ủy Ba Đình", "2019-01-10", "Hà Nội", UnitLevel.District, "001", "Ba Đình", "01")]
    [InlineData("Cán bộ quận Ba Đình tham dự.", "quận Ba Đình", "2019-01-10", "Hà Nội", UnitLevel.District, "001", "Ba Đình", "01")]
    [InlineData("Tại Quận 1, chi bộ khu phố họp.", "Quận 1", "2019-01-10", "Hồ Chí Minh", UnitLevel.District, "760", "1", "79")]
    [InlineData("Tại Q.1, chi bộ khu phố họp.", "Q.1", "2019-01-10", "Hồ Chí Minh", UnitLevel.District, "760", "1", "79")]
    [InlineData("Tại Q1, chi bộ khu phố họp.", "Q1", "2019-01-10", "Hồ Chí Minh", UnitLevel.District, "760", "1", "79")]
    [InlineData("Tại Quận 3, phường 5 có nhiều chi bộ.", "phường 5", "2019-01-10", "Hồ Chí Minh", UnitLevel.Commune, "27151", "5", "79")]
    [InlineData("Tại Quận 3, P.5 có nhiều chi bộ.", "P.5", "2019-01-10", "Hồ Chí Minh", UnitLevel.Commune, "27151", "5", "79")]
    [InlineData("Đoàn đại biểu TP.HCM dự hội nghị.", "TP.HCM", "2019-01-10", null, UnitLevel.Province, "79", "Hồ Chí Minh", "79")]
    [InlineData("Đoàn đại biểu TPHCM dự hội nghị.", "TPHCM", "2019-01-10", null, UnitLevel.Province, "79", "Hồ Chí Minh", "79")]
    [InlineData("Đảng ủy xã Hoạt Giang họp phiên thường kỳ.", "xã Hoạt Giang", "2021-03-01", "Thanh Hóa", UnitLevel.Commune, "15283", "Hoạt Giang", "38")]
    [InlineData("Ban Thường vụ Tỉnh ủy Gia Lai quyết định.", "Tỉnh ủy Gia Lai", "2017-12-06", "Gia Lai", UnitLevel.Province, "64", "Gia Lai", "64")]
    [InlineData("Ban Thường vụ Tỉnh uỷ Gia Lai quyết định.", "Tỉnh uỷ Gia Lai", "2017-12-06", "Gia Lai", UnitLevel.Province, "64", "Gia Lai", "64")]
    [InlineData("Họ là đảng viên.Thị xã Bỉm Sơn ghi nhận điều đó.", "Thị xã Bỉm Sơn", "2020-08-05", "Thanh Hóa", UnitLevel.District, "381", "Bỉm Sơn", "38")]
    [InlineData("THỊ XÃ BỈM SƠN ĐẨY MẠNH PHÁT TRIỂN ĐẢNG VIÊN", "THỊ XÃ BỈM SƠN", "2020-08-05", "Thanh Hóa", UnitLevel.District, "381", "Bỉm Sơn", "38")]
    // Old and new tone placement.
    [InlineData("Nhân dân tỉnh Hoà Bình đón Tết.", "tỉnh Hoà Bình", "2016-01-01", null, UnitLevel.Province, "17", "Hòa Bình", "17")]
    [InlineData("Nhân dân tỉnh Hòa Bình đón Tết.", "tỉnh Hòa Bình", "2016-01-01", null, UnitLevel.Province, "17", "Hòa Bình", "17")]
    [InlineData("Đảng bộ huyện Thanh Thuỷ tổng kết năm.", "huyện Thanh Thuỷ", "2016-01-01", "Phú Thọ", UnitLevel.District, "239", "Thanh Thủy", "25")]
    [InlineData("Đảng bộ huyện Thanh Thủy tổng kết năm.", "huyện Thanh Thủy", "2016-01-01", "Phú Thọ", UnitLevel.District, "239", "Thanh Thủy", "25")]
    [InlineData("Công nhân thị xã Hoà Thành nghỉ lễ.", "thị xã Hoà Thành", "2021-01-01", "Tây Ninh", UnitLevel.District, "709", "Hòa Thành", "72")]
    // Same-name traps: the type word decides the level.
    [InlineData("Bà con huyện Quảng Ninh thu hoạch lúa.", "huyện Quảng Ninh", "2018-06-01", "Quảng Ninh", UnitLevel.District, "456", "Quảng Ninh", "44")]
    [InlineData("Bà con tỉnh Quảng Ninh thu hoạch lúa.", "tỉnh Quảng Ninh", "2018-06-01", "Quảng Bình", UnitLevel.Province, "22", "Quảng Ninh", "22")]
    [InlineData("Dân cư thành phố Thái Nguyên tăng nhanh.", "thành phố Thái Nguyên", "2019-01-01", "Thái Nguyên", UnitLevel.District, "164", "Thái Nguyên", "19")]
    [InlineData("Dân cư tỉnh Thái Nguyên tăng nhanh.", "tỉnh Thái Nguyên", "2019-01-01", "Thái Nguyên", UnitLevel.Province, "19", "Thái Nguyên", "19")]
    [InlineData("Hội nghị của thành phố Hải Dương khai mạc.", "thành phố Hải Dương", "2019-01-01", null, UnitLevel.District, "288", "Hải Dương", "30")]
    [InlineData("Lãnh đạo thành phố Hà Nội dự lễ.", "thành phố Hà Nội", "2019-01-01", null, UnitLevel.Province, "01", "Hà Nội", "01")]
    // Versions over time: a 2019 commune merger (Hà Vân renamed Hoạt Giang, same code) and the 2025 reform.
    [InlineData("Hồi đó xã Hà Vân còn nghèo.", "xã Hà Vân", "2018-05-01", "Thanh Hóa", UnitLevel.Commune, "15283", "Hà Vân", "38")]
    [InlineData("Nay xã Hoạt Giang đã khác.", "xã Hoạt Giang", "2020-05-01", "Thanh Hóa", UnitLevel.Commune, "15283", "Hoạt Giang", "38")]
    [InlineData("Người dân xã An Hòa Hải đánh cá.", "xã An Hòa Hải", "2021-05-01", "Phú Yên", UnitLevel.Commune, "22147", "An Hòa Hải", "54")]
    [InlineData("Người dân xã An Hòa đánh cá.", "xã An Hòa", "2018-05-01", "Phú Yên", UnitLevel.Commune, "22147", "An Hòa", "54")]
    [InlineData("Đảng ủy xã Phú Lương mới ra mắt.", "xã Phú Lương", "2025-09-01", "Thái Nguyên", UnitLevel.Commune, "05611", "Phú Lương", "19")]
    [InlineData("Đảng ủy xã Đakrông mới ra mắt.", "xã Đakrông", "2025-09-01", "Quảng Trị", UnitLevel.Commune, "19564", "Đakrông", "44")]
    [InlineData("Bí thư Tỉnh ủy Gia Lai làm việc.", "Tỉnh ủy Gia Lai", "2025-09-01", "Gia Lai", UnitLevel.Province, "52", "Gia Lai", "52")]
    [InlineData("Cán bộ đặc khu Côn Đảo học tập.", "đặc khu Côn Đảo", "2025-09-01", "Hồ Chí Minh", UnitLevel.Commune, "26732", "Côn Đảo", "79")]
    [InlineData("Phường Mạo Khê sau sáp nhập rộng hơn.", "Phường Mạo Khê", "2025-09-01", "Quảng Ninh", UnitLevel.Commune, "07069", "Mạo Khê", "22")]
    // SiteProvince decides between same-name communes.
    [InlineData("Nhân dân xã Xuân Sơn trồng rừng.", "xã Xuân Sơn", "2015-01-01", "Thanh Hóa", UnitLevel.Commune, "15532", "Xuân Sơn", "38")]
    [InlineData("Nhân dân xã Xuân Sơn trồng rừng.", "xã Xuân Sơn", "2012-01-01", "Quảng Ninh", UnitLevel.Commune, "07105", "Xuân Sơn", "22")]
    [InlineData("Nhân dân xã Xuân Sơn trồng rừng.", "xã Xuân Sơn", "2015-01-01", "Nghệ An", UnitLevel.Commune, "17689", "Xuân Sơn", "40")]
    [InlineData("Nhân dân xã Xuân Sơn trồng rừng.", "xã Xuân Sơn", "2021-01-01", "Thanh Hóa", UnitLevel.Commune, "15532", "Xuân Sơn", "38")]
    // A district named earlier beats the site province.
    [InlineData("Về huyện Thọ Xuân, xã Xuân Sơn có nhiều đổi mới.", "xã Xuân Sơn", "2015-01-01", "Quảng Ninh", UnitLevel.Commune, "15532", "Xuân Sơn", "38")]
    [InlineData("Thị xã Đông Triều có nhiều khu dân cư; phường Xuân Sơn đứng đầu.", "phường Xuân Sơn", "2017-02-24", null, UnitLevel.Commune, "07105", "Xuân Sơn", "22")]
    // Bare names: a province, or a unit already named with its type word.
    [InlineData("Cán bộ huyện Phú Lương họp. Không chỉ riêng Phú Lương, các huyện khác cũng vậy.", "Phú Lương", "2024-02-28", "Thái Nguyên", UnitLevel.District, "168", "Phú Lương", "19")]
    [InlineData("Thị xã Đông Triều có nhiều khu dân cư; phường Xuân Sơn đứng đầu. Không chỉ riêng Xuân Sơn, cả thị xã đều làm tốt.", "Xuân Sơn", "2017-02-24", "Quảng Ninh", UnitLevel.Commune, "07105", "Xuân Sơn", "22")]
    [InlineData("Đoàn công tác của Gia Lai đã đến thăm.", "Gia Lai", "2017-12-06", null, UnitLevel.Province, "64", "Gia Lai", "64")]
    [InlineData("Quảng Ninh là tỉnh có nhiều mỏ than.", "Quảng Ninh", "2017-12-06", null, UnitLevel.Province, "22", "Quảng Ninh", "22")]
    public void Resolves_place_mentions(string text, string surface, string? asOf, string? site, UnitLevel level, string code, string name, string provinceCode)
    {
        var m = Only(text, surface, asOf, site);
        Assert.Equal(level, m.Level);
        Assert.Equal(code, m.Unit.Code);
        Assert.Equal(name, m.Unit.Name);
        Assert.Equal(provinceCode, m.Province.Code);
        Assert.InRange(m.Confidence, 0.05, 1.0);
    }

    [Theory]
    [InlineData("Công tác xã hội được quan tâm.", null)]
    [InlineData("Bí thư Huyện ủy đã phát biểu chỉ đạo.", null)]
    [InlineData("Kết quả ở Phú Lương rất khả quan.", "Thái Nguyên")]
    [InlineData("Ông Nguyễn Thái Bình phát biểu.", null)]
    [InlineData("Anh ấy làm ở TT Y tế.", null)]
    [InlineData("Tại quận 1 có nhiều đoàn viên.", "Thanh Hóa")]
    [InlineData("Ủy ban nhân dân huyện đã họp, thị xã cũng vậy.", null)]
    [InlineData("Chi bộ ở thị trấn krông Klang họp.", "Quảng Trị")]
    [InlineData("Học tập và làm theo tư tưởng Hồ Chí Minh.", null)]
    public void Finds_nothing_where_no_place_is_named(string text, string? site) =>
        Assert.Empty(Find(text, "2020-01-01", site));

    [Fact]
    public void Huyen_Quang_Ninh_never_becomes_the_province()
    {
        var m = Only("Lúa ở huyện Quảng Ninh đã chín.", "huyện Quảng Ninh", "2018-06-01", "Quảng Bình");
        Assert.NotEqual(UnitLevel.Province, m.Level);
        Assert.Equal("Quảng Bình", m.Province.Name);
    }

    [Fact]
    public void A_name_with_no_context_among_many_is_returned_with_low_confidence()
    {
        var m = Only("Nhân dân xã Tân Thành trồng lúa.", "xã Tân Thành", "2018-01-01", null);
        var sure = Only("Nhân dân xã Tân Thành trồng lúa.", "xã Tân Thành", "2018-01-01", "Thanh Hóa");
        Assert.True(m.Confidence < sure.Confidence, $"{m.Confidence} vs {sure.Confidence}");
        Assert.Equal("15661", sure.Unit.Code);
    }

    [Fact]
    public void Offsets_cover_type_word_and_name_in_order()
    {
        const string text = "Thị uỷ Đông Triều chỉ đạo phường Xuân Sơn và phường Mạo Khê rà soát.";
        var mentions = Find(text, "2017-02-24", "Quảng Ninh");
        Assert.Equal(["Thị uỷ Đông Triều", "phường Xuân Sơn", "phường Mạo Khê"], mentions.Select(m => text.Substring(m.Start, m.Length)));
        Assert.Equal(["Thị uỷ", "phường", "phường"], mentions.Select(m => m.TypeWord));
        Assert.All(mentions.Skip(1), m => Assert.Equal("205", m.District?.Code));
    }

    [Fact]
    public void Post_reform_communes_have_no_district()
    {
        var m = Only("Phường Mạo Khê sau sáp nhập rộng hơn.", "Phường Mạo Khê", "2025-09-01", "Quảng Ninh");
        Assert.Null(m.District);
        var loc = Resolver.ToLocality(m);
        Assert.Null(loc.District);
        Assert.Equal("Mạo Khê", loc.Commune);
        Assert.Equal("07069", loc.CommuneCode);
    }

    [Fact]
    public void Before_the_reform_the_same_ward_has_its_town()
    {
        var m = Only("Phường Mạo Khê có nhiều khu dân cư.", "Phường Mạo Khê", "2017-01-01", "Quảng Ninh");
        Assert.Equal("Đông Triều", m.District?.Name);
        Assert.Equal("Thị xã", m.District?.Type);
    }

    // The seed localities (figure-schema gold), as facts: each resolves with its official codes.
    [Theory]
    [InlineData("Đảng bộ TX Đông Triều và phường Xuân Sơn báo cáo.", "phường Xuân Sơn", "2017-02-24", "Quảng Ninh", "Quảng Ninh", "22", "Đông Triều", "205", "Xuân Sơn", "07105")]
    [InlineData("Đảng bộ TX Đông Triều và phường Xuân Sơn báo cáo.", "TX Đông Triều", "2017-02-24", "Quảng Ninh", "Quảng Ninh", "22", "Đông Triều", "205", null, null)]
    [InlineData("Ban Thường vụ Thị ủy Bỉm Sơn giao chỉ tiêu.", "Thị ủy Bỉm Sơn", "2020-08-05", "Thanh Hóa", "Thanh Hóa", "38", "Bỉm Sơn", "381", null, null)]
    [InlineData("Ban Thường vụ Huyện ủy Phú Lương giao chỉ tiêu.", "Huyện ủy Phú Lương", "2024-02-28", "Thái Nguyên", "Thái Nguyên", "19", "Phú Lương", "168", null, null)]
    [InlineData("Đảng bộ thành phố Pleiku giao chỉ tiêu.", "thành phố Pleiku", "2017-12-06", "Gia Lai", "Gia Lai", "64", "Pleiku", "622", null, null)]
    [InlineData("Huyện Đakrông có thị trấn Krông Klang là trung tâm.", "thị trấn Krông Klang", "2020-05-07", "Quảng Trị", "Quảng Trị", "45", "Đakrông", "467", "Krông Klang", "19555")]
    [InlineData("Huyện Đakrông có thị trấn Krông Klang là trung tâm.", "Huyện Đakrông", "2020-05-07", "Quảng Trị", "Quảng Trị", "45", "Đakrông", "467", null, null)]
    public void Seed_localities_resolve_to_official_codes(string text, string surface, string asOf, string site,
        string province, string provinceCode, string district, string districtCode, string? commune, string? communeCode)
    {
        var m = Only(text, surface, asOf, site);
        var loc = Resolver.ToLocality(m, unit: "Chi bộ khu 1");
        Assert.Equal(new NewsMiner.Mining.Locality(province, district, commune, "Chi bộ khu 1", provinceCode, districtCode, communeCode), loc);
    }

    [Fact]
    public void Province_mentions_fill_only_the_province()
    {
        var m = Only("Tỉnh ủy Gia Lai họp.", "Tỉnh ủy Gia Lai", "2017-12-06", null);
        Assert.Equal(new NewsMiner.Mining.Locality("Gia Lai", null, null, null, "64"), Resolver.ToLocality(m));
    }

    [Fact]
    public void Finds_places_in_a_long_article_well_under_a_millisecond()
    {
        // About 1,500 words of our own text with a place every few sentences.
        string[] sentences =
        [
            "Năm qua, Đảng bộ TX Đông Triều đã kết nạp nhiều đảng viên mới ở khu dân cư.",
            "Các chi bộ thôn, khu phố của phường Xuân Sơn thường xuyên sinh hoạt định kỳ và đúng nội dung.",
            "Ban Thường vụ Thị uỷ yêu cầu cấp ủy cơ sở quan tâm tạo nguồn từ đoàn viên thanh niên ưu tú.",
            "Không chỉ riêng Xuân Sơn, phường Mạo Khê cũng có cách làm hay trong công tác phát triển đảng viên.",
            "Theo báo cáo, tỉnh Quảng Ninh đặt mục tiêu mỗi năm kết nạp thêm hàng nghìn đảng viên mới.",
        ];
        var words = 0;
        var parts = new List<string>();
        while (words < 1500)
        {
            foreach (var s in sentences) { parts.Add(s); words += s.Split(' ').Length; }
        }
        var text = VietnameseText.Normalize(string.Join(" ", parts));
        var context = new LocalityContext(new DateOnly(2017, 2, 24), "Quảng Ninh");
        var warm = Resolver.FindPlaces(text, context);
        Assert.True(warm.Count >= parts.Count, $"{warm.Count} mentions");
        // Speed is measured by `dotnet run -c Release --project bench/NewsMiner.Bench -- mine`, not asserted here.
    }
}

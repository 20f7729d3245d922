using System.Text.Json;
using NewsMiner.Mining.Localities;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Localities;

public class PlaceTypesTests
{
    private static readonly LocalityResolver Resolver = new(Gazetteer.Default);

    // One unit per official type to put behind each word of the table: (name, date, site province).
    private static readonly Dictionary<string, (string Name, string AsOf, string Site)> SampleByType = new()
    {
        ["Tỉnh"] = ("Gia Lai", "2017-12-06", "Gia Lai"),
        ["Thành phố"] = ("Pleiku", "2017-12-06", "Gia Lai"),
        ["Thị xã"] = ("Bỉm Sơn", "2020-08-05", "Thanh Hóa"),
        ["Huyện"] = ("Phú Lương", "2024-02-28", "Thái Nguyên"),
        ["Quận"] = ("Ba Đình", "2019-01-10", "Hà Nội"),
        ["Thị trấn"] = ("Krông Klang", "2020-05-07", "Quảng Trị"),
        ["Xã"] = ("Hoạt Giang", "2021-03-01", "Thanh Hóa"),
        ["Phường"] = ("Mạo Khê", "2017-02-24", "Quảng Ninh"),
        ["Đặc khu"] = ("Côn Đảo", "2025-09-01", "Hồ Chí Minh"),
    };

    private static readonly Dictionary<string, (string Name, string AsOf, string Site)> NumberedSampleByType = new()
    {
        ["Quận"] = ("1", "2019-01-10", "Hồ Chí Minh"),
        ["Phường"] = ("5", "2019-01-10", "Hồ Chí Minh"),
    };

    public static TheoryData<string, bool> Words()
    {
        var data = new TheoryData<string, bool>();
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText(PlaceTypes.ResourcePath));
        foreach (var group in new[] { "typeWords", "organWords" })
        {
            foreach (var e in doc.RootElement.GetProperty(group).EnumerateArray())
            {
                data.Add(e.GetProperty("form").GetString()!, group == "organWords");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void Every_word_in_the_table_introduces_a_place(string form, bool organ)
    {
        var word = PlaceTypes.Default.Words.Single(w => w.IsOrgan == organ && (w.CaseSensitive ? w.Form == form : w.Form == VietnameseText.ToneKey(form)));
        Assert.NotEmpty(word.Levels);
        var type = word.Type ?? throw new InvalidOperationException("every word names a type");
        var (name, asOf, site) = word.NumberOnly ? NumberedSampleByType[type] : SampleByType[type];
        // Numbered wards need their district named first.
        var prefix = type == "Phường" && word.NumberOnly ? "Ở Quận 3, " : "Báo cáo của ";
        var separator = word.NumberOnly || (word.Attached && form.EndsWith('.') && form.Length <= 2) ? "" : " ";
        foreach (var written in new[] { form, Capitalise(form) }.Distinct())
        {
            var text = $"{prefix}{written}{separator}{name} được gửi lên.";
            var mentions = Resolver.FindPlaces(text, new LocalityContext(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), site));
            var m = Assert.Single(mentions, x => x.TypeWord == written);
            Assert.Contains(m.Level, word.Levels);
            Assert.Equal(name, m.Unit.Name);
            Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), m.Start);
            Assert.Equal(written.Length + separator.Length + name.Length, m.Length);
        }
    }

    [Fact]
    public void Old_tone_placement_of_organ_words_matches()
    {
        // Party committees ("Huyện ủy") have an old spelling ("Huyện uỷ"); youth-union organs ("Huyện đoàn") do not.
        var committees = PlaceTypes.Default.Words.Where(w => w.IsOrgan && w.Form.EndsWith("ủy", StringComparison.Ordinal)).ToList();
        Assert.True(committees.Count >= 5);
        foreach (var w in committees)
        {
            var old = w.Form.Replace("ủy", "uỷ", StringComparison.Ordinal);
            Assert.Equal(w.Form, VietnameseText.ToneKey(old));
        }
    }

    [Fact]
    public void Aliases_and_prefixes_are_well_formed()
    {
        Assert.NotEmpty(PlaceTypes.Default.Aliases);
        foreach (var a in PlaceTypes.Default.Aliases)
        {
            Assert.Contains(Gazetteer.Default.FindByName(a.Name, a.Level), u => u.Level == a.Level);
            var m = Assert.Single(Resolver.FindPlaces($"Đại biểu {a.Form} tham dự.", LocalityContext.None));
            Assert.Equal(a.Form, m.TypeWord);
        }
        Assert.All(PlaceTypes.Default.OrganPrefixes, p => Assert.Equal(p, VietnameseText.ToneKey(p)));
    }

    public static TheoryData<string> OrganPrefixes()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText(PlaceTypes.ResourcePath));
        foreach (var e in doc.RootElement.GetProperty("organPrefixes").EnumerateArray()) data.Add(e.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(OrganPrefixes))]
    public void An_organ_prefix_raises_confidence(string prefix)
    {
        var context = new LocalityContext(new DateOnly(2024, 2, 28), "Thái Nguyên");
        var plain = Assert.Single(Resolver.FindPlaces("Báo cáo của huyện Phú Lương đã xong.", context));
        var written = char.ToUpperInvariant(prefix[0]) + prefix[1..];
        var organ = Assert.Single(Resolver.FindPlaces($"Báo cáo của {written} huyện Phú Lương đã xong.", context));
        Assert.Equal(plain.Unit, organ.Unit);
        Assert.True(organ.Confidence > plain.Confidence, $"{prefix}: {organ.Confidence} vs {plain.Confidence}");
    }

    public static TheoryData<string> BareExclusions()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText(PlaceTypes.ResourcePath));
        foreach (var e in doc.RootElement.GetProperty("bareExclusions").EnumerateArray()) data.Add(e.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(BareExclusions))]
    public void Excluded_names_are_places_only_with_a_type_word(string name)
    {
        var units = Gazetteer.Default.FindByName(name);
        Assert.NotEmpty(units);
        Assert.Empty(Resolver.FindPlaces($"Mọi người nhắc đến {name} với lòng kính trọng.", LocalityContext.None));
        var level = units.Min(u => u.Level);
        var written = level switch { UnitLevel.Province => "thành phố", UnitLevel.District => "quận", _ => units[0].Type.ToLowerInvariant() };
        var context = new LocalityContext(null, Gazetteer.Default.ByCode(units.First(u => u.Level == level).ProvinceCode)!.Name);
        var typed = Resolver.FindPlaces($"Mọi người ở {written} {name} đều biết.", context);
        Assert.Contains(typed, m => m.Unit.Name == name);
    }

    [Theory]
    [InlineData("huyện Phú Lương", "Phú Lương", "huyện")]
    [InlineData("TX Đông Triều", "Đông Triều", "TX")]
    [InlineData("TP.Pleiku", "Pleiku", "TP.")]
    [InlineData("Thị uỷ Bỉm Sơn", "Bỉm Sơn", "thị ủy")]
    [InlineData("Q1", "1", "Q")]
    [InlineData("Xuân Sơn", "Xuân Sơn", null)]
    public void StripTypeWord_splits_the_word_off(string input, string name, string? form)
    {
        var (bare, word) = PlaceTypes.Default.StripTypeWord(input);
        Assert.Equal(name, bare);
        Assert.Equal(form, word?.Form);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

public class SeedLocalityTests
{
    // Reads the real seed articles at run time (never copied): every district and commune the gold names for the
    // article must be among the places the resolver finds in its text, with the gold's spelling.
    [SharedFact]
    public void Seed_gold_localities_are_found_in_the_seed_texts()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seeds-gold.json")));
        var resolver = new LocalityResolver(Gazetteer.Default);
        var checkedNames = 0;
        foreach (var article in gold.RootElement.EnumerateArray())
        {
            var text = VietnameseText.Normalize(File.ReadAllText(SharedData.Path("seeds", article.GetProperty("seed").GetString()!)));
            var date = DateOnly.Parse(article.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var site = article.GetProperty("site_province").GetString();
            var mentions = resolver.FindPlaces(text, new LocalityContext(date, site));
            var found = mentions.Select(m => resolver.ToLocality(m)).ToList();
            foreach (var f in article.GetProperty("figures").EnumerateArray())
            {
                var loc = f.GetProperty("locality");
                foreach (var level in new[] { "district", "commune" })
                {
                    if (loc.GetProperty(level).GetString() is not { } name) continue;
                    var province = loc.GetProperty("province").GetString();
                    Assert.Contains(found, l => (level == "district" ? l.District : l.Commune) == name && l.Province == province);
                    checkedNames++;
                }
            }
        }
        Assert.True(checkedNames > 10, $"{checkedNames}");
    }
}

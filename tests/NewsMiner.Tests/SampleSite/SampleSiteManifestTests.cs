using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NewsMiner.Mining;
using NewsMiner.SampleSite;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.SampleSite;

public sealed partial class SampleSiteManifestTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly SampleManifest Manifest = SampleSiteManifest.Load();

    // figure-schema v1 "Segments" table.
    private static readonly HashSet<string> SchemaSegments =
    [
        "khu_dan_cu", "hoc_sinh", "sinh_vien", "dan_toc_thieu_so", "ton_giao", "doanh_nghiep", "nu", "doan_vien",
        "luc_luong_vu_trang", "truong_thon",
    ];

    // figure-schema v1 "Metrics" table (the miner's own extra metrics are not gold).
    private static readonly HashSet<string> SchemaMetrics =
    [
        "new_members", "new_members_target", "target_attainment_pct", "total_members", "party_cells",
        "grassroots_orgs", "awareness_trainees", "new_member_trainees", "member_share_pct",
    ];

    // How each site kind prints the publication date, as a format of the published day.
    private static readonly Dictionary<string, string> DateShapes = new()
    {
        ["baotinh"] = "dd/MM/yyyy, ",
        ["congthongtin"] = "'Đăng lúc: 'dd/MM/yyyy ",
        ["huyen"] = " - dd/MM/yyyy ",
        ["baothainguyen"] = ", dd/MM/yyyy",
    };

    public static TheoryData<string> ArticlePaths() => [.. Manifest.Articles.Select(a => a.Path)];

    [Fact]
    public void Has_enough_articles_localities_and_provinces()
    {
        var party = Manifest.Articles.Where(a => a.Figures.Count > 0).ToArray();
        Assert.True(party.Length >= 18, $"{party.Length} party-building articles");
        Assert.True(Manifest.Articles.Count(a => a.Figures.Count == 0 && a.Negatives.Count >= 3) >= 4,
            "at least 4 unrelated articles full of numbers");
        var localities = party.SelectMany(a => a.Figures)
            .Where(f => f.Locality.District is not null)
            .Select(f => (f.Locality.Province, f.Locality.District, f.Locality.Commune))
            .Distinct().Count();
        Assert.True(localities >= 10, $"{localities} localities");
        Assert.True(party.Select(a => a.Province).Distinct().Count() >= 3);
        Assert.Equal(4, Manifest.Articles.Select(a => a.Kind).Distinct().Count());
        var years = party.Select(a => a.Published.Year).ToArray();
        Assert.True(years.Min() <= 2017 && years.Max() >= 2024);
    }

    [Theory]
    [MemberData(nameof(ArticlePaths))]
    public async Task Article_page_holds_its_title_date_author_evidence_and_negatives(string path)
    {
        var article = Manifest.Articles.Single(a => a.Path == path);
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var text = PageText.Visible(await response.Content.ReadAsStringAsync());

        Assert.Contains(VietnameseText.Normalize(article.Title), text);
        Assert.Contains(article.Published.ToString(DateShapes[article.Kind], CultureInfo.InvariantCulture), text);
        if (article.Author is not null) Assert.Contains(article.Author, text);
        foreach (var figure in article.Figures)
        {
            Assert.Contains(figure.Evidence, text);
            Assert.True(figure.Evidence.Split(' ').Length <= 12, $"evidence longer than 12 words: {figure.Evidence}");
        }
        foreach (var negative in article.Negatives) Assert.Contains(negative.Text, text);
    }

    [Fact]
    public void Figures_use_schema_names_and_forms()
    {
        foreach (var article in Manifest.Articles)
        {
            foreach (var f in article.Figures)
            {
                var where = $"{article.Path} / {f.Evidence}";
                Assert.True(SchemaMetrics.Contains(f.Metric) && MetricNames.TryParse(f.Metric, out _), $"metric {f.Metric} at {where}");
                Assert.True(QualifierNames.TryParse(f.Qualifier, out var q), $"qualifier {f.Qualifier} at {where}");
                Assert.True(f.Segment is null || SchemaSegments.Contains(f.Segment), $"segment {f.Segment} at {where}");
                Assert.Equal(q == Qualifier.Range, f.ValueMax is not null);
                if (f.ValueMax is { } max) Assert.True(max > f.Value, where);
                Assert.True(f.Period is not null && PeriodForm().IsMatch(f.Period), $"period {f.Period} at {where}");
                Assert.True(FirstYear(f.Period!) <= article.Published.Year + 1, $"period after publication at {where}");
                Assert.Equal(article.Province, f.Locality.Province);
                Assert.True(f.Locality.Commune is null || f.Locality.District is not null, where);
                Assert.True(f.Value >= 0, where);
                if (f.Metric.EndsWith("_pct", StringComparison.Ordinal)) Assert.InRange(f.Value, 0m, 200m);
                // The evidence must show the number as the text writes it (8.201, 23,75, "103 nghìn").
                Assert.True(WrittenForms(f.Value).Any(f.Evidence.Contains), $"value {f.Value} not written in {where}");
            }
        }
    }

    [Fact]
    public void Locality_names_carry_no_type_words_and_use_modern_tone_placement()
    {
        string[] typeWords = ["tỉnh ", "huyện ", "thị xã ", "thành phố ", "TP ", "xã ", "phường ", "thị trấn "];
        var names = Manifest.Articles.SelectMany(a => a.Figures)
            .SelectMany(f => new[] { f.Locality.Province, f.Locality.District, f.Locality.Commune })
            .OfType<string>().Distinct().ToArray();
        foreach (var name in names)
        {
            Assert.DoesNotContain(typeWords, w => name.StartsWith(w, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(VietnameseText.ToneKey(name), name.ToLowerInvariant());
        }
    }

    [Fact]
    public void Planted_conflict_pairs_exist_one_agreeing_one_disagreeing()
    {
        Assert.Contains(Manifest.Conflicts, c => c.Kind == "agree");
        Assert.Contains(Manifest.Conflicts, c => c.Kind == "disagree");
        foreach (var conflict in Manifest.Conflicts)
        {
            Assert.Equal(2, conflict.Paths.Count);
            Assert.NotEqual(conflict.Paths[0], conflict.Paths[1]);
            var found = conflict.Paths.Select(path => Manifest.Articles.Single(a => a.Path == path).Figures.Single(f =>
                f.Metric == conflict.Metric && f.Period == conflict.Period && f.Segment is null
                && f.Locality.District == conflict.Locality.District && f.Locality.Commune == conflict.Locality.Commune))
                .Select(f => f.Value).ToArray();
            Assert.Equal(conflict.Values, found);
            Assert.Equal(conflict.Kind == "agree", found[0] == found[1]);
        }
    }

    [Fact]
    public void Negatives_are_never_also_evidence_numbers()
    {
        foreach (var article in Manifest.Articles)
        {
            foreach (var negative in article.Negatives)
            {
                Assert.False(string.IsNullOrWhiteSpace(negative.Why));
                Assert.DoesNotContain(article.Figures, f => f.Evidence == negative.Text);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}(-\d{4}|-\d{2}/\d{4}-\d{2}|-\d{2}-\d{2})?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PeriodForm();

    private static int FirstYear(string period) => int.Parse(period[..4], CultureInfo.InvariantCulture);

    private static IEnumerable<string> WrittenForms(decimal value)
    {
        var plain = value.ToString("0.##", CultureInfo.InvariantCulture);
        yield return plain.Replace('.', ',');
        if (value >= 1000 && value == decimal.Truncate(value))
        {
            yield return value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
            if (value % 1000 == 0) yield return (value / 1000).ToString(CultureInfo.InvariantCulture) + " nghìn";
        }
    }
}

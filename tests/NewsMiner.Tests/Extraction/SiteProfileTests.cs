using AngleSharp.Html.Parser;
using NewsMiner.Extraction;
using NewsMiner.SampleSite;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Extraction;

/// <summary>The site profiles under data/sites: well-formed, matched by host, and agreeing with the generic pass.</summary>
public class SiteProfileTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(7));

    public static TheoryData<string> ProfileNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in SiteProfiles.BuiltIn.All) data.Add(p.Name);
        return data;
    }

    [Fact]
    public void At_least_three_profiles_ship() => Assert.True(SiteProfiles.BuiltIn.All.Count >= 3);

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Profile_is_well_formed_and_its_selectors_parse(string name)
    {
        var profile = SiteProfiles.BuiltIn.All.Single(p => p.Name == name);
        Assert.NotEmpty(profile.Hosts);
        Assert.NotEmpty(profile.Body);
        var empty = new HtmlParser().ParseDocument("<html><body></body></html>");
        foreach (var selector in profile.Body.Concat(profile.Title).Concat(profile.Date).Concat(profile.Author))
            _ = empty.QuerySelector(selector); // throws on a malformed selector
        foreach (var host in profile.Hosts)
        {
            Assert.Same(profile, SiteProfiles.BuiltIn.Match(new Uri("https://" + host + "/a/b")));
            Assert.Same(profile, SiteProfiles.BuiltIn.Match(new Uri("http://www." + host + "/")));
        }
    }

    [Theory]
    [InlineData("https://example.org/tin-tuc/1.html")]
    [InlineData("https://notbaothainguyen.vn/x")]
    public void Other_hosts_have_no_profile(string url) => Assert.Null(SiteProfiles.BuiltIn.Match(new Uri(url)));

    // Sample-site kinds laid out like the real host of a profile (sources.md sections 1.1, 1.3, 1.5).
    [Theory]
    [InlineData("baothainguyen", "baothainguyen.vn")]
    [InlineData("baotinh", "baoquangninh.vn")]
    [InlineData("huyen", "dakrong.quangtri.gov.vn")]
    public void Profile_extraction_matches_the_manifest_and_the_generic_pass(string kind, string host)
    {
        foreach (var gold in SampleSiteManifest.Load().Articles.Where(a => a.Kind == kind))
        {
            var html = ReadSamplePage(gold.Path);
            var url = new Uri("https://" + host + gold.Path[(kind.Length + 1)..]);
            Assert.NotNull(SiteProfiles.BuiltIn.Match(url));
            var profiled = new ArticleExtractor(new ExtractionOptions { Now = Now }).ExtractHtml(html, url).Article!;
            var generic = new ArticleExtractor(new ExtractionOptions { Now = Now, SiteProfiles = SiteProfiles.None }).ExtractHtml(html, url).Article!;

            Assert.Equal(gold.Title, profiled.Title);
            Assert.Equal(gold.Published, DateOnly.FromDateTime(profiled.Published!.Value.DateTime));
            Assert.Equal(gold.Author?.ToLowerInvariant(), profiled.Author?.ToLowerInvariant());
            Assert.Equal(generic.Text, profiled.Text);
        }
    }

    [Fact]
    public void Drop_strings_remove_lines_the_generic_pass_keeps()
    {
        const string html = """
            <html><head><title>Xã Tân Lập kết nạp đảng viên mới</title></head><body>
            <div class="noidung"><h1>Xã Tân Lập kết nạp đảng viên mới</h1>
            <p>Sáng nay, Đảng ủy xã Tân Lập tổ chức lễ kết nạp cho các quần chúng ưu tú ở các thôn, trong không khí trang trọng.</p>
            <p>Các đảng viên mới hứa sẽ phấn đấu, rèn luyện, hoàn thành tốt nhiệm vụ được chi bộ giao trong thời gian dự bị.</p>
            <p>Mời quý vị xem thêm chuyên trang của xã, cập nhật mỗi ngày.</p>
            </div></body></html>
            """;
        var profiles = SiteProfiles.Parse(["""{ "name": "tanlap", "hosts": ["tanlap.example.vn"], "body": ["div.noidung"], "drop": ["Mời quý vị xem thêm"] }"""]);
        var url = new Uri("https://tanlap.example.vn/tin/1.html");
        var generic = new ArticleExtractor(new ExtractionOptions { Now = Now, SiteProfiles = SiteProfiles.None }).ExtractHtml(html, url);
        var profiled = new ArticleExtractor(new ExtractionOptions { Now = Now, SiteProfiles = profiles }).ExtractHtml(html, url);

        Assert.Contains("Mời quý vị xem thêm", generic.Article!.Text);
        Assert.DoesNotContain("Mời quý vị xem thêm", profiled.Article!.Text);
        Assert.Contains(profiled.Dropped, d => d.Reason == DropReasons.SiteProfile && d.Text.StartsWith("Mời quý vị", StringComparison.Ordinal));
        Assert.StartsWith("Sáng nay", profiled.Article.Text, StringComparison.Ordinal);
    }

    private static string ReadSamplePage(string path)
    {
        var root = Path.Combine(SharedData.RepoRoot, "data", "sample-site");
        var file = Path.Combine(root, path.TrimStart('/'));
        if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
        else if (!Path.HasExtension(file)) file += ".html";
        return File.ReadAllText(file);
    }
}

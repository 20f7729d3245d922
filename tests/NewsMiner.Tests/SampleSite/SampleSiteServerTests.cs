using System.Net;
using NewsMiner.SampleSite;
using Xunit;

namespace NewsMiner.Tests.SampleSite;

public sealed class SampleSiteServerTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly SampleManifest Manifest = SampleSiteManifest.Load();

    [Fact]
    public void Binds_loopback_on_a_free_port()
    {
        Assert.Equal("127.0.0.1", site.Server.BaseAddress.Host);
        Assert.True(site.Server.BaseAddress.Port > 0);
        Assert.EndsWith("/", site.Server.BaseAddress.AbsoluteUri);
        Assert.Equal(Manifest.StartPaths.Count, site.Server.StartUrls.Count);
        Assert.All(site.Server.StartUrls, u => Assert.Equal(site.Server.BaseAddress.Authority, u.Authority));
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_on_different_ports()
    {
        await using var other = await SampleSiteServer.StartAsync(CancellationToken.None);
        Assert.NotEqual(site.Server.BaseAddress.Port, other.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = other.BaseAddress };
        using var response = await client.GetAsync("robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stop_closes_the_port()
    {
        var other = await SampleSiteServer.StartAsync(CancellationToken.None);
        var address = other.BaseAddress;
        await other.StopAsync();
        await other.DisposeAsync(); // a second stop is harmless
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(address));
    }

    [Theory]
    [InlineData("/baotinh/chinh-tri/xay-dung-dang/", "text/html", "utf-8")]
    [InlineData("/baotinh/chinh-tri/xay-dung-dang/?page=3", "text/html", "utf-8")]
    [InlineData("/congthongtin/tin-tuc/xay-dung-dang.aspx?page=2", "text/html", "utf-8")]
    [InlineData("/huyen/vi/news/tin-dang-doan-the/page-2", "text/html", "utf-8")]
    [InlineData("/baothainguyen/xay-dung-dang/202402/phu-luong-chu-dong-tao-nguon-phat-trien-dang-vien-3A7F2C1", "text/html", "utf-8")]
    [InlineData("/huyen/vi/news/tin-dang-doan-the/thi-tran-krong-klang-cham-lo-phat-trien-dang-vien-351.html", "text/html", "utf-8")]
    [InlineData("/huyen/uploads/news/2022_01/bao-cao-cong-tac-xay-dung-dang-nam-2021.pdf", "application/pdf", null)]
    [InlineData("/robots.txt", "text/plain", "utf-8")]
    [InlineData("/static/anh.gif", "image/gif", null)]
    public async Task Serves_files_with_their_content_type(string path, string mediaType, string? charset)
    {
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(charset, response.Content.Headers.ContentType?.CharSet);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Pdf_body_is_a_pdf()
    {
        var bytes = await site.Client.GetByteArrayAsync(Manifest.Documents[0].Path);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Theory]
    [InlineData("/khong-ton-tai/")]
    [InlineData("/baotinh/chinh-tri/xay-dung-dang/?page=9")]
    [InlineData("/baotinh/chinh-tri/xay-dung-dang/?page=abc")]
    [InlineData("/huyen/vi/news/tin-dang-doan-the/page-7")]
    [InlineData("/manifest.json")]
    [InlineData("/baothainguyen/xay-dung-dang/202311/dong-hy-nang-chat-luong-sinh-hoat-chi-bo-4B19E07")]
    public async Task Unknown_paths_are_404(string path)
    {
        using var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Listing_pages_differ_by_page_number()
    {
        var listing = Manifest.Listings.First(l => l.Pages >= 3);
        var bodies = new HashSet<string>();
        for (var n = 1; n <= listing.Pages; n++)
        {
            var url = n == 1 ? listing.Path : $"{listing.Path}?page={n}";
            bodies.Add(await site.Client.GetStringAsync(url));
        }
        Assert.Equal(listing.Pages, bodies.Count);
    }

    [Fact]
    public async Task Print_view_names_its_article_as_canonical()
    {
        foreach (var view in Manifest.PrintViews)
        {
            var html = await site.Client.GetStringAsync(view.Path);
            Assert.Equal(view.Canonical, PageText.Canonical(html));
            Assert.Contains(Manifest.Articles, a => a.Path == view.Canonical);
        }
        Assert.NotEmpty(Manifest.PrintViews);
    }

    [Fact]
    public async Task Every_link_resolves_to_a_page_the_broken_link_or_the_pdf()
    {
        var baseUri = site.Server.BaseAddress;
        var queue = new Queue<Uri>([baseUri, .. site.Server.StartUrls]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { baseUri.PathAndQuery };
        foreach (var start in site.Server.StartUrls) seen.Add(start.PathAndQuery);
        var notFound = new List<string>();
        var nonHtml = new List<string>();
        var problems = new List<string>();

        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            using var response = await site.Client.GetAsync(url);
            var type = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode == HttpStatusCode.NotFound) { notFound.Add(url.PathAndQuery); continue; }
            if (response.StatusCode != HttpStatusCode.OK) { problems.Add($"{url.PathAndQuery}: {(int)response.StatusCode}"); continue; }
            if (type != "text/html") { nonHtml.Add(url.PathAndQuery); continue; }

            var html = await response.Content.ReadAsStringAsync();
            foreach (var href in PageText.Links(html))
            {
                if (href.StartsWith('#')) continue;
                var target = new Uri(url, href);
                if (target.Authority != baseUri.Authority) { problems.Add($"{url.PathAndQuery} links off-site: {href}"); continue; }
                var key = target.PathAndQuery;
                if (seen.Add(key)) queue.Enqueue(new Uri(baseUri, key));
            }
        }

        Assert.Empty(problems);
        Assert.Equal(Manifest.BrokenLinks.Order(StringComparer.Ordinal), notFound.Order(StringComparer.Ordinal));
        Assert.Contains(Manifest.Documents[0].Path, nonHtml);
        Assert.All(Manifest.Articles, a => Assert.Contains(a.Path, seen));
        Assert.All(Manifest.PrintViews, p => Assert.Contains(p.Path, seen));
    }
}

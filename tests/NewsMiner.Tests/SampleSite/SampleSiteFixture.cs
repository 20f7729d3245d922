using AngleSharp.Html.Parser;
using NewsMiner.SampleSite;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.SampleSite;

/// <summary>One running sample site (and a client for it) shared by the tests of a class.</summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    private SampleSiteServer? _server;
    private HttpClient? _client;

    public SampleSiteServer Server => _server ?? throw new InvalidOperationException("not started");

    public HttpClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _server = await SampleSiteServer.StartAsync(cts.Token);
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = _server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>Page text as a reader sees it: tags, scripts and styles removed, then the pipeline's normaliser.</summary>
internal static class PageText
{
    public static string Visible(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript").ToArray()) element.Remove();
        return VietnameseText.Normalize(document.Body?.TextContent ?? string.Empty);
    }

    /// <summary>Every URL a crawler could follow from the page: anchors, canonical links, images.</summary>
    public static IEnumerable<string> Links(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var a in document.QuerySelectorAll("a[href]")) yield return a.GetAttribute("href")!;
        foreach (var l in document.QuerySelectorAll("link[rel=canonical][href]")) yield return l.GetAttribute("href")!;
        foreach (var i in document.QuerySelectorAll("img[src]")) yield return i.GetAttribute("src")!;
    }

    public static string? Canonical(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("link[rel=canonical]")?.GetAttribute("href");
}

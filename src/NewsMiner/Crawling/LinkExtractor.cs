using AngleSharp.Html.Parser;

namespace NewsMiner.Crawling;

/// <summary>Finds the links of a page worth visiting: absolute http(s) URLs that do not name an obvious non-page file.</summary>
internal static class LinkExtractor
{
    /// <summary>
    /// Extensions of files that are never article pages (media, styles, scripts, archives, office attachments that
    /// portals link from every news item); fetching them would only waste the site's bandwidth and our page budget.
    /// </summary>
    internal static readonly IReadOnlySet<string> NonPageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".ico", ".tif", ".tiff",
        ".css", ".js", ".json", ".xml", ".rss",
        ".zip", ".rar", ".7z", ".gz", ".tar",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
        ".mp3", ".mp4", ".avi", ".wmv", ".flv", ".mov", ".wav",
        ".exe", ".apk", ".woff", ".woff2", ".ttf",
    };

    /// <param name="maxUrlLength">Longer hrefs are dropped before they are even resolved; no page links a 20,000-character URL.</param>
    public static IReadOnlyList<Uri> Extract(string html, Uri pageUrl, int maxUrlLength = int.MaxValue)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = pageUrl;
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href")?.Trim();
        if (!string.IsNullOrEmpty(baseHref) && Uri.TryCreate(pageUrl, baseHref, out var declared) && UrlCanonicalizer.IsHttp(declared))
            baseUrl = declared;

        var links = new List<Uri>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")?.Trim();
            if (string.IsNullOrEmpty(href) || href.Length > maxUrlLength) continue;
            if (!Uri.TryCreate(baseUrl, href, out var target)) continue;
            if (IsPageCandidate(target)) links.Add(target);
        }
        // A meta refresh is how some portals redirect; its target is a link like any other (the frontier stops loops).
        foreach (var meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (!string.Equals(meta.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)) continue;
            if (RefreshTarget(meta.GetAttribute("content")) is { Length: > 0 } href && href.Length <= maxUrlLength
                && Uri.TryCreate(baseUrl, href, out var target) && IsPageCandidate(target))
                links.Add(target);
        }
        return links;
    }

    /// <summary>The URL of a refresh's content ("0; url=/trang-moi"), or null.</summary>
    internal static string? RefreshTarget(string? content)
    {
        if (content is null) return null;
        var at = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = content[(at + 3)..].TrimStart();
        if (!rest.StartsWith('=')) return null;
        return rest[1..].Trim().Trim('"', '\'').Trim();
    }

    /// <summary>False for mailto:, javascript:, tel: and other non-http schemes, and for file extensions in the table.</summary>
    public static bool IsPageCandidate(Uri url) =>
        UrlCanonicalizer.IsHttp(url) && !NonPageExtensions.Contains(Path.GetExtension(url.AbsolutePath));
}

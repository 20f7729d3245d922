using System.Text;

namespace NewsMiner.Crawling;

/// <summary>
/// One spelling per page, so the frontier never fetches the same page twice under two URLs. Only http and https are
/// rewritten; other schemes are returned unchanged because they are never fetched.
/// </summary>
internal static class UrlCanonicalizer
{
    /// <summary>Query parameters added by ad networks and share buttons (Zalo adds zarsrc); they never change the page.</summary>
    internal static readonly IReadOnlyList<string> TrackingParameters = ["fbclid", "gclid", "gclsrc", "dclid", "msclkid", "zarsrc"];

    internal static readonly IReadOnlyList<string> TrackingParameterPrefixes = ["utm_"];

    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) throw new ArgumentException($"Cannot canonicalise a relative URL: {url}", nameof(url));
        if (!IsHttp(url)) return url;

        var builder = new StringBuilder();
        builder.Append(url.Scheme.ToLowerInvariant()).Append("://").Append(url.Host.ToLowerInvariant());
        if (!url.IsDefaultPort) builder.Append(':').Append(url.Port);
        var path = url.AbsolutePath;
        builder.Append(path.Length == 0 ? "/" : path);

        var query = CanonicalQuery(url.GetComponents(UriComponents.Query, UriFormat.UriEscaped));
        if (query.Length > 0) builder.Append('?').Append(query);
        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    public static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public static bool IsTrackingParameter(string name)
    {
        foreach (var exact in TrackingParameters)
            if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var prefix in TrackingParameterPrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0) return "";
        // Sorting by name only (stable) keeps repeated names such as a=2&a=1 in their original, meaningful order.
        var kept = rawQuery
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => (Name: NameOf(pair), Pair: pair))
            .Where(p => !IsTrackingParameter(Uri.UnescapeDataString(p.Name)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Pair);
        return string.Join('&', kept);
    }

    private static string NameOf(string pair)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? pair : pair[..eq];
    }
}

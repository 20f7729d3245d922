using System.Net.Http.Headers;

namespace NewsMiner.Crawling;

/// <summary>
/// The Content-Type of a response, read leniently: .NET drops headers such as "text/html;charset=UTF-8;" (trailing
/// semicolon, common on PHP portals) as invalid, which would turn real pages into not_html.
/// </summary>
internal sealed record ContentTypeHeader(string Raw, string? MediaType, string? Charset)
{
    public bool IsHtml =>
        string.Equals(MediaType, "text/html", StringComparison.OrdinalIgnoreCase)
        || string.Equals(MediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    public static ContentTypeHeader From(HttpContentHeaders headers)
    {
        if (headers.ContentType is { } parsed) return new(parsed.ToString(), parsed.MediaType, parsed.CharSet);
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values)) return new("", null, null);
        var raw = values.FirstOrDefault() ?? "";
        return Parse(raw);
    }

    public static ContentTypeHeader Parse(string raw)
    {
        // A repeated header arrives comma-joined; the first media type is the one browsers honour.
        var first = raw.Split(',', 2)[0];
        var parts = first.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? mediaType = parts.Length > 0 && parts[0].Contains('/', StringComparison.Ordinal) ? parts[0].ToLowerInvariant() : null;
        string? charset = null;
        foreach (var parameter in parts.Skip(1))
        {
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !parameter[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) continue;
            var value = parameter[(eq + 1)..].Trim().Trim('"', '\'').Trim();
            if (value.Length > 0) charset = value;
        }
        return new(raw, mediaType, charset);
    }
}

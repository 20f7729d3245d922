using System.Text;

namespace NewsMiner.Crawling;

/// <summary>
/// Caps how deeply a page's elements nest before anything parses it. Parsers and the extractor walk the tree
/// recursively; thousands of nested elements (hostile or broken pages) would overflow the stack, which no catch can
/// stop: the whole crawl would die. Tags past the cap are dropped and their text kept, so an article wrapped in
/// absurd nesting still reads as an article.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>Elements that never hold children, and raw-text elements whose content is not markup.</summary>
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "command",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noscript" };

    // Tag names are looked up as spans of the page, so scanning a page allocates nothing until a raw-text element.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidLookup = VoidElements.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextLookup = RawTextElements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The page unchanged when no element nests deeper than <paramref name="maxDepth"/>, else with the deeper tags dropped.</summary>
    /// <remarks>
    /// Depth is counted from the tags as written (every start tag opens, every end tag closes one), which over-counts
    /// pages that leave &lt;p&gt; or &lt;li&gt; open; the cap is far above what real pages reach, so only hostile ones are touched.
    /// </remarks>
    public static string Limit(string html, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Scan(html, maxDepth, null) ? html : Rewrite(html, maxDepth);
    }

    private static string Rewrite(string html, int maxDepth)
    {
        var kept = new StringBuilder(html.Length);
        Scan(html, maxDepth, kept);
        return kept.ToString();
    }

    /// <returns>True when nothing nests past the cap (and then <paramref name="kept"/>, when given, holds the whole page).</returns>
    private static bool Scan(string html, int maxDepth, StringBuilder? kept)
    {
        var depth = 0;
        var within = true;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) lt = html.Length;
            kept?.Append(html, i, lt - i);
            if (lt >= html.Length) break;
            var (end, change, rawText) = Tag(html, lt);
            var tooDeep = change > 0 ? depth + 1 > maxDepth : change < 0 && depth > maxDepth;
            if (tooDeep) within = false;
            else kept?.Append(html, lt, end - lt);
            depth = Math.Max(0, depth + change);
            i = end;
            if (rawText is not null)
            {
                // Script and style bodies may hold "<div>" in strings; they end only at their own end tag.
                var close = html.IndexOf("</" + rawText, i, StringComparison.OrdinalIgnoreCase);
                var stop = close < 0 ? html.Length : close;
                kept?.Append(html, i, stop - i);
                i = stop;
            }
        }
        return within;
    }

    /// <returns>Where the construct at <paramref name="lt"/> ends, how it changes the depth, and the raw-text element it opens.</returns>
    private static (int End, int Change, string? RawText) Tag(string html, int lt)
    {
        if (lt + 1 >= html.Length) return (html.Length, 0, null);
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return (close < 0 ? html.Length : close + 3, 0, null);
        }
        var next = html[lt + 1];
        var isEnd = next == '/';
        var nameStart = isEnd ? lt + 2 : lt + 1;
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            // "<!doctype", "<?xml", or a lone "<" in text: not an element.
            if (next is '!' or '?') return (EndOfTag(html, lt + 1), 0, null);
            return (lt + 1, 0, null);
        }
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
        var end = EndOfTag(html, nameEnd);
        var name = html.AsSpan(nameStart, nameEnd - nameStart);
        // Raw-text elements hold no elements, so neither their start nor their end tag changes the depth.
        if (isEnd) return (end, RawTextLookup.Contains(name) ? 0 : -1, null);
        if (VoidLookup.Contains(name)) return (end, 0, null);
        if (RawTextLookup.TryGetValue(name, out var rawText)) return (end, 0, rawText);
        var selfClosing = end >= 2 && html[end - 2] == '/';
        return (end, selfClosing ? 0 : 1, null);
    }

    /// <summary>The index after the '&gt;' that ends the tag, skipping quoted attribute values.</summary>
    private static int EndOfTag(string html, int from)
    {
        char quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }
        return html.Length;
    }
}

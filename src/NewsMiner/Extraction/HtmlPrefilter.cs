using System.Text;

namespace NewsMiner.Extraction;

/// <summary>
/// Cuts what the extractor never reads out of the markup before parsing: script (except JSON-LD, which carries the
/// date and author), style, noscript, svg, template and comments. Modern pages are often half script by size, and
/// tokenising it is most of the parse time. Images go too: they hold no text, and the parser resolves their URLs.
/// The cut follows the tokenizer's own end rule ("&lt;/script" closes a script element), so the parsed tree of what
/// remains is unchanged.
/// </summary>
internal static class HtmlPrefilter
{
    private static readonly string[] RawTags = ["script", "style", "noscript", "svg", "template"];

    public static string Strip(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var span = html.AsSpan();
        var copied = 0;
        var i = span.IndexOf('<');
        while (i >= 0 && i < span.Length - 1)
        {
            var end = -1;
            if (span[(i + 1)..].StartsWith("!--"))
            {
                // "<!-->" and "<!--->" are complete (empty) comments to the tokenizer.
                if (span[i..].StartsWith("<!-->")) end = i + 5;
                else if (span[i..].StartsWith("<!--->")) end = i + 6;
                else
                {
                    var close = span[(i + 4)..].IndexOf("-->");
                    end = close < 0 ? span.Length : i + 4 + close + 3;
                }
            }
            else if (IsOpenTag(span, i, "img") && TagEnd(span, i) is var imgEnd and > 0)
            {
                // An image carries no text, and the parser resolves every srcset URL of it.
                end = imgEnd;
            }
            else
            {
                foreach (var tag in RawTags)
                {
                    if (!IsOpenTag(span, i, tag)) continue;
                    var openEnd = span[i..].IndexOf('>');
                    if (openEnd < 0) break;
                    if (tag == "script" && span.Slice(i, openEnd).Contains("ld+json", StringComparison.OrdinalIgnoreCase)) break;
                    // A self-closed svg is complete; script and style ignore the slash, as the tokenizer does.
                    if (tag == "svg" && span[i + openEnd - 1] == '/')
                    {
                        end = i + openEnd + 1;
                        break;
                    }
                    var close = IndexOfIgnoreCase(span, i + openEnd + 1, "</" + tag);
                    if (close < 0) break;
                    var closeEnd = span[close..].IndexOf('>');
                    end = closeEnd < 0 ? span.Length : close + closeEnd + 1;
                    break;
                }
            }
            if (end > i)
            {
                sb.Append(span[copied..i]);
                copied = end;
                if (end >= span.Length) break;
                var next = span[end..].IndexOf('<');
                i = next < 0 ? -1 : end + next;
            }
            else
            {
                var next = span[(i + 1)..].IndexOf('<');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }
        if (copied < span.Length) sb.Append(span[copied..]);
        return sb.ToString();
    }

    /// <summary>
    /// The index after the '&gt;' closing the start tag at <paramref name="at"/>, or -1. A '&gt;' inside a quoted
    /// attribute value does not close it (alt="a &gt; b"); a quote opens a value only right after '=', as in the tokenizer.
    /// </summary>
    private static int TagEnd(ReadOnlySpan<char> s, int at)
    {
        var afterEquals = false;
        for (var i = at + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '>') return i + 1;
            if ((c == '"' || c == '\'') && afterEquals)
            {
                var close = s[(i + 1)..].IndexOf(c);
                if (close < 0) return -1;
                i += close + 1;
                afterEquals = false;
                continue;
            }
            if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return -1;
    }

    private static bool IsOpenTag(ReadOnlySpan<char> s, int at, string tag)
    {
        if (at + 1 + tag.Length >= s.Length) return false;
        if (!s.Slice(at + 1, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase)) return false;
        var after = s[at + 1 + tag.Length];
        return after is '>' or ' ' or '\t' or '\n' or '\r' or '/';
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<char> s, int from, string value)
    {
        var at = s[from..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? -1 : from + at;
    }
}

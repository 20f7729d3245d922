using System.Globalization;
using System.Text;

namespace NewsMiner.Text;

/// <summary>
/// The one place where Vietnamese text is normalised and compared. Every offset the pipeline stores points into the
/// output of <see cref="Normalize"/>, so this function must stay stable: changing it changes stored offsets.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC; Ð (U+00D0, Icelandic eth, often typed for Đ) read as Đ; non-breaking and other odd spaces to a space;
    /// zero-width characters and soft hyphens removed; runs of spaces squeezed; lines trimmed; at most one blank line.
    /// Tone placement is left as written (evidence must stay a verbatim slice of the article).
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var s = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (s.Contains('\r')) s = s.Replace("\r\n", "\n", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var raw in s)
        {
            var c = raw switch
            {
                '\u00D0' => 'Đ',
                '\u00F0' => 'đ',
                '\r' => '\n',
                _ => raw,
            };
            if (IsDropped(c)) continue;
            if (c == '\n')
            {
                pendingSpace = false;
                newlines++;
                continue;
            }
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (newlines > 0)
            {
                if (sb.Length > 0) sb.Append(newlines > 1 ? "\n\n" : "\n");
                newlines = 0;
            }
            else if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u2007' or '\u202F' or '\u3000' or '\f' or '\v'
        || (c >= '\u2000' && c <= '\u200A');

    private static bool IsDropped(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// Key for matching words that may be written with old or new tone placement (uỷ/ủy, hoà/hòa, khoẻ/khỏe):
    /// lower case, NFC, tone moved to the first vowel of an open "oa", "oe", "uy" syllable (the gazetteer's form).
    /// </summary>
    public static string ToneKey(string text)
    {
        var s = Normalize(text).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (i + 1 < s.Length && TryMoveTone(s, i, out var first, out var second))
            {
                sb.Append(first).Append(second);
                i++;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // o+toned a/e, u+toned y, at the end of a syllable and (for uy) not after q, move the tone to the first vowel.
    private static bool TryMoveTone(string s, int i, out char first, out char second)
    {
        first = s[i];
        second = s[i + 1];
        var bare = s[i];
        if (bare is not ('o' or 'u')) return false;
        var next = s[i + 1].ToString().Normalize(NormalizationForm.FormD);
        if (next.Length != 2) return false;
        var baseNext = next[0];
        var tone = next[1];
        if (!IsToneMark(tone)) return false;
        if (!((bare == 'o' && baseNext is 'a' or 'e') || (bare == 'u' && baseNext == 'y'))) return false;
        if (i + 2 < s.Length && char.IsLetter(s[i + 2])) return false;
        if (i > 0 && char.IsLetter(s[i - 1]) && s[i - 1] == 'q') return false;
        if (i > 0 && bare == 'u' && s[i - 1] == 'g') return false;
        first = (bare.ToString() + tone).Normalize(NormalizationForm.FormC)[0];
        second = baseNext;
        return true;
    }

    private static bool IsToneMark(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    /// <summary>
    /// Loose key: lower case, no diacritics, đ as d, letters and digits only, single spaces. For matching names across
    /// spelling variants (Đakrông / Đa Krông / Dakrong need <see cref="FoldKeyNoSpace"/>).
    /// </summary>
    public static string FoldKey(string text)
    {
        var d = Normalize(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        var space = false;
        foreach (var c in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            var ch = c == 'đ' ? 'd' : c;
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(ch);
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary><see cref="FoldKey"/> without spaces or hyphens: "Đa Krông", "Đakrông" and "Đa-krông" meet.</summary>
    public static string FoldKeyNoSpace(string text) => FoldKey(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}

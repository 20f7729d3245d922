using System.Text;
using NewsMiner.Text;

namespace NewsMiner.Storage;

/// <summary>
/// Turns what a user types into an FTS5 MATCH expression: plain words, all required, each also matching its other tone
/// placement. The index keeps diacritics (Vietnamese words differ by them) but articles use both placements
/// (hoà/hòa, thuỷ/thủy), so the query carries both rather than the index dropping all marks.
/// </summary>
internal static class FtsQuery
{
    public static string Build(string query) => Compose(query, Quote, " OR ", " AND ");

    /// <summary>The same query for PostgreSQL's to_tsquery: words are letters and digits only, so single quotes make
    /// each a literal lexeme.</summary>
    public static string BuildTsQuery(string query) => Compose(query, w => "'" + w + "'", " | ", " & ");

    private static string Compose(string query, Func<string, string> quote, string or, string and)
    {
        var terms = Words(VietnameseText.Normalize(query).ToLowerInvariant())
            .Select(w =>
            {
                var modern = VietnameseText.ToneKey(w);
                var variants = new[] { w, modern, OldPlacement(modern) }.Distinct(StringComparer.Ordinal).Select(quote).ToList();
                return variants.Count == 1 ? variants[0] : "(" + string.Join(or, variants) + ")";
            })
            .ToList();
        return string.Join(and, terms);
    }

    // Quoting makes every word a literal: FTS operators typed by a user (AND, NEAR, *, :) are searched as text.
    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IEnumerable<string> Words(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
                continue;
            }
            if (sb.Length > 0) yield return sb.ToString();
            sb.Clear();
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>
    /// The old placement of a syllable in modern form: tone moved from the o of "oa"/"oe" or the u of "uy" to the
    /// second vowel, for the open syllables <see cref="VietnameseText.ToneKey"/> moves the other way.
    /// </summary>
    internal static string OldPlacement(string syllable)
    {
        var n = syllable.Length;
        if (n < 2) return syllable;
        var decomposed = syllable[n - 2].ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length != 2 || decomposed[1] is not ('\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')) return syllable;
        var bare = decomposed[0];
        var next = syllable[n - 1];
        if (!((bare == 'o' && next is 'a' or 'e') || (bare == 'u' && next == 'y'))) return syllable;
        if (n >= 3 && (syllable[n - 3] == 'q' || (bare == 'u' && syllable[n - 3] == 'g'))) return syllable;
        var moved = (next.ToString() + decomposed[1]).Normalize(NormalizationForm.FormC);
        return string.Concat(syllable.AsSpan(0, n - 2), bare.ToString(), moved);
    }
}

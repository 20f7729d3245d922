using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace NewsMiner.Mining.Localities;

/// <summary>
/// Cheap one-char-for-one-char foldings used to pre-filter text spans before the exact (and costlier)
/// <see cref="NewsMiner.Text.VietnameseText"/> keys are computed: offsets into the folded text equal offsets into the text.
/// </summary>
internal static class NameFolding
{
    private static readonly FrozenDictionary<char, char> TonelessMap = Build(stripAll: false);
    private static readonly FrozenDictionary<char, char> BaseMap = Build(stripAll: true);

    /// <summary>Lower case without the five tone marks (ư, ô, đ stay); ’ as ', - as space.</summary>
    public static string Toneless(string text) => string.Create(text.Length, text, static (span, t) =>
    {
        for (var i = 0; i < t.Length; i++) span[i] = TonelessChar(t[i]);
    });

    public static char TonelessChar(char c) => c switch
    {
        '\u2019' => '\'',
        '-' => ' ',
        < '\u00C0' => char.ToLowerInvariant(c),
        _ => TonelessMap.TryGetValue(c, out var f) ? f : char.ToLowerInvariant(c),
    };

    /// <summary>Letters and digits only, no diacritics, đ as d: the shape of VietnameseText.FoldKeyNoSpace.</summary>
    public static string Base(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var b = lower < '\u00C0' ? lower : BaseMap.TryGetValue(lower, out var f) ? f : lower;
            if (char.IsLetterOrDigit(b)) sb.Append(b);
        }
        return sb.ToString();
    }

    private static FrozenDictionary<char, char> Build(bool stripAll)
    {
        var map = new Dictionary<char, char>();
        for (var c = '\u00C0'; c <= '\u1EFF'; c++)
        {
            var lower = char.ToLowerInvariant(c);
            if (stripAll && lower == 'đ') { map[c] = 'd'; continue; }
            var d = lower.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(d.Length);
            foreach (var ch in d)
            {
                var drop = stripAll
                    ? CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark
                    : ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';
                if (!drop) kept.Append(ch);
            }
            var back = kept.ToString().Normalize(NormalizationForm.FormC);
            if (back.Length == 1 && back[0] != c) map[c] = back[0];
        }
        return map.ToFrozenDictionary();
    }
}

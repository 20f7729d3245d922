using System.Collections.Frozen;
using System.Text.Json;

namespace NewsMiner.Text;

/// <summary>A slice [Start, Start+Length) of a normalised text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits normalised text into sentences on . ! ? ; and line breaks. A dot is not a boundary inside a token
/// ("8.201", "TP.HCM", "Th.S"), after a listed abbreviation ("TP. Hạ Long") or a lone capital ("H. Tiên Yên"),
/// before a lower-case word, or in an ellipsis that the sentence goes on after.
/// </summary>
public static class SentenceSplitter
{
    public const string AbbreviationsPath = "data/language/abbreviations.json";

    private static readonly FrozenSet<string> Abbreviations = LoadAbbreviations();

    /// <summary>The words in data/language/abbreviations.json.</summary>
    public static IReadOnlyCollection<string> KnownAbbreviations => Abbreviations;

    public static IReadOnlyList<TextSpan> Split(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        var text = normalisedText;
        var spans = new List<TextSpan>();
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = 0;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(text, spans, start, i);
                start = i + 1;
                i++;
                continue;
            }
            if (c is '!' or '?' or ';')
            {
                var j = SkipClosers(text, SkipRun(text, i + 1, "!?"));
                Add(text, spans, start, j);
                start = j;
                i = j;
                continue;
            }
            if (c is '.' or '…')
            {
                var runEnd = SkipRun(text, i, ".…");
                var after = SkipClosers(text, runEnd);
                if (IsBoundary(text, i, runEnd, after, lookup))
                {
                    Add(text, spans, start, after);
                    start = after;
                }
                i = after;
                continue;
            }
            i++;
        }
        Add(text, spans, start, n);
        return spans;
    }

    private static bool IsBoundary(string text, int dot, int runEnd, int after,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> abbreviations)
    {
        if (after >= text.Length) return true;
        // Inside a token: "8.201", "TP.HCM", "Th.S", "baoquangninh.vn".
        if (!char.IsWhiteSpace(text[after])) return false;
        var next = after;
        while (next < text.Length && text[next] == ' ') next++;
        if (next >= text.Length || text[next] == '\n') return true;
        var following = text[next];
        // A sentence never starts in lower case; "..." or "v.v." before one is mid-sentence.
        if (char.IsLower(following)) return false;
        var ellipsis = runEnd - dot > 1 || text[dot] == '…';
        if (ellipsis || after > runEnd) return true;
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
        while (wordStart < dot && text[wordStart] is '(' or '"' or '“' or '\'' or '[') wordStart++;
        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0])) return IsOrdinalNumeral(text, wordStart, word[0]);
        return !abbreviations.Contains(word);
    }

    /// <summary>
    /// "Đại hội đại biểu lần thứ I." ends its sentence: a Roman numeral after "thứ" or "khóa" is an ordinal, not an
    /// initial ("H. Tiên Yên").
    /// </summary>
    private static bool IsOrdinalNumeral(string text, int wordStart, char letter)
    {
        if (letter is not ('I' or 'V' or 'X')) return false;
        var before = text.AsSpan(0, wordStart).TrimEnd();
        return before.EndsWith("thứ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("khóa", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("khoá", StringComparison.OrdinalIgnoreCase);
    }

    private static int SkipRun(string text, int i, string chars)
    {
        while (i < text.Length && chars.Contains(text[i])) i++;
        return i;
    }

    private static int SkipClosers(string text, int i)
    {
        while (i < text.Length && text[i] is '"' or '”' or '’' or '\'' or ')' or ']' or '»') i++;
        return i;
    }

    private static void Add(string text, List<TextSpan> spans, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end - start));
    }

    private static FrozenSet<string> LoadAbbreviations()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText(AbbreviationsPath));
        var list = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("abbreviations").EnumerateArray())
        {
            var s = e.GetString();
            if (!string.IsNullOrWhiteSpace(s)) list.Add(s);
        }
        return list.ToFrozenSet(StringComparer.Ordinal);
    }
}

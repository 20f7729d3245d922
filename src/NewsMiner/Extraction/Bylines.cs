using System.Globalization;

namespace NewsMiner.Extraction;

/// <summary>How a byline was written; a labelled one outranks a bare name, which outranks a source attribution.</summary>
internal enum BylineKind
{
    Labelled,
    BareName,
    Attribution,
}

internal sealed record Byline(string Author, BylineKind Kind);

/// <summary>Is a short string a person's (or a signing unit's) name, as Vietnamese bylines print them.</summary>
internal static class NameShape
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// "Nguyễn Văn A", "NGỌC ANH", "H.Tr", "Hoàng Anh – Minh Thu": every word starts with a capital, no digits, a
    /// handful of words. Vietnamese sentences capitalise only their first word, so this rarely fires on body text.
    /// </summary>
    public static bool IsPersonName(string text, ExtractionLexicon lexicon)
    {
        if (text.Length is < 2 or > 60) return false;
        var parts = text.Split([" - ", " – ", " — ", ", ", " và "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length is >= 1 and <= 4 && parts.All(p => IsOneName(p, lexicon));
    }

    private static bool IsOneName(string name, ExtractionLexicon lexicon)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > lexicon.MaxNameWords) return false;
        if (words.Any(w => !IsNameWord(w))) return false;
        var allCaps = words.All(w => w.Where(char.IsLetter).All(char.IsUpper));
        // A unit signing in capitals ("BAN BIÊN TẬP") is a byline even though "Ban" opens unit names.
        if (!allCaps && lexicon.NotNameWords.Contains(words[0].TrimEnd('.'))) return false;
        if (words.Length == 1) return IsInitials(words[0]) || (allCaps && words[0].Length >= 3);
        return true;
    }

    private static bool IsNameWord(string w) =>
        char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c == '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    private static bool IsInitials(string w) => w.Contains('.') && w.Length <= 8;

    /// <summary>"NGUYỄN VĂN AN" → "Nguyễn Văn An"; mixed case is kept as written.</summary>
    public static string Tidy(string name)
    {
        var n = name.Trim(' ', '.', ',', ';', '-', '–', '(', ')', '[', ']');
        var letters = n.Where(char.IsLetter).ToList();
        if (letters.Count > 3 && letters.All(char.IsUpper)) n = Vietnamese.TextInfo.ToTitleCase(n.ToLower(Vietnamese));
        return n;
    }
}

/// <summary>Reads byline lines: labelled ("Tác giả bài viết: X", "Bài, ảnh: X"), bare names, and "Theo X".</summary>
internal sealed class BylineReader(ExtractionLexicon lexicon)
{
    public Byline? Read(string line)
    {
        if (line.Length > 100) return null;
        var labelled = lexicon.LabelledByline.Match(line);
        if (labelled.Success && IsSigner(labelled.Groups["name"].Value.Trim()))
            return new Byline(NameShape.Tidy(labelled.Groups["name"].Value), BylineKind.Labelled);
        if (NameShape.IsPersonName(line.Trim(), lexicon)) return new Byline(NameShape.Tidy(line), BylineKind.BareName);
        var attribution = lexicon.Attribution.Match(line);
        if (attribution.Success)
        {
            var source = attribution.Groups["name"].Value.Trim();
            // "Theo đó, ..." opens a sentence; an attribution names an outlet with capitals and no sentence end.
            if (source.Length > 0 && char.IsUpper(source[0]) && source.Split(' ').Length <= 8 && !source.Contains(','))
                return new Byline(NameShape.Tidy(source), BylineKind.Attribution);
        }
        return null;
    }

    // After an author label the signer may be a unit ("Tác giả bài viết: Công an huyện"): the label vouches for it,
    // so a short capitalised phrase without digits or sentence punctuation is enough.
    private bool IsSigner(string name) =>
        NameShape.IsPersonName(name, lexicon) ||
        (name.Length is >= 2 and <= 60 && char.IsUpper(name[0]) && name.Split(' ').Length <= 6 &&
         !name.Any(c => char.IsDigit(c) || c is ',' or '.' or ';' or '!' or '?'));
}

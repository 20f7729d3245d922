namespace NewsMiner.Text;

internal enum NumberTokenKind : byte
{
    /// <summary>A run of letters (a syllable, or a code like "QĐ").</summary>
    Word,
    /// <summary>Digits with inner '.', ',', ':' or '/' that sit between digits: "8.201", "23,75", "24/02/2017", "06:59".</summary>
    Digits,
    /// <summary>Any other single character except a space; a line break is one too, so phrases never cross lines.</summary>
    Punct,
}

/// <param name="SpaceBefore">Whitespace separates this token from the previous one.</param>
internal readonly record struct NumberToken(int Start, int Length, NumberTokenKind Kind, bool SpaceBefore)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public bool IsPunct(string text, char c) => Kind == NumberTokenKind.Punct && text[Start] == c;
}

internal static class NumberTokenizer
{
    public static void Tokenize(string text, List<NumberToken> tokens)
    {
        var space = false;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                space = true;
                i++;
                continue;
            }
            int j;
            NumberTokenKind kind;
            if (char.IsAsciiDigit(c))
            {
                kind = NumberTokenKind.Digits;
                j = i + 1;
                while (j < n)
                {
                    var d = text[j];
                    if (char.IsAsciiDigit(d)) j++;
                    else if (d is '.' or ',' or ':' or '/' && j + 1 < n && char.IsAsciiDigit(text[j + 1])) j += 2;
                    else break;
                }
            }
            else if (IsWordChar(c))
            {
                kind = NumberTokenKind.Word;
                j = i + 1;
                while (j < n && IsWordChar(text[j])) j++;
            }
            else
            {
                kind = NumberTokenKind.Punct;
                j = i + 1;
            }
            tokens.Add(new NumberToken(i, j - i, kind, space));
            // A line break both separates and blocks: it is a token, and what follows counts as spaced.
            space = c == '\n';
            i = j;
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c)
        || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}

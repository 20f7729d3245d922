using System.Globalization;
using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>A word or punctuation token of the tone-normalised key text, with offsets into the article text.</summary>
internal readonly record struct Token(int Start, int End, string Text)
{
    public bool IsWord => Text.Length > 0 && char.IsLetterOrDigit(Text[0]);
}

/// <summary>One cue phrase found in a text: which list it belongs to and the tokens it spans (end exclusive).</summary>
internal readonly record struct PhraseHit(string Kind, string Phrase, int FirstToken, int EndToken);

/// <summary>
/// Finds every phrase of every cue list in one pass over the tokens. Phrases are matched token by token on
/// <see cref="VietnameseText.ToneKey"/> text, so "Thị uỷ" and "thị ủy" are the same cue and "xã" never matches inside
/// "xã hội" by accident of substring search.
/// </summary>
internal sealed class PhraseIndex
{
    private sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);
        public List<(string Kind, string Phrase)> Ends { get; } = [];
    }

    private readonly Node root = new();

    public PhraseIndex(IEnumerable<(string Kind, string Phrase)> phrases)
    {
        foreach (var (kind, phrase) in phrases)
        {
            var tokens = Tokenize(VietnameseText.ToneKey(phrase));
            if (tokens.Count == 0) continue;
            var node = root;
            foreach (var t in tokens)
            {
                if (!node.Next.TryGetValue(t.Text, out var child))
                {
                    child = new Node();
                    node.Next[t.Text] = child;
                }
                node = child;
            }
            node.Ends.Add((kind, phrase));
        }
    }

    /// <summary>All hits, ordered by first token, longer first.</summary>
    public List<PhraseHit> FindAll(IReadOnlyList<Token> tokens)
    {
        var hits = new List<PhraseHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var node = root;
            var start = hits.Count;
            for (var j = i; j < tokens.Count; j++)
            {
                if (!node.Next.TryGetValue(tokens[j].Text, out var child)) break;
                node = child;
                foreach (var (kind, phrase) in node.Ends) hits.Add(new PhraseHit(kind, phrase, i, j + 1));
            }
            if (hits.Count - start > 1) hits.Sort(start, hits.Count - start, LongerFirst.Instance);
        }
        return hits;
    }

    private sealed class LongerFirst : IComparer<PhraseHit>
    {
        public static LongerFirst Instance { get; } = new();
        public int Compare(PhraseHit x, PhraseHit y) => y.EndToken.CompareTo(x.EndToken);
    }

    /// <summary>
    /// Splits key text into word tokens (runs of letters and digits, with inner "." or "," between digits kept, so
    /// "8.201" and "23,75" stay whole) and single-character punctuation tokens. Offsets are into the same string.
    /// </summary>
    public static List<Token> Tokenize(string key)
    {
        var tokens = new List<Token>(key.Length / 4);
        var i = 0;
        while (i < key.Length)
        {
            var c = key[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                var start = i;
                while (i < key.Length)
                {
                    var ch = key[i];
                    if (char.IsLetterOrDigit(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) { i++; continue; }
                    if ((ch == '.' || ch == ',') && i + 1 < key.Length && char.IsDigit(key[i + 1]) && i > start && char.IsDigit(key[i - 1])) { i++; continue; }
                    break;
                }
                tokens.Add(new Token(start, i, key[start..i]));
                continue;
            }
            tokens.Add(new Token(i, i + 1, key[i].ToString()));
            i++;
        }
        return tokens;
    }
}

using System.Globalization;
using System.Text;
using LiteDB;
using NewsMiner.Text;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// Search over the stored titles and texts without an index engine: every term must occur; a word matches its other
/// tone placement (hòa/hoà); a word typed without any diacritic matches with or without them (dang: đảng, đang), one
/// typed with them keeps them (đảng is not đang); "quoted words" must occur in a row. Ranked by matches (title counts
/// thrice), snippets mark the matched words with [ ].
/// </summary>
internal sealed class TextSearch
{
    private const int SnippetWords = 16;
    private readonly List<string[]> _terms;
    // Each term's words folded (no diacritics, single spaces): a cheap containment test skips most articles unread.
    private readonly List<string> _folded;

    public TextSearch(string query)
    {
        _terms = Parse(query);
        _folded = _terms.Select(t => string.Join(' ', t.Select(w => w.StartsWith('\u0001') ? w[1..] : VietnameseText.FoldKey(w)))).ToList();
    }

    public bool IsEmpty => _terms.Count == 0;

    public List<SearchHit> Run(LiteDatabase db, int limit)
    {
        var hits = new List<SearchHit>();
        foreach (var a in db.Articles().FindAll())
        {
            if (Score(a.Title, a.Text) is { } hit)
                hits.Add(new SearchHit(a.Id, a.CanonicalUrl, a.Title, LiteStore.ParseStamp(a.Published), hit.Snippet, -hit.Rank));
        }
        return hits.OrderBy(h => h.Rank).ThenBy(h => h.ArticleId).Take(limit).ToList();
    }

    /// <summary>Null when a term is missing; else the match count and a snippet around the first match in the text.</summary>
    public (double Rank, string Snippet)? Score(string title, string text)
    {
        var folded = " " + VietnameseText.FoldKey(title) + " " + VietnameseText.FoldKey(text) + " ";
        if (_folded.Any(f => !folded.Contains(" " + f + " ", StringComparison.Ordinal))) return null;
        var titleWords = Tokens(title);
        var textWords = Tokens(text);
        var rank = 0.0;
        var marked = new HashSet<int>();
        foreach (var term in _terms)
        {
            var inTitle = Find(titleWords, term, null);
            var inText = Find(textWords, term, marked);
            if (inTitle + inText == 0) return null;
            rank += 3 * inTitle + inText;
        }
        return (rank, Snippet(text, textWords, marked));
    }

    private static int Find(List<Token> words, string[] term, HashSet<int>? marked)
    {
        var count = 0;
        for (var i = 0; i + term.Length <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < term.Length && all; j++) all = Same(words[i + j], term[j]);
            if (!all) continue;
            count++;
            if (marked is not null) for (var j = 0; j < term.Length; j++) marked.Add(i + j);
        }
        return count;
    }

    // A query word of plain letters is a folded key (no diacritics): it meets the folded form of the text's word.
    private static bool Same(Token word, string queryWord) =>
        queryWord.StartsWith('\u0001') ? word.Folded == queryWord[1..] : word.Key == queryWord;

    /// <summary>The text around the window of words holding the most matches, matched words in [ ], cuts marked with …</summary>
    private static string Snippet(string text, List<Token> words, HashSet<int> marked)
    {
        if (words.Count == 0) return "";
        var from = marked.Count == 0 ? 0 : marked.Select(m => Math.Max(0, m - 2)).MaxBy(f => marked.Count(x => x >= f && x < f + SnippetWords));
        var to = Math.Min(words.Count, from + SnippetWords);
        var sb = new StringBuilder();
        if (from > 0) sb.Append('…');
        var at = words[from].Start;
        for (var i = from; i < to; i++)
        {
            sb.Append(text, at, words[i].Start - at);
            var w = text.Substring(words[i].Start, words[i].Length);
            sb.Append(marked.Contains(i) ? "[" + w + "]" : w);
            at = words[i].Start + words[i].Length;
        }
        if (to < words.Count) sb.Append('…');
        return sb.ToString().ReplaceLineEndings(" ");
    }

    private readonly record struct Token(int Start, int Length, string Key, string Folded);

    private static List<Token> Tokens(string text)
    {
        var list = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var word = text[start..i];
            var key = VietnameseText.ToneKey(word);
            list.Add(new Token(start, i - start, key, VietnameseText.FoldKey(word)));
        }
        return list;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Terms of one word or, in quotes, several in a row; each word as a tone key, or \u0001 + its folded key when typed without diacritics.</summary>
    private static List<string[]> Parse(string query)
    {
        var terms = new List<string[]>();
        var parts = VietnameseText.Normalize(query).Split('"');
        for (var p = 0; p < parts.Length; p++)
        {
            var words = Tokens(parts[p]).Select(t => IsPlain(parts[p].Substring(t.Start, t.Length)) ? "\u0001" + t.Folded : t.Key).ToArray();
            if (words.Length == 0) continue;
            // Odd parts were inside quotes: one phrase; the others are separate words.
            if (p % 2 == 1) terms.Add(words);
            else terms.AddRange(words.Select(w => new[] { w }));
        }
        return terms;
    }

    private static bool IsPlain(string word) => word.All(c => c < 128);
}

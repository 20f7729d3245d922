using System.Globalization;
using LiteDB;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsMiner.Text;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneFs = Lucene.Net.Store.FSDirectory;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// The full-text index of a LiteDB store: a Lucene index in the folder FILE.search beside it, derived from the file
/// and rebuilt from it at will (`newsminer reindex`). Each saved article gets a rising sequence number; the index keeps
/// the highest one it holds in its commit data and catches up on the rest after commits, before a search and when the
/// store closes. Words are indexed twice: as tone keys (hòa and hoà meet, đảng is not đang) and folded without any
/// diacritic, so a word typed in plain letters (dang) finds both; quoted words are a phrase.
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    private const string IdField = "id";
    private const string SeqKey = "seq";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly LuceneDirectory _dir;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    // Index writes are serialised: a catch-up after a commit runs off the store thread, one at a time.
    private readonly Lock _gate = new();
    private long _watermark;
    private Task _background = Task.CompletedTask;

    private SearchIndex(LuceneDirectory dir, Analyzer analyzer, IndexWriter writer, long watermark)
    {
        _dir = dir;
        _analyzer = analyzer;
        _writer = writer;
        _watermark = watermark;
    }

    /// <summary>Opens (or creates) the index beside <paramref name="storePath"/>; an unreadable one is started afresh, as it is derived.</summary>
    public static SearchIndex Open(string storePath)
    {
        var dir = LuceneFs.Open(new DirectoryInfo(storePath + ".search"));
        var analyzer = NewAnalyzer();
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(dir, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        }
        catch (Exception e) when (e is IOException or CorruptIndexException)
        {
            writer = new IndexWriter(dir, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE });
        }
        // A reader needs a commit to open; a new index gets an empty one.
        if (!DirectoryReader.IndexExists(dir)) writer.Commit();
        var data = writer.CommitData;
        var mark = data is not null && data.TryGetValue(SeqKey, out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
        return new SearchIndex(dir, analyzer, writer, mark);
    }

    /// <summary>Indexes the articles saved since the last catch-up; a file whose numbers went back (replaced) is indexed anew.</summary>
    public int CatchUp(LiteDatabase db)
    {
        _background.Wait();
        var (docs, last) = Pending(db);
        if (last < _watermark) return Rebuild(db);
        return Write(docs, last);
    }

    /// <summary>
    /// After a commit (on the store thread): reads what is new, and indexes it on a pool thread so the crawl's writer
    /// does not wait for Lucene. One at a time; a commit while one runs leaves its articles to the next.
    /// </summary>
    public void CatchUpInBackground(LiteDatabase db)
    {
        if (!_background.IsCompleted) return;
        var (docs, last) = Pending(db);
        if (last <= _watermark) return;
        _background = Task.Run(() => Write(docs, last));
    }

    /// <summary>Drops the index and indexes every article again.</summary>
    public int Rebuild(LiteDatabase db)
    {
        _background.Wait();
        lock (_gate)
        {
            _writer.DeleteAll();
            Commit(0);
        }
        var (docs, last) = Pending(db);
        return Write(docs, last);
    }

    private (List<(string Id, Document Doc)> Docs, long Last) Pending(LiteDatabase db)
    {
        var articles = db.Articles();
        var last = ArticleDoc.LastSeq(articles);
        if (last <= _watermark) return ([], last);
        var docs = articles.Find(Where.Gt(nameof(ArticleDoc.Seq), _watermark))
            .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), ToDocument(a))).ToList();
        return (docs, last);
    }

    private int Write(List<(string Id, Document Doc)> docs, long last)
    {
        lock (_gate)
        {
            if (docs.Count == 0 && last == _watermark) return 0;
            foreach (var (id, doc) in docs) _writer.UpdateDocument(new Term(IdField, id), doc);
            Commit(Math.Max(last, _watermark));
            return docs.Count;
        }
    }

    private void Commit(long mark)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [SeqKey] = mark.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
        _watermark = mark;
    }

    private static Document ToDocument(ArticleDoc a)
    {
        var text = a.Text;
        return
        [
            new StringField(IdField, a.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new TextField("title", a.Title, Field.Store.NO),
            new TextField("title_f", a.Title, Field.Store.NO),
            new TextField("text", text, Field.Store.NO),
            new TextField("text_f", text, Field.Store.NO),
        ];
    }

    public List<SearchHit> Search(LiteDatabase db, string query, int limit)
    {
        var terms = QueryTerms.Parse(query);
        if (terms.Count == 0) return [];
        var all = new BooleanQuery();
        foreach (var term in terms) all.Add(term.ToQuery(), Occur.MUST);
        using var reader = DirectoryReader.Open(_dir);
        var searcher = new IndexSearcher(reader);
        var top = searcher.Search(all, limit);
        var hits = new List<SearchHit>();
        foreach (var scored in top.ScoreDocs)
        {
            var id = long.Parse(searcher.Doc(scored.Doc).Get(IdField), CultureInfo.InvariantCulture);
            if (db.Articles().FindById(id) is not { } a) continue;
            hits.Add(new SearchHit(a.Id, a.CanonicalUrl, a.Title, LiteStore.ParseStamp(a.Published), Snippets.Make(a.Text, terms), -scored.Score));
        }
        return hits;
    }

    public void Dispose()
    {
        _background.Wait();
        _writer.Dispose();
        _analyzer.Dispose();
        _dir.Dispose();
    }

    /// <summary>title/text: tone keys; title_f/text_f: folded. Both split on UAX#29 word boundaries and lower-cased.</summary>
    private static Analyzer NewAnalyzer() => new PerFieldAnalyzerWrapper(new VietnameseAnalyzer(folded: false), new Dictionary<string, Analyzer>
    {
        ["title_f"] = new VietnameseAnalyzer(folded: true),
        ["text_f"] = new VietnameseAnalyzer(folded: true),
    });

    private sealed class VietnameseAnalyzer(bool folded) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
            return new TokenStreamComponents(source, new KeyFilter(new LowerCaseFilter(Version, source), folded));
        }
    }

    /// <summary>Replaces each word by its tone key (<see cref="VietnameseText.ToneKey"/>) or folded key (<see cref="VietnameseText.FoldKey"/>).</summary>
    private sealed class KeyFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly bool _folded;

        public KeyFilter(TokenStream input, bool folded) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _folded = folded;
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
        // The same keys the query side and the snippet use (QueryTerms.Key).
            var word = _term.ToString();
            var key = QueryTerms.Key(word, _folded);
            if (key.Length > 0 && key != word) _term.SetEmpty().Append(key);
            return true;
        }
    }

    /// <summary>What the user typed: words that must all occur, "quoted words" in a row.</summary>
    internal sealed record QueryTerms(IReadOnlyList<string> Words, bool Folded)
    {
        /// <summary>A word's index key: its tone key, or with <paramref name="folded"/> its letters without any diacritic.</summary>
        public static string Key(string word, bool folded) =>
            folded ? VietnameseText.FoldKey(word).Replace(" ", "", StringComparison.Ordinal) : VietnameseText.ToneKey(word);

        public static List<QueryTerms> Parse(string query)
        {
            var terms = new List<QueryTerms>();
            var parts = VietnameseText.Normalize(query).Split('"');
            for (var p = 0; p < parts.Length; p++)
            {
                var words = Split(parts[p]);
                if (words.Count == 0) continue;
                if (p % 2 == 1) terms.Add(Of(words));
                else terms.AddRange(words.Select(w => Of([w])));
            }
            return terms;
        }

        /// <summary>A term typed in plain letters anywhere matches folded; else by tone key, diacritics kept.</summary>
        private static QueryTerms Of(IReadOnlyList<string> words)
        {
            var folded = words.Any(w => w.All(c => c < 128));
            return new QueryTerms(words.Select(w => Key(w, folded)).ToList(), folded);
        }

        internal static List<string> Split(string text)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
                if (inWord && start < 0) start = i;
                if (!inWord && start >= 0)
                {
                    words.Add(text[start..i].ToLowerInvariant());
                    start = -1;
                }
            }
            return words;
        }

        public Lucene.Net.Search.Query ToQuery()
        {
            var either = new BooleanQuery();
            foreach (var (field, boost) in new[] { (Folded ? "title_f" : "title", 3f), (Folded ? "text_f" : "text", 1f) })
            {
                Lucene.Net.Search.Query q;
                if (Words.Count == 1)
                {
                    q = new TermQuery(new Term(field, Words[0]));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    foreach (var w in Words) phrase.Add(new Term(field, w));
                    q = phrase;
                }
                q.Boost = boost;
                either.Add(q, Occur.SHOULD);
            }
            return either;
        }
    }
}

/// <summary>
/// The snippet of a hit: the stretch of text holding the most matched words, each matched word in [ ] (a phrase's
/// words only where they stand in a row), cuts marked with …, on one line.
/// </summary>
internal static class Snippets
{
    private const int Words = 16;

    public static string Make(string text, IReadOnlyList<SearchIndex.QueryTerms> terms)
    {
        var words = Tokens(text);
        var marked = new HashSet<int>();
        foreach (var term in terms)
        {
            for (var i = 0; i + term.Words.Count <= words.Count; i++)
            {
                var all = true;
                for (var j = 0; j < term.Words.Count && all; j++) all = (term.Folded ? words[i + j].Folded : words[i + j].Key) == term.Words[j];
                if (all) for (var j = 0; j < term.Words.Count; j++) marked.Add(i + j);
            }
        }
        if (words.Count == 0) return "";
        var from = marked.Count == 0 ? 0 : marked.Select(m => Math.Max(0, m - 2)).MaxBy(f => marked.Count(x => x >= f && x < f + Words));
        var to = Math.Min(words.Count, from + Words);
        var sb = new System.Text.StringBuilder();
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
            var word = text[start..i].ToLowerInvariant();
            list.Add(new Token(start, i - start, SearchIndex.QueryTerms.Key(word, folded: false), SearchIndex.QueryTerms.Key(word, folded: true)));
        }
        return list;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}

using System.Text.Json;

namespace NewsMiner.Text;

/// <summary>
/// The word tables of data/language/numbers.json, compiled once into span-keyed lookups so that the parser can
/// look words up without allocating. Immutable after construction.
/// </summary>
internal sealed class NumberLexicon
{
    public const string ResourcePath = "data/language/numbers.json";

    private readonly Dictionary<string, int> _digits;
    private readonly Dictionary<string, int> _digitsAfterTens;
    private readonly Dictionary<string, decimal> _scales;
    private readonly HashSet<string> _ten;
    private readonly HashSet<string> _tensMultiplier;
    private readonly HashSet<string> _hundred;
    private readonly HashSet<string> _oddJoiners;
    private readonly HashSet<string> _ambiguous;
    private readonly HashSet<string> _blockingBefore;
    private readonly HashSet<string> _ambiguousBlockingBefore;
    private readonly HashSet<string> _ordinalMarkers;
    private readonly HashSet<string> _dateDayWords;
    private readonly HashSet<string> _dateMonthWords;
    private readonly HashSet<string> _dateYearWords;
    private readonly HashSet<string> _rangeOpeners;
    private readonly HashSet<string> _wordJoiners;
    private readonly HashSet<string> _documentNumberWords;
    private readonly HashSet<string> _documentCodes;

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Digits { get; }
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DigitsAfterTens { get; }
    public Dictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> Scales { get; }
    /// <summary>Words after a scale word that make it a noun ("tỷ lệ"), so it multiplies nothing.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotScaleBefore { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Ten { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TensMultiplier { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Hundred { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OddJoiners { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousSingleWords { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockingBefore { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousBlockingBefore { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalMarkers { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateDayWords { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateMonthWords { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateYearWords { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RangeOpeners { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordJoiners { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentNumberWords { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentCodes { get; }

    /// <summary>Punctuation range joiners ("-", "–", "—").</summary>
    public string PunctJoiners { get; }

    public NumberPhraseSet<bool> PercentWords { get; }
    public NumberPhraseSet<Qualifier> QualifiersBefore { get; }
    public NumberPhraseSet<Qualifier> QualifiersAfter { get; }
    public NumberPhraseSet<bool> CountNouns { get; }
    public NumberPhraseSet<bool> DatePairWords { get; }
    public NumberPhraseSet<bool> DocumentNouns { get; }
    public NumberPhraseSet<bool> DocumentNounsBare { get; }

    public NumberLexicon(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var ci = StringComparer.OrdinalIgnoreCase;

        _digits = IntMap(root, "digits");
        _digitsAfterTens = IntMap(root, "digits_after_tens");
        _scales = new Dictionary<string, decimal>(ci);
        foreach (var p in Required(root, "scales").EnumerateObject()) _scales[p.Name] = p.Value.GetDecimal();
        _ten = Set(root, "ten");
        _tensMultiplier = Set(root, "tens_multiplier");
        _hundred = Set(root, "hundred");
        _oddJoiners = Set(root, "odd_joiners");
        _ambiguous = Set(root, "ambiguous_single_words");
        _blockingBefore = Set(root, "blocking_before");
        _ambiguousBlockingBefore = Set(root, "ambiguous_blocking_before");
        _ordinalMarkers = Set(root, "ordinal_markers");
        _dateDayWords = Set(root, "date_day_words");
        _dateMonthWords = Set(root, "date_month_words");
        _dateYearWords = Set(root, "date_year_words");
        _rangeOpeners = Set(root, "range_openers");
        _documentNumberWords = Set(root, "document_number_words");
        _documentCodes = new HashSet<string>(Strings(root, "document_codes"), StringComparer.Ordinal);

        _wordJoiners = new HashSet<string>(ci);
        var punct = new System.Text.StringBuilder();
        foreach (var j in Strings(root, "range_joiners"))
        {
            if (j.Length == 1 && !char.IsLetter(j[0])) punct.Append(j[0]);
            else _wordJoiners.Add(j);
        }
        PunctJoiners = punct.ToString();

        Digits = _digits.GetAlternateLookup<ReadOnlySpan<char>>();
        DigitsAfterTens = _digitsAfterTens.GetAlternateLookup<ReadOnlySpan<char>>();
        Scales = _scales.GetAlternateLookup<ReadOnlySpan<char>>();
        NotScaleBefore = new HashSet<string>(Strings(root, "not_scale_before"), ci).GetAlternateLookup<ReadOnlySpan<char>>();
        Ten = _ten.GetAlternateLookup<ReadOnlySpan<char>>();
        TensMultiplier = _tensMultiplier.GetAlternateLookup<ReadOnlySpan<char>>();
        Hundred = _hundred.GetAlternateLookup<ReadOnlySpan<char>>();
        OddJoiners = _oddJoiners.GetAlternateLookup<ReadOnlySpan<char>>();
        AmbiguousSingleWords = _ambiguous.GetAlternateLookup<ReadOnlySpan<char>>();
        BlockingBefore = _blockingBefore.GetAlternateLookup<ReadOnlySpan<char>>();
        AmbiguousBlockingBefore = _ambiguousBlockingBefore.GetAlternateLookup<ReadOnlySpan<char>>();
        OrdinalMarkers = _ordinalMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
        DateDayWords = _dateDayWords.GetAlternateLookup<ReadOnlySpan<char>>();
        DateMonthWords = _dateMonthWords.GetAlternateLookup<ReadOnlySpan<char>>();
        DateYearWords = _dateYearWords.GetAlternateLookup<ReadOnlySpan<char>>();
        RangeOpeners = _rangeOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
        WordJoiners = _wordJoiners.GetAlternateLookup<ReadOnlySpan<char>>();
        DocumentNumberWords = _documentNumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
        DocumentCodes = _documentCodes.GetAlternateLookup<ReadOnlySpan<char>>();

        PercentWords = NumberPhraseSet<bool>.Create(Strings(root, "percent_words").Select(w => (w, true)), ignoreCase: true);
        QualifiersBefore = NumberPhraseSet<Qualifier>.Create(QualifierMap(root, "qualifiers_before"), ignoreCase: true);
        QualifiersAfter = NumberPhraseSet<Qualifier>.Create(QualifierMap(root, "qualifiers_after"), ignoreCase: true);
        CountNouns = NumberPhraseSet<bool>.Create(Strings(root, "count_nouns").Select(w => (w, true)), ignoreCase: true);
        DatePairWords = NumberPhraseSet<bool>.Create(Strings(root, "date_pair_words").Select(w => (w, true)), ignoreCase: true);
        DocumentNouns = NumberPhraseSet<bool>.Create(Strings(root, "document_nouns").Select(w => (w, true)), ignoreCase: true);
        DocumentNounsBare = NumberPhraseSet<bool>.Create(Strings(root, "document_nouns_bare").Select(w => (w, true)), ignoreCase: false);
    }

    public static NumberLexicon LoadEmbedded() => new(EmbeddedData.ReadText(ResourcePath));

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e)
            ? e
            : throw new InvalidDataException($"{ResourcePath}: missing \"{name}\"");

    private static Dictionary<string, int> IntMap(JsonElement root, string name)
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Required(root, name).EnumerateObject()) d[p.Name] = p.Value.GetInt32();
        return d;
    }

    private static List<string> Strings(JsonElement root, string name)
    {
        var list = new List<string>();
        foreach (var e in Required(root, name).EnumerateArray()) list.Add(e.GetString() ?? string.Empty);
        return list;
    }

    private static HashSet<string> Set(JsonElement root, string name) =>
        new(Strings(root, name), StringComparer.OrdinalIgnoreCase);

    private static List<(string, Qualifier)> QualifierMap(JsonElement root, string name)
    {
        var list = new List<(string, Qualifier)>();
        foreach (var p in Required(root, name).EnumerateObject())
        {
            var s = p.Value.GetString() ?? string.Empty;
            if (!QualifierNames.TryParse(s, out var q))
                throw new InvalidDataException($"{ResourcePath}: \"{name}\".\"{p.Name}\" has unknown qualifier \"{s}\"");
            list.Add((p.Name, q));
        }
        return list;
    }
}

/// <summary>
/// Multi-word phrases ("trên dưới", "đảng viên") matched against the parser's word tokens, forwards from a token or
/// backwards ending at one. Words are compared as spans; phrases are short, so a first/last-word index suffices.
/// </summary>
internal sealed class NumberPhraseSet<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Payload)>> _byFirst;
    private readonly Dictionary<string, List<(string[] Words, T Payload)>> _byLast;
    private readonly Dictionary<string, List<(string[] Words, T Payload)>>.AlternateLookup<ReadOnlySpan<char>> _first;
    private readonly Dictionary<string, List<(string[] Words, T Payload)>>.AlternateLookup<ReadOnlySpan<char>> _last;
    private readonly StringComparison _comparison;

    private NumberPhraseSet(StringComparer comparer, StringComparison comparison)
    {
        _byFirst = new(comparer);
        _byLast = new(comparer);
        _first = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _last = _byLast.GetAlternateLookup<ReadOnlySpan<char>>();
        _comparison = comparison;
    }

    public static NumberPhraseSet<T> Create(IEnumerable<(string Phrase, T Payload)> phrases, bool ignoreCase)
    {
        var set = new NumberPhraseSet<T>(
            ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal,
            ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        foreach (var (phrase, payload) in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            Add(set._byFirst, words[0], (words, payload));
            Add(set._byLast, words[^1], (words, payload));
        }
        // Longest first, so that "trên dưới" beats "trên" and "ít nhất là" beats "ít nhất".
        foreach (var l in set._byFirst.Values) l.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        foreach (var l in set._byLast.Values) l.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return set;
    }

    private static void Add(Dictionary<string, List<(string[], T)>> d, string key, (string[], T) item)
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        list.Add(item);
    }

    /// <summary>Longest phrase starting at word token <paramref name="index"/>; returns its last token index.</summary>
    public bool MatchForward(string text, List<NumberToken> tokens, int index, out int lastIndex, out T payload)
    {
        lastIndex = -1;
        payload = default!;
        if (index < 0 || index >= tokens.Count || tokens[index].Kind != NumberTokenKind.Word) return false;
        if (!_first.TryGetValue(tokens[index].Span(text), out var list)) return false;
        foreach (var (words, p) in list)
        {
            if (index + words.Length > tokens.Count) continue;
            var ok = true;
            for (var w = 0; w < words.Length && ok; w++)
            {
                var t = tokens[index + w];
                ok = t.Kind == NumberTokenKind.Word && (w == 0 || t.SpaceBefore)
                    && t.Span(text).Equals(words[w], _comparison);
            }
            if (!ok) continue;
            lastIndex = index + words.Length - 1;
            payload = p;
            return true;
        }
        return false;
    }

    /// <summary>Longest phrase ending at word token <paramref name="index"/>; returns its first token index.</summary>
    public bool MatchBackward(string text, List<NumberToken> tokens, int index, out int firstIndex, out T payload)
    {
        firstIndex = -1;
        payload = default!;
        if (index < 0 || index >= tokens.Count || tokens[index].Kind != NumberTokenKind.Word) return false;
        if (!_last.TryGetValue(tokens[index].Span(text), out var list)) return false;
        foreach (var (words, p) in list)
        {
            var first = index - words.Length + 1;
            if (first < 0) continue;
            var ok = true;
            for (var w = 0; w < words.Length && ok; w++)
            {
                var t = tokens[first + w];
                ok = t.Kind == NumberTokenKind.Word && (w == 0 || t.SpaceBefore)
                    && t.Span(text).Equals(words[w], _comparison);
            }
            if (!ok) continue;
            firstIndex = first;
            payload = p;
            return true;
        }
        return false;
    }
}

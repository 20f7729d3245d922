using System.Collections.Immutable;
using System.Globalization;
using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>A feature vector: ascending, distinct bucket indices and their counts.</summary>
public sealed record SparseFeatures(ImmutableArray<int> Buckets, ImmutableArray<float> Values);

/// <summary>
/// Turns a <see cref="MentionContext"/> into hashed features. Deterministic: the same context gives the same buckets
/// on every machine (FNV-1a, never string.GetHashCode). Words come as syllables keyed two ways, ToneKey (tone placement
/// ignored) and FoldKey (diacritics ignored, for text typed without them).
/// </summary>
public sealed class MentionFeaturizer
{
    /// <summary>Bumped whenever the feature set changes: a model trained on other features must not load.</summary>
    public const string Version = "mention-features-2";
    public const int DefaultBits = 18;
    public const int LeftWindow = 8;
    public const int RightWindow = 6;
    private const int Near = 3;

    private readonly VietnameseNumberParser _numbers;
    private readonly Dictionary<string, string[][]> _verbsByFirst;
    private readonly Dictionary<string, string[][]> _qualifiersByFirst;
    // The miner's own lexicon (figure-rules.json: unit nouns, cue lists, segments), phrase → the kinds it belongs to.
    private readonly Dictionary<string, string[][]> _lexiconByFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lexiconKinds = new(StringComparer.Ordinal);
    private readonly string? _lexiconHash;
    // FoldKey of each single letter or digit up to U+1EFF (Latin Extended Additional), so a syllable folds with one
    // allocation; '\0' marks a character FoldKey does not map to exactly one character.
    private readonly char[] _fold;

    // Subword tokens around the number (Microsoft.ML.Tokenizers); null leaves them out.
    private readonly SubwordVocabulary? _subwords;

    public ClassifierCues Cues { get; }
    public int Bits { get; }
    public int BucketCount => 1 << Bits;

    /// <summary>What a model file records so it only loads next to the featurizer it was trained with.</summary>
    public string Signature => $"{Version};bits={Bits.ToString(CultureInfo.InvariantCulture)};cues={Cues.Hash}"
        + (_lexiconHash is null ? "" : ";rules=" + _lexiconHash)
        + (_subwords is null ? "" : ";subwords=" + _subwords.Name);

    /// <param name="lexicon">The miner's word lists, turned into features by kind ("a target cue 2 words left") so a
    /// synonym the training sentences never used still reads like its kind; null leaves them out.</param>
    /// <param name="subwords">A subword vocabulary whose tokens next to the number become features too; null leaves them out.</param>
    public MentionFeaturizer(ClassifierCues cues, VietnameseNumberParser numbers, int bits = DefaultBits, MinerRules? lexicon = null,
        SubwordVocabulary? subwords = null)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        Cues = cues;
        _numbers = numbers;
        Bits = bits;
        _subwords = subwords;
        _verbsByFirst = IndexPhrases(cues.Verbs);
        _qualifiersByFirst = IndexPhrases(cues.Qualifiers);
        if (lexicon is not null)
        {
            var h = FeatureHash.Start("lexicon");
            foreach (var (listName, phrases) in lexicon.Lists.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var kind = LexiconKind(listName);
                if (kind is null) continue;
                h = h.Add('k').Add(kind.AsSpan());
                foreach (var phrase in phrases)
                {
                    var tone = string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(VietnameseText.ToneKey));
                    if (tone.Length == 0) continue;
                    h = h.Add('p').Add(tone.AsSpan());
                    _lexiconKinds[tone] = _lexiconKinds.TryGetValue(tone, out var kinds) ? [.. kinds, kind] : [kind];
                }
            }
            foreach (var k in _lexiconKinds.Keys.ToList()) _lexiconKinds[k] = [.. _lexiconKinds[k].Distinct().Order(StringComparer.Ordinal)];
            _lexiconByFirst = IndexPhrases(_lexiconKinds.Keys.Order(StringComparer.Ordinal).ToList());
            _lexiconHash = h.Value.ToString("x8", CultureInfo.InvariantCulture);
        }
        _fold = new char[0x1F00];
        for (var c = 0; c < _fold.Length; c++)
        {
            if (!char.IsLetterOrDigit((char)c)) continue;
            var f = VietnameseText.FoldKey(((char)c).ToString());
            if (f.Length == 1) _fold[c] = f[0];
        }
    }

    /// <summary>
    /// VietnameseText.ToneKey of one syllable of normalised text. ToneKey only moves a tone after 'o' or 'u' followed by a
    /// non-ASCII vowel; every other syllable is just lower-cased, which is much cheaper than the general path.
    /// </summary>
    internal static string ToneSyllable(ReadOnlySpan<char> syllable)
    {
        for (var i = 0; i + 1 < syllable.Length; i++)
        {
            if (syllable[i] is 'o' or 'u' or 'O' or 'U' && syllable[i + 1] >= 0x80) return VietnameseText.ToneKey(syllable.ToString());
        }
        Span<char> lower = syllable.Length <= 64 ? stackalloc char[syllable.Length] : new char[syllable.Length];
        syllable.ToLowerInvariant(lower);
        return new string(lower);
    }

    /// <summary>VietnameseText.FoldKey of one syllable (letters and digits only), through the table when it can.</summary>
    internal string FoldSyllable(ReadOnlySpan<char> syllable)
    {
        Span<char> folded = syllable.Length <= 64 ? stackalloc char[syllable.Length] : new char[syllable.Length];
        for (var i = 0; i < syllable.Length; i++)
        {
            var c = syllable[i];
            if (c >= _fold.Length || _fold[c] == '\0') return VietnameseText.FoldKey(syllable.ToString());
            folded[i] = _fold[c];
        }
        return new string(folded);
    }

    public static MentionFeaturizer Default { get; } = new(ClassifierCues.Default, VietnameseNumberParser.Default);

    /// <summary>
    /// <see cref="Default"/> plus the miner's lexicon by kind: macro-F1 by frame 0.865 → 0.889, but on whole sentences
    /// the more confident model overruled unsure rule targets wrongly (a seed article), so it is not shipped yet.
    /// </summary>
    public static MentionFeaturizer WithLexicon { get; } = new(ClassifierCues.Default, VietnameseNumberParser.Default, DefaultBits, MinerRules.Default);

    /// <summary><see cref="Default"/> plus the o200k_base subword tokens next to the number (the tokenizer ablation).</summary>
    public static MentionFeaturizer WithSubwords { get; } =
        new(ClassifierCues.Default, VietnameseNumberParser.Default, DefaultBits, null, SubwordVocabulary.O200kBase);

    /// <summary>The feature name of one figure-rules.json list, or null for lists that say nothing about what a number counts.</summary>
    private static string? LexiconKind(string listName)
    {
        var colon = listName.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var (prefix, name) = (listName[..colon], listName[(colon + 1)..]);
        return prefix switch
        {
            "unit" => "u." + name,
            "segment" => "s." + name,
            "cue" when name is not ("anchor_link" or "place_attach" or "coorganizer") => name,
            _ => null,
        };
    }

    public SparseFeatures Featurize(MentionContext m)
    {
        var sink = new HashSink(Bits);
        Emit(m, sink);
        return sink.ToFeatures();
    }

    /// <summary>The features by name ("L1:kết", "U2:đảng viên" ...), for tests and for explaining a decision.</summary>
    public IReadOnlyList<string> Describe(MentionContext m)
    {
        var sink = new NameSink();
        Emit(m, sink);
        return sink.Names;
    }

    private static Dictionary<string, string[][]> IndexPhrases(IReadOnlyList<string> phrases) =>
        phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(VietnameseText.ToneKey).ToArray())
            .Where(s => s.Length > 0)
            .GroupBy(s => s[0], StringComparer.Ordinal)
            // Longest first, so "kết nạp được" wins over "kết nạp".
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Length).ThenBy(s => string.Join(' ', s), StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private enum TokenKind : byte { Word, Punct, Number, Target }

    private readonly record struct Token(TokenKind Kind, string Tone, string Fold);

    private readonly record struct Hit(int First, int Last, string Phrase);

    private void Emit(MentionContext m, FeatureSink sink)
    {
        ArgumentNullException.ThrowIfNull(m);
        var text = m.Text;
        var mentions = _numbers.FindAll(text);
        NumberMention? target = null;
        foreach (var n in mentions)
        {
            var overlaps = n.Start < m.End && m.Start < n.End;
            if (!overlaps) continue;
            if (target is null || (n.NumberStart >= m.Start && n.NumberStart < m.End)) target = n;
            if (n.NumberStart >= m.Start && n.NumberStart < m.End) break;
        }
        // The target token is the number through its end ("23,75%", "100 đến 170"); its qualifier words stay words.
        var targetStart = target?.NumberStart ?? m.Start;
        var targetEnd = target is null ? m.End : Math.Max(target.End, target.NumberEnd);
        var tokens = Tokenize(text, mentions, target, targetStart, targetEnd, out var at);

        sink.Add("bias", "");
        EmitWindows(tokens, at, sink);
        EmitUnit(tokens, at, sink);
        EmitVerbs(tokens, at, sink);
        EmitNumber(target, mentions.Count, sink);
        EmitQualifierWords(tokens, at, sink);
        EmitSentence(tokens, at, sink);
        EmitLexicon(tokens, at, sink);
        if (_subwords is not null) EmitSubwords(_subwords, text, targetStart, targetEnd, sink);
        sink.Add("P:", PositionBucket(m.SentencePosition));
        var rule = m.RuleLabel ?? "<silent>";
        sink.Add("R:", rule);
        if (m.RuleLabel is not null) sink.Add("RC:", rule, m.RuleConfidence >= 0.8 ? "high" : m.RuleConfidence >= 0.5 ? "mid" : "low");
    }

    private List<Token> Tokenize(string text, IReadOnlyList<NumberMention> mentions, NumberMention? target, int targetStart, int targetEnd, out int at)
    {
        var tokens = new List<Token>(32);
        at = -1;
        var next = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (i == targetStart || (i > targetStart && i < targetEnd))
            {
                if (at < 0)
                {
                    at = tokens.Count;
                    tokens.Add(new Token(TokenKind.Target, "<target>", "<target>"));
                }
                i = targetEnd;
                continue;
            }
            while (next < mentions.Count && mentions[next].End <= i) next++;
            if (next < mentions.Count && mentions[next].Start <= i && !ReferenceEquals(mentions[next], target))
            {
                var n = mentions[next];
                var key = n.Form switch
                {
                    NumberForm.Percent => "<pct>",
                    NumberForm.Date or NumberForm.Time => "<date>",
                    NumberForm.DocumentNumber or NumberForm.Code => "<code>",
                    _ => "<num>",
                };
                tokens.Add(new Token(TokenKind.Number, key, key));
                // Never run into the target: a neighbour's span can reach it when both share words.
                i = n.End > targetStart && i < targetStart ? targetStart : Math.Max(n.End, i + 1);
                continue;
            }
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < text.Length && char.IsLetterOrDigit(text[j]) && !(j == targetStart)) j++;
                var word = text.AsSpan(i, j - i);
                if (word.ContainsAnyInRange('0', '9'))
                {
                    tokens.Add(new Token(TokenKind.Number, "<num>", "<num>"));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Word, ToneSyllable(word), FoldSyllable(word)));
                }
                i = j;
                continue;
            }
            var p = c.ToString();
            tokens.Add(new Token(TokenKind.Punct, p, p));
            i++;
        }
        if (at < 0)
        {
            // A span the tokenizer never reached (past the end): keep the features honest rather than guess.
            at = tokens.Count;
            tokens.Add(new Token(TokenKind.Target, "<target>", "<target>"));
        }
        return tokens;
    }

    private static void EmitWindows(List<Token> tokens, int at, FeatureSink sink)
    {
        for (var d = 1; d <= LeftWindow; d++)
        {
            var i = at - d;
            var t = i >= 0 ? tokens[i] : new Token(TokenKind.Punct, "<s>", "<s>");
            if (d == 1) { sink.Add("L1:", t.Tone); sink.Add("L1f:", t.Fold); }
            if (d == 2) sink.Add("L2:", t.Tone);
            if (d <= Near) { sink.Add("Ln:", t.Tone); sink.Add("Lnf:", t.Fold); }
            else { sink.Add("Lf:", t.Tone); sink.Add("Lff:", t.Fold); }
            sink.Add("Lb:", t.Tone);
            sink.Add("Lbf:", t.Fold);
            if (i >= 1 && d < LeftWindow) sink.Add("LB:", tokens[i - 1].Fold, t.Fold);
            if (i < 0) break;
        }
        for (var d = 1; d <= RightWindow; d++)
        {
            var i = at + d;
            var t = i < tokens.Count ? tokens[i] : new Token(TokenKind.Punct, "</s>", "</s>");
            if (d == 1) { sink.Add("R1:", t.Tone); sink.Add("R1f:", t.Fold); }
            if (d == 2) sink.Add("R2:", t.Tone);
            if (d <= Near) { sink.Add("Rn:", t.Tone); sink.Add("Rnf:", t.Fold); }
            else { sink.Add("Rf:", t.Tone); sink.Add("Rff:", t.Fold); }
            sink.Add("Rb:", t.Tone);
            sink.Add("Rbf:", t.Fold);
            if (i + 1 < tokens.Count && d < RightWindow) sink.Add("RB:", t.Fold, tokens[i + 1].Fold);
            if (i >= tokens.Count) break;
        }
        var left = at > 0 ? tokens[at - 1].Fold : "<s>";
        var right = at + 1 < tokens.Count ? tokens[at + 1].Fold : "</s>";
        sink.Add("XB:", left, right);
    }

    private static void EmitUnit(List<Token> tokens, int at, FeatureSink sink)
    {
        var i = at + 1;
        if (i >= tokens.Count || tokens[i].Kind != TokenKind.Word)
        {
            sink.Add("U1:", i >= tokens.Count ? "</s>" : tokens[i].Tone);
            return;
        }
        var unit = tokens[i].Tone;
        sink.Add("U1:", unit);
        for (var n = 2; n <= 3 && i + n - 1 < tokens.Count && tokens[i + n - 1].Kind == TokenKind.Word; n++)
        {
            unit = unit + " " + tokens[i + n - 1].Tone;
            sink.Add(n == 2 ? "U2:" : "U3:", unit);
        }
    }

    private void EmitVerbs(List<Token> tokens, int at, FeatureSink sink)
    {
        var hits = FindPhrases(tokens, _verbsByFirst);
        Hit? left = null;
        Hit? right = null;
        foreach (var h in hits)
        {
            sink.Add("SV:", h.Phrase);
            if (h.Last < at) left = h;
            else if (h.First > at && right is null) right = h;
        }
        if (left is { } l)
        {
            sink.Add("VL:", l.Phrase);
            sink.Add("VLd:", DistanceBucket(at - l.Last - 1));
            // Words between the verb and the number carry the object's framing: "kết nạp mới được", "có tổng số".
            for (var i = Math.Max(l.Last + 1, at - LeftWindow); i < at; i++) sink.Add("CV:", tokens[i].Tone);
            sink.Add("CVv:", l.Phrase, at - l.Last - 1 == 0 ? "<adjacent>" : tokens[at - 1].Tone);
        }
        else
        {
            sink.Add("VL:", "<none>");
        }
        if (right is { } r)
        {
            sink.Add("VR:", r.Phrase);
            sink.Add("VRd:", DistanceBucket(r.First - at - 1));
        }
        else
        {
            sink.Add("VR:", "<none>");
        }
    }

    /// <summary>
    /// What counts is often named far from the number: "Số quần chúng được kết nạp ... năm 2022 ở huyện X là 479". So
    /// the word pairs of the whole sentence, split by side of the number, and the noun phrase after the nearest "số"
    /// on the left (the subject of "số ... là/đạt N"), with its distance.
    /// </summary>
    private static void EmitSentence(List<Token> tokens, int at, FeatureSink sink)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (i == at || i + 1 == at || tokens[i].Kind != TokenKind.Word || tokens[i + 1].Kind != TokenKind.Word) continue;
            sink.Add(i < at ? "SL:" : "SR:", tokens[i].Fold, tokens[i + 1].Fold);
        }
        for (var i = at - 1; i >= 0; i--)
        {
            if (tokens[i].Kind == TokenKind.Punct && tokens[i].Tone is ";" or ":") break;
            if (tokens[i].Kind != TokenKind.Word || tokens[i].Fold != "so" || i + 1 >= at || tokens[i + 1].Kind != TokenKind.Word) continue;
            var head = tokens[i + 1].Fold;
            sink.Add("SO:", head);
            if (i + 2 < at && tokens[i + 2].Kind == TokenKind.Word) sink.Add("SO2:", head, tokens[i + 2].Fold);
            sink.Add("SOd:", head, DistanceBucket(at - i - 2));
            break;
        }
    }

    /// <summary>
    /// The kinds of the miner's words around the number: every kind by side, the nearest of each kind on the left with
    /// its distance, the kind right before and right after the number (the unit noun's class).
    /// </summary>
    private void EmitLexicon(List<Token> tokens, int at, FeatureSink sink)
    {
        if (_lexiconByFirst.Count == 0) return;
        var hits = FindPhrases(tokens, _lexiconByFirst);
        var seenLeft = new HashSet<string>(StringComparer.Ordinal);
        // The unit noun's class with the nearest cues before the number: "kết nạp" + a person is an admission, "chỉ tiêu"
        // + a person a target, whatever the words.
        var unitKinds = hits.FirstOrDefault(h => h.First == at + 1) is { Phrase: not null } u && _lexiconKinds.TryGetValue(u.Phrase, out var uk)
            ? uk.Where(k => k.StartsWith("u.", StringComparison.Ordinal)).DefaultIfEmpty("<none>").First() : "<none>";
        var pairs = 0;
        for (var i = hits.Count - 1; i >= 0 && pairs < 3; i--)
        {
            if (hits[i].Last >= at || !_lexiconKinds.TryGetValue(hits[i].Phrase, out var leftKinds)) continue;
            foreach (var k in leftKinds)
            {
                if (k.StartsWith("u.", StringComparison.Ordinal) || k.StartsWith("s.", StringComparison.Ordinal)) continue;
                sink.Add("KLU:", k, unitKinds);
            }
            pairs++;
        }
        for (var i = hits.Count - 1; i >= 0; i--)
        {
            var h = hits[i];
            if (!_lexiconKinds.TryGetValue(h.Phrase, out var kinds)) continue;
            var left = h.Last < at;
            foreach (var kind in kinds)
            {
                sink.Add(left ? "KL:" : "KR:", kind);
                if (left && seenLeft.Add(kind)) sink.Add("KLd:", kind, DistanceBucket(at - h.Last - 1));
                if (left && h.Last == at - 1) sink.Add("KL1:", kind);
                if (!left && h.First == at + 1) sink.Add("KR1:", kind);
                else if (!left && h.First <= at + 4) sink.Add("KRn:", kind);
            }
        }
    }

    /// <summary>Characters of text either side of the number handed to the subword tokenizer (about 8 syllables left, 5 right).</summary>
    private const int SubwordLeftChars = 48;
    private const int SubwordRightChars = 32;

    /// <summary>
    /// Subword tokens next to the number: the nearest on each side, and a bag of those within a few syllables. The
    /// window starts and ends at a space, so no token is a word cut in half by the window itself.
    /// </summary>
    private static void EmitSubwords(SubwordVocabulary vocabulary, string text, int targetStart, int targetEnd, FeatureSink sink)
    {
        var from = Math.Max(0, targetStart - SubwordLeftChars);
        if (from > 0 && text.IndexOf(' ', from, targetStart - from) is var space and >= 0) from = space + 1;
        var left = vocabulary.Tokens(text[from..targetStart]);
        var to = Math.Min(text.Length, targetEnd + SubwordRightChars);
        if (to < text.Length && text.LastIndexOf(' ', to - 1, to - targetEnd) is var end and >= 0) to = end;
        var right = targetEnd < to ? vocabulary.Tokens(text[targetEnd..to]) : [];
        sink.Add("TL1:", left.Count > 0 ? left[^1] : "<s>");
        sink.Add("TR1:", right.Count > 0 ? right[0] : "</s>");
        foreach (var t in left) sink.Add("TLw:", t);
        foreach (var t in right) sink.Add("TRw:", t);
        for (var i = 1; i < left.Count; i++) sink.Add("TLB:", left[i - 1], left[i]);
    }

    private void EmitQualifierWords(List<Token> tokens, int at, FeatureSink sink)
    {
        var hits = FindPhrases(tokens, _qualifiersByFirst, Math.Max(0, at - 3), at);
        foreach (var h in hits)
        {
            if (h.Last < at) sink.Add("QW:", h.Phrase);
        }
    }

    private static List<Hit> FindPhrases(List<Token> tokens, Dictionary<string, string[][]> byFirst, int from = 0, int to = int.MaxValue)
    {
        var hits = new List<Hit>();
        var end = Math.Min(to, tokens.Count);
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !byFirst.TryGetValue(tokens[i].Tone, out var candidates)) continue;
            foreach (var phrase in candidates)
            {
                if (i + phrase.Length > end) continue;
                var ok = true;
                for (var k = 1; k < phrase.Length && ok; k++) ok = tokens[i + k].Kind == TokenKind.Word && tokens[i + k].Tone == phrase[k];
                if (!ok) continue;
                hits.Add(new Hit(i, i + phrase.Length - 1, phrase.Length == 1 ? phrase[0] : string.Join(' ', phrase)));
                i += phrase.Length - 1;
                break;
            }
        }
        return hits;
    }

    private static void EmitNumber(NumberMention? n, int mentionsInSentence, FeatureSink sink)
    {
        sink.Add("NN:", Math.Min(mentionsInSentence - (n is null ? 0 : 1), 4).ToString(CultureInfo.InvariantCulture));
        if (n is null)
        {
            sink.Add("F:", "<unparsed>");
            return;
        }
        sink.Add("F:", n.Form.ToString());
        sink.Add("Q:", n.Qualifier.ToSchemaName());
        var v = n.Value;
        if (v != decimal.Truncate(v)) sink.Add("DEC", "");
        if (n.Form == NumberForm.Percent)
        {
            sink.Add("Mp:", v < 10 ? "<10" : v < 50 ? "<50" : v < 100 ? "<100" : v == 100 ? "100" : ">100");
            return;
        }
        sink.Add("M:", v < 10 ? "1" : v < 100 ? "2" : v < 1000 ? "3" : v < 10000 ? "4" : v < 100000 ? "5" : "6+");
        if (n.Form == NumberForm.Single && v >= 1945 && v <= 2100 && v == decimal.Truncate(v)) sink.Add("YR", "");
        if (n.Form == NumberForm.Fraction && n.Denominator is { } den) sink.Add("FR:", v <= den ? "proper" : "improper");
    }

    private static string DistanceBucket(int d) => d switch
    {
        <= 0 => "0",
        1 => "1",
        2 => "2",
        <= 5 => "3-5",
        _ => "6+",
    };

    private static string PositionBucket(double p) => p switch
    {
        <= 0 => "first",
        < 0.34 => "early",
        < 0.67 => "middle",
        < 1 => "late",
        _ => "last",
    };

    private abstract class FeatureSink
    {
        public abstract void Add(string prefix, string value);
        public abstract void Add(string prefix, string a, string b);
    }

    private sealed class HashSink(int bits) : FeatureSink
    {
        private readonly List<int> _buckets = new(128);

        public override void Add(string prefix, string value) => _buckets.Add(FeatureHash.Start(prefix).Add(value.AsSpan()).Bucket(bits));

        public override void Add(string prefix, string a, string b) =>
            _buckets.Add(FeatureHash.Start(prefix).Add(a.AsSpan()).Add('_').Add(b.AsSpan()).Bucket(bits));

        public SparseFeatures ToFeatures()
        {
            _buckets.Sort();
            var buckets = ImmutableArray.CreateBuilder<int>(_buckets.Count);
            var values = ImmutableArray.CreateBuilder<float>(_buckets.Count);
            foreach (var b in _buckets)
            {
                if (buckets.Count > 0 && buckets[^1] == b) values[^1] += 1;
                else { buckets.Add(b); values.Add(1); }
            }
            return new SparseFeatures(buckets.ToImmutable(), values.ToImmutable());
        }
    }

    private sealed class NameSink : FeatureSink
    {
        public List<string> Names { get; } = [];

        public override void Add(string prefix, string value) => Names.Add(prefix + value);

        public override void Add(string prefix, string a, string b) => Names.Add(prefix + a + "_" + b);
    }
}

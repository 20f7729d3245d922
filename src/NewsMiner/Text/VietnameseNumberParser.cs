namespace NewsMiner.Text;

/// <summary>
/// Finds every number in normalised Vietnamese text: digits in Vietnamese notation ("8.201", "23,75%"), number words
/// ("một trăm lẻ năm"), digits with a scale word ("1,5 triệu"), qualifiers (hơn, gần, khoảng, ít nhất ...), ranges and
/// fractions; and it labels non-counts (dates, times, document numbers, phone numbers) so the miner can say why it
/// rejected them. One pass over a token list; all word knowledge comes from data/language/numbers.json.
/// </summary>
public sealed class VietnameseNumberParser
{
    private readonly NumberLexicon _lex;

    private VietnameseNumberParser(NumberLexicon lexicon) => _lex = lexicon;

    /// <summary>The parser over the embedded data/language/numbers.json, loaded once.</summary>
    public static VietnameseNumberParser Default { get; } = new(NumberLexicon.LoadEmbedded());

    /// <summary>A parser over another copy of the numbers table (same shape as data/language/numbers.json).</summary>
    public static VietnameseNumberParser FromJson(string numbersJson) => new(new NumberLexicon(numbersJson));

    /// <summary>
    /// One digit token in Vietnamese notation: "8.201" → 8201, "1.234.567", "23,75" → 23.75, "3,5", "100".
    /// False for anything else: dates, times, fractions, phone-like runs ("0203.3825.123"), words.
    /// </summary>
    public static bool TryParseDigits(string token, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(token);
        return NumberLiteral.TryParsePlain(token.AsSpan().Trim(), out value);
    }

    /// <summary>Every number in <paramref name="normalisedText"/>, in text order, with offsets into that string.</summary>
    public IReadOnlyList<NumberMention> FindAll(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        var results = new List<NumberMention>();
        if (normalisedText.Length == 0) return results;
        var tokens = new List<NumberToken>(normalisedText.Length / 4 + 4);
        NumberTokenizer.Tokenize(normalisedText, tokens);
        new Pass(_lex, normalisedText, tokens, results).Run();
        return results;
    }

    private enum ReadResult : byte { None, Skip, Found }

    /// <summary>A number without its surroundings: tokens First..Last hold the numeric part.</summary>
    private struct Primary
    {
        public int First;
        public int Last;
        public NumberForm Form;
        public decimal Value;
        public decimal RawValue;
        public decimal Scale;
        public decimal? Denominator;
        public bool IsWord;
        public int WordCount;
    }

    /// <summary>The state of one FindAll call.</summary>
    private sealed class Pass(NumberLexicon lex, string text, List<NumberToken> tokens, List<NumberMention> results)
    {
        // Last token of the latest Date mention, so that "tháng 3 năm 2024" makes the year a date part too.
        private int _lastDateEnd = -10;

        public void Run()
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var r = ReadPrimary(i, out var p);
                if (r == ReadResult.None) { i++; continue; }
                if (r == ReadResult.Skip) { i = p.Last + 1; continue; }
                if (p.Form is NumberForm.Date or NumberForm.Time or NumberForm.DocumentNumber or NumberForm.Code)
                {
                    Emit(p.First, p.Last, p.First, p.Last, p.Form, p.Value, null, null, Qualifier.Exact);
                    i = p.Last + 1;
                    continue;
                }
                i = Complete(p);
            }
        }

        // Percent, range, qualifiers and word acceptance around a count; returns the next token to scan.
        private int Complete(Primary p)
        {
            var numLast = p.Last;
            var end = p.Last;
            var percent = false;
            decimal? max = null;
            var value = p.Value;
            var hiAccepted = false;
            if (p.Form == NumberForm.Single)
            {
                if (TryPercentAfter(end + 1, out var pe)) { percent = true; end = pe; }
                var j = end + 1;
                if (IsJoiner(j, out var punctJoiner) && ReadPrimary(j + 1, out var hi) == ReadResult.Found
                    && hi.Form == NumberForm.Single)
                {
                    var hiEnd = hi.Last;
                    var hiPercent = TryPercentAfter(hiEnd + 1, out var hpe);
                    if (hiPercent) hiEnd = hpe;
                    // "từ 1 đến 2 triệu": the scale written once applies to both ends.
                    var lo = p.Scale == 1 && hi.Scale != 1 && p.RawValue < hi.RawValue ? p.Value * hi.Scale : p.Value;
                    var hiOk = !hi.IsWord || hi.WordCount >= 2 || hiPercent || CountNounAt(hiEnd + 1)
                        || p.WordCount >= 2;
                    if (hiOk && hi.Value > lo && (percent == hiPercent || !percent))
                    {
                        value = lo;
                        max = hi.Value;
                        numLast = hi.Last;
                        end = hiEnd;
                        percent |= hiPercent;
                        hiAccepted = true;
                    }
                    else if (punctJoiner && !tokens[j].SpaceBefore && !tokens[j + 1].SpaceBefore && !p.IsWord && !hi.IsWord
                        && !percent && p.Value == decimal.Truncate(p.Value) && p.Value is >= 1 and <= 31
                        && hi.Value == decimal.Truncate(hi.Value) && hi.Value is >= 1 and <= 12 && hi.Scale == 1 && p.Scale == 1)
                    {
                        // "30-4": a day and a month.
                        Emit(p.First, hi.Last, p.First, hi.Last, NumberForm.Date, p.Value, null, null, Qualifier.Exact);
                        _lastDateEnd = hi.Last;
                        return hi.Last + 1;
                    }
                }
            }

            // Qualifier after: "trở lên", possibly after the count noun ("từ 3 đảng viên trở lên").
            Qualifier? after = null;
            var a = end + 1;
            if (lex.QualifiersAfter.MatchForward(text, tokens, a, out var aLast, out var aq) && tokens[a].SpaceBefore)
            {
                after = aq;
                end = aLast;
            }
            else if (lex.CountNouns.MatchForward(text, tokens, a, out var nounLast, out _) && tokens[a].SpaceBefore)
            {
                // Up to two describing words may sit between the noun and "trở lên" ("đảng viên mới trở lên").
                for (var g = nounLast + 1; g <= nounLast + 3 && IsSpacedWord(g); g++)
                {
                    if (!lex.QualifiersAfter.MatchForward(text, tokens, g, out aLast, out aq)) continue;
                    after = aq;
                    end = aLast;
                    break;
                }
            }

            // Qualifiers before: the nearest decides, farther ones only widen the span ("khoảng hơn 50%").
            var startTok = p.First;
            var k = p.First - 1;
            if (k >= 0 && tokens[p.First].SpaceBefore && tokens[k].Kind == NumberTokenKind.Word
                && lex.RangeOpeners.Contains(tokens[k].Span(text)) && (max is not null || after is not null))
            {
                startTok = k;
                k--;
            }
            Qualifier? nearest = null;
            while (k >= 0 && tokens[k + 1].SpaceBefore
                && lex.QualifiersBefore.MatchBackward(text, tokens, k, out var qFirst, out var q))
            {
                nearest ??= q;
                startTok = qFirst;
                k = qFirst - 1;
            }

            if (p.IsWord && !hiAccepted && !percent && p.WordCount < 2)
            {
                var ambiguous = lex.AmbiguousSingleWords.Contains(tokens[p.First].Span(text));
                var accepted = CountNounAt(numLast + 1) && !LooksLikeName(p.First, numLast + 1)
                    && !(ambiguous && PrevWordIn(p.First, lex.AmbiguousBlockingBefore))
                    || (nearest is not null && !ambiguous);
                if (!accepted) return p.First + 1;
            }

            var qualifier = nearest ?? after ?? (max is not null ? Qualifier.Range : Qualifier.Exact);
            var form = percent ? NumberForm.Percent : max is not null ? NumberForm.Range : p.Form;
            Emit(startTok, end, p.First, numLast, form, value, max, p.Denominator, qualifier);
            return end + 1;
        }

        private ReadResult ReadPrimary(int i, out Primary p)
        {
            p = default;
            if (i >= tokens.Count) return ReadResult.None;
            var t = tokens[i];
            if (t.Kind == NumberTokenKind.Digits) return ReadDigits(i, ref p);
            if (t.Kind == NumberTokenKind.Word) return ReadWords(i, ref p);
            return ReadResult.None;
        }

        private ReadResult ReadDigits(int i, ref Primary p)
        {
            var t = tokens[i];
            var span = t.Span(text);
            p.First = i;
            p.Last = i;
            p.Scale = 1;
            if (PrevWordIn(i, lex.OrdinalMarkers)) return ReadResult.Skip;
            if (AttachedToWordBefore(i))
            {
                p.Form = NumberForm.Code;
                p.Value = NumberLiteral.DigitsValue(span);
                return ReadResult.Found;
            }
            if (TryDocumentCodeAfter(i, out var docLast) || DocumentNounBefore(i))
            {
                p.Form = NumberForm.DocumentNumber;
                p.Value = LeadingInt(span);
                if (docLast >= 0) p.Last = docLast;
                return ReadResult.Found;
            }
            var datePair = i > 0 && tokens[i].SpaceBefore && lex.DatePairWords.MatchBackward(text, tokens, i - 1, out _, out _);
            var lit = NumberLiteral.Classify(span, datePair);
            switch (lit.Kind)
            {
                case NumberLiteralKind.Time:
                    p.Form = NumberForm.Time;
                    p.Value = lit.Value;
                    return ReadResult.Found;
                case NumberLiteralKind.Date:
                    p.Form = NumberForm.Date;
                    p.Value = lit.Value;
                    _lastDateEnd = i;
                    return ReadResult.Found;
                case NumberLiteralKind.Code:
                    p.Form = NumberForm.Code;
                    p.Last = AbsorbPhoneGroups(i);
                    p.Value = NumberLiteral.DigitsValue(text.AsSpan(t.Start, tokens[p.Last].End - t.Start));
                    return ReadResult.Found;
                case NumberLiteralKind.Fraction:
                    p.Form = NumberForm.Fraction;
                    p.Value = lit.Value;
                    p.RawValue = lit.Value;
                    p.Denominator = lit.Denominator;
                    return ReadResult.Found;
            }

            if (TryDashDate(i, out var dateLast, out var day))
            {
                p.Form = NumberForm.Date;
                p.Value = day;
                p.Last = dateLast;
                _lastDateEnd = dateLast;
                return ReadResult.Found;
            }
            if (TryHourTime(i, lit.Value, out var timeLast))
            {
                p.Form = NumberForm.Time;
                p.Value = lit.Value;
                p.Last = timeLast;
                return ReadResult.Found;
            }
            p.Value = lit.Value;
            p.RawValue = lit.Value;
            if (IsDatePart(i, lit.Value))
            {
                p.Form = NumberForm.Date;
                _lastDateEnd = i;
                return ReadResult.Found;
            }
            p.Form = NumberForm.Single;
            ReadScales(ref p);
            return ReadResult.Found;
        }

        private ReadResult ReadWords(int i, ref Primary p)
        {
            p.First = i;
            p.Last = i;
            p.Scale = 1;
            var w = tokens[i].Span(text);
            var starts = lex.Ten.Contains(w)
                || (lex.Digits.TryGetValue(w, out var d) && (d != 0 || IsWordAt(i + 1, lex.Hundred)));
            if (!starts) return ReadResult.None;
            if (PrevWordIn(i, lex.BlockingBefore)) return ReadResult.Skip;
            if (!TryParseWordNumber(i, out var value, out var last, out var words)) return ReadResult.None;
            p.Last = last;
            p.Value = value;
            p.RawValue = value;
            p.IsWord = true;
            p.WordCount = words;
            if (IsDatePart(i, value))
            {
                p.Form = NumberForm.Date;
                _lastDateEnd = last;
                return ReadResult.Found;
            }
            p.Form = NumberForm.Single;
            return ReadResult.Found;
        }

        // "ngày 5", "tháng 3", and "năm 2024" right after a month.
        private bool IsDatePart(int i, decimal v)
        {
            if (i == 0 || !tokens[i].SpaceBefore || tokens[i - 1].Kind != NumberTokenKind.Word) return false;
            if (v != decimal.Truncate(v)) return false;
            var prev = tokens[i - 1].Span(text);
            if (lex.DateDayWords.Contains(prev)) return v is >= 1 and <= 31;
            if (lex.DateMonthWords.Contains(prev)) return v is >= 1 and <= 12;
            if (lex.DateYearWords.Contains(prev)) return _lastDateEnd == i - 2 && tokens[i - 1].SpaceBefore;
            return false;
        }

        // Vietnamese cardinal grammar over word tokens; groups below 1000 joined by scale words.
        private bool TryParseWordNumber(int i, out decimal value, out int last, out int words)
        {
            value = 0;
            last = -1;
            words = 0;
            decimal total = 0, largest = 0;
            var any = false;
            var j = i;
            while (true)
            {
                if (j != i && !IsSpacedWord(j)) break;
                if (!TryParseGroup(j, out var g, out var gEnd, out var gWords)) break;
                var k = gEnd + 1;
                var hasScale = IsSpacedWord(k) && lex.Scales.TryGetValue(tokens[k].Span(text), out _);
                // After a scale a lone word is more often a new noun phrase ("hai nghìn năm lịch sử").
                if (any && gWords == 1 && !hasScale) break;
                if (!hasScale)
                {
                    total += g;
                    words += gWords;
                    last = gEnd;
                    any = true;
                    break;
                }
                lex.Scales.TryGetValue(tokens[k].Span(text), out var s);
                if (s > largest) { total = (total + g) * s; largest = s; }
                else total += g * s;
                words += gWords + 1;
                last = k;
                any = true;
                // Stacked scales: "nghìn tỷ".
                while (IsSpacedWord(last + 1) && lex.Scales.TryGetValue(tokens[last + 1].Span(text), out var s2) && s2 > largest)
                {
                    total *= s2;
                    largest = s2;
                    words++;
                    last++;
                }
                j = last + 1;
            }
            value = total;
            return any;
        }

        private bool TryParseGroup(int j, out decimal value, out int end, out int words)
        {
            value = 0;
            end = j;
            words = 0;
            if (j >= tokens.Count || tokens[j].Kind != NumberTokenKind.Word) return false;
            var w = tokens[j].Span(text);
            if (lex.Digits.TryGetValue(w, out var d) && IsWordAt(j + 1, lex.Hundred))
            {
                value = d * 100;
                end = j + 1;
                words = 2;
                var k = j + 2;
                if (IsWordAt(k, lex.OddJoiners) && IsSpacedWord(k + 1)
                    && lex.Digits.TryGetValue(tokens[k + 1].Span(text), out var unit) && unit != 0)
                {
                    value += unit;
                    end = k + 1;
                    words += 2;
                }
                else if (IsSpacedWord(k) && TryParseTens(k, allowSingle: false, out var tens, out var tEnd, out var tWords))
                {
                    value += tens;
                    end = tEnd;
                    words += tWords;
                }
                return true;
            }
            if (d == 0 && lex.Digits.TryGetValue(w, out _)) return false;
            return TryParseTens(j, allowSingle: true, out value, out end, out words);
        }

        private bool TryParseTens(int j, bool allowSingle, out decimal value, out int end, out int words)
        {
            value = 0;
            end = j;
            words = 0;
            var w = tokens[j].Span(text);
            if (lex.Ten.Contains(w))
            {
                value = 10;
                words = 1;
                if (TryUnitAfterTen(j + 1, out var u)) { value += u; end = j + 1; words = 2; }
                return true;
            }
            if (!lex.Digits.TryGetValue(w, out var d) || d == 0) return false;
            if (d >= 2 && IsWordAt(j + 1, lex.TensMultiplier))
            {
                value = d * 10;
                end = j + 1;
                words = 2;
                if (TryUnitAfterTen(j + 2, out var u)) { value += u; end = j + 2; words = 3; }
                return true;
            }
            if (!allowSingle) return false;
            value = d;
            words = 1;
            return true;
        }

        // mốt, tư, lăm, or a plain digit other than the ambiguous "năm" ("mười năm" is ten years).
        private bool TryUnitAfterTen(int k, out int unit)
        {
            unit = 0;
            if (!IsSpacedWord(k)) return false;
            var w = tokens[k].Span(text);
            if (lex.DigitsAfterTens.TryGetValue(w, out unit)) return true;
            return lex.Digits.TryGetValue(w, out unit) && unit != 0 && !lex.AmbiguousSingleWords.Contains(w);
        }

        // "6 ngàn", "1,5 triệu", "1 triệu 200 nghìn".
        private void ReadScales(ref Primary p)
        {
            var k = p.Last + 1;
            if (!IsSpacedWord(k) || !lex.Scales.TryGetValue(tokens[k].Span(text), out var s)) return;
            if (IsSpacedWord(k + 1) && lex.NotScaleBefore.Contains(tokens[k + 1].Span(text))) return;
            var largest = s;
            var value = p.Value * s;
            var last = k;
            while (IsSpacedWord(last + 1) && lex.Scales.TryGetValue(tokens[last + 1].Span(text), out var s2) && s2 > largest)
            {
                value *= s2;
                largest = s2;
                last++;
            }
            // A further digit group counts only with a smaller scale word of its own.
            while (last + 2 < tokens.Count && tokens[last + 1].Kind == NumberTokenKind.Digits && tokens[last + 1].SpaceBefore
                && NumberLiteral.TryParsePlain(tokens[last + 1].Span(text), out var more)
                && IsSpacedWord(last + 2) && lex.Scales.TryGetValue(tokens[last + 2].Span(text), out var s3) && s3 < largest)
            {
                value += more * s3;
                largest = s3;
                last += 2;
            }
            p.Value = value;
            p.Scale = s;
            p.Last = last;
        }

        private bool TryPercentAfter(int j, out int last)
        {
            last = -1;
            if (j >= tokens.Count) return false;
            if (tokens[j].IsPunct(text, '%')) { last = j; return true; }
            return tokens[j].SpaceBefore && lex.PercentWords.MatchForward(text, tokens, j, out last, out _);
        }

        private bool IsJoiner(int j, out bool punct)
        {
            punct = false;
            if (j >= tokens.Count || j + 1 >= tokens.Count) return false;
            var t = tokens[j];
            if (t.Kind == NumberTokenKind.Punct && lex.PunctJoiners.Contains(text[t.Start]))
            {
                // "10 -12" is odd but harmless; "10- 12" too. A line break never joins.
                punct = true;
                return true;
            }
            return t.Kind == NumberTokenKind.Word && t.SpaceBefore && tokens[j + 1].SpaceBefore
                && lex.WordJoiners.Contains(t.Span(text));
        }

        private bool CountNounAt(int j) =>
            j < tokens.Count && tokens[j].SpaceBefore && lex.CountNouns.MatchForward(text, tokens, j, out _, out _);

        // "Hai Bà Trưng": a capitalised number word before a capitalised noun is a name.
        private bool LooksLikeName(int first, int noun)
        {
            if (first == 0 || noun >= tokens.Count) return false;
            var prev = tokens[first - 1];
            var sentenceStart = prev.Kind == NumberTokenKind.Punct && text[prev.Start] is '.' or '\n' or '!' or '?' or ':';
            return !sentenceStart && char.IsUpper(text[tokens[first].Start]) && char.IsUpper(text[tokens[noun].Start]);
        }

        private bool IsSpacedWord(int j) =>
            j < tokens.Count && tokens[j].Kind == NumberTokenKind.Word && tokens[j].SpaceBefore;

        private bool IsWordAt(int j, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> set) =>
            IsSpacedWord(j) && set.Contains(tokens[j].Span(text));

        private bool PrevWordIn(int i, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> set) =>
            i > 0 && tokens[i].SpaceBefore && tokens[i - 1].Kind == NumberTokenKind.Word && set.Contains(tokens[i - 1].Span(text));

        // "NQ21", "COVID-19", "GMT+7": digits glued to letters are part of a code.
        private bool AttachedToWordBefore(int i)
        {
            if (i == 0 || tokens[i].SpaceBefore) return false;
            var prev = tokens[i - 1];
            if (prev.Kind == NumberTokenKind.Word) return true;
            if (prev.IsPunct(text, '+')) return true;
            return (prev.IsPunct(text, '-') || prev.IsPunct(text, '_')) && i >= 2 && !prev.SpaceBefore
                && tokens[i - 2].Kind == NumberTokenKind.Word;
        }

        // "08-NQ/TU", "12/QĐ-UBND", "76 QĐ/TW", "5-KH".
        private bool TryDocumentCodeAfter(int i, out int last)
        {
            last = -1;
            var k = i + 1;
            if (k >= tokens.Count) return false;
            var t = tokens[k];
            int w1;
            bool spaced;
            if ((t.IsPunct(text, '-') || t.IsPunct(text, '/')) && !t.SpaceBefore) { w1 = k + 1; spaced = false; }
            else if (t.Kind == NumberTokenKind.Word && t.SpaceBefore) { w1 = k; spaced = true; }
            else return false;
            if (w1 >= tokens.Count || tokens[w1].Kind != NumberTokenKind.Word || (!spaced && tokens[w1].SpaceBefore)) return false;
            if (!IsUpperCode(w1)) return false;
            var end = w1;
            var chained = false;
            while (end + 2 < tokens.Count && (tokens[end + 1].IsPunct(text, '-') || tokens[end + 1].IsPunct(text, '/'))
                && !tokens[end + 1].SpaceBefore && !tokens[end + 2].SpaceBefore
                && tokens[end + 2].Kind == NumberTokenKind.Word && IsUpperCode(end + 2))
            {
                end += 2;
                chained = true;
            }
            if (!chained && (spaced || !lex.DocumentCodes.Contains(tokens[w1].Span(text)))) return false;
            last = end;
            return true;
        }

        private bool IsUpperCode(int j)
        {
            var w = tokens[j].Span(text);
            if (!char.IsUpper(w[0])) return false;
            if (lex.DocumentCodes.Contains(w)) return true;
            if (w.Length < 2) return false;
            foreach (var c in w) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
            return true;
        }

        // "Quyết định số 12", "Nghị quyết 21".
        private bool DocumentNounBefore(int i)
        {
            if (i == 0 || !tokens[i].SpaceBefore || tokens[i - 1].Kind != NumberTokenKind.Word) return false;
            if (lex.DocumentNumberWords.Contains(tokens[i - 1].Span(text)))
                return i >= 2 && tokens[i - 1].SpaceBefore && lex.DocumentNouns.MatchBackward(text, tokens, i - 2, out _, out _);
            return lex.DocumentNounsBare.MatchBackward(text, tokens, i - 1, out _, out _);
        }

        // "7-6-2016", "2017-02-24", "24 - 02 - 2017".
        private bool TryDashDate(int i, out int last, out decimal day)
        {
            last = -1;
            day = 0;
            if (i + 4 >= tokens.Count) return false;
            var sp = tokens[i + 1].SpaceBefore;
            for (var k = i + 1; k <= i + 4; k++)
            {
                if (tokens[k].SpaceBefore != sp) return false;
                var ok = (k - i) % 2 == 1 ? tokens[k].IsPunct(text, '-') : tokens[k].Kind == NumberTokenKind.Digits;
                if (!ok) return false;
            }
            if (!PureInt(i, out var a, out var la) || !PureInt(i + 2, out var b, out var lb) || !PureInt(i + 4, out var c, out var lc))
                return false;
            if (la <= 2 && lb <= 2 && lc == 4 && a is >= 1 and <= 31 && b is >= 1 and <= 12) { day = a; last = i + 4; return true; }
            if (la == 4 && lb <= 2 && lc <= 2 && b is >= 1 and <= 12 && c is >= 1 and <= 31) { day = c; last = i + 4; return true; }
            return false;
        }

        // "6h30", "06h", "14g30".
        private bool TryHourTime(int i, decimal hour, out int last)
        {
            last = -1;
            var k = i + 1;
            if (hour > 24 || hour != decimal.Truncate(hour) || k >= tokens.Count || tokens[k].SpaceBefore
                || tokens[k].Kind != NumberTokenKind.Word || tokens[k].Length != 1) return false;
            var c = char.ToLowerInvariant(text[tokens[k].Start]);
            if (c is not ('h' or 'g')) return false;
            if (k + 1 < tokens.Count && !tokens[k + 1].SpaceBefore && PureInt(k + 1, out var m, out var lm) && lm == 2 && m <= 59)
            {
                last = k + 1;
                return true;
            }
            if (c != 'h') return false;
            last = k;
            return true;
        }

        // "0912 345 678": a phone number's later groups.
        private int AbsorbPhoneGroups(int i)
        {
            var span = tokens[i].Span(text);
            var last = i;
            if (span[0] != '0') return last;
            var groups = 0;
            while (last + 1 < tokens.Count && groups < 3 && tokens[last + 1].SpaceBefore
                && PureInt(last + 1, out _, out var len) && len is >= 2 and <= 4)
            {
                last++;
                groups++;
            }
            return last;
        }

        private bool PureInt(int j, out int value, out int length)
        {
            value = 0;
            length = 0;
            if (j >= tokens.Count || tokens[j].Kind != NumberTokenKind.Digits) return false;
            var s = tokens[j].Span(text);
            if (s.Length > 9) return false;
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c)) return false;
                value = value * 10 + (c - '0');
            }
            length = s.Length;
            return true;
        }

        private static decimal LeadingInt(ReadOnlySpan<char> s)
        {
            decimal v = 0;
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c)) break;
                v = v * 10 + (c - '0');
            }
            return v;
        }

        private void Emit(int startTok, int endTok, int numFirst, int numLast, NumberForm form, decimal value,
            decimal? max, decimal? denominator, Qualifier qualifier)
        {
            var start = tokens[startTok].Start;
            var numStart = tokens[numFirst].Start;
            results.Add(new NumberMention(
                start, tokens[endTok].End - start, numStart, tokens[numLast].End - numStart,
                form, value, max, denominator, qualifier));
        }
    }
}

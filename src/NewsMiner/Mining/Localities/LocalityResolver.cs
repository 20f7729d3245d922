using System.Collections.Frozen;
using NewsMiner.Text;

namespace NewsMiner.Mining.Localities;

/// <summary>
/// Finds administrative units named in normalised article text and resolves them to gazetteer versions.
/// A place is recognised after a type word, abbreviation or party-organ word (data/language/place-types.json), or
/// bare when it is a province name or a unit already named with a type word earlier in the text. Ambiguous names are
/// ranked: in force at the article's date, type as written, inside a district named earlier, in the site's province.
/// One linear scan of the text with dictionary look-ups; no regular expressions.
/// </summary>
public sealed class LocalityResolver
{
    private const int MaxNameSyllables = 6;

    private readonly Gazetteer _gazetteer;
    private readonly PlaceTypes _types;
    private readonly FrozenDictionary<char, FoldedWord[]> _insensitiveByFirst;
    private readonly FrozenDictionary<char, PlaceWord[]> _sensitiveByFirst;
    private readonly FrozenDictionary<char, PlaceAlias[]> _aliasesByFirst;

    // Folded: the word's toneless form, compared first. ToneSensitive: the form has an "oa/oe/uy" syllable whose
    // tone may sit on either vowel, so a plain lower-case comparison is not enough to confirm it.
    private sealed record FoldedWord(PlaceWord Word, string Folded, bool ToneSensitive);

    public LocalityResolver(Gazetteer gazetteer) : this(gazetteer, PlaceTypes.Default) { }

    public LocalityResolver(Gazetteer gazetteer, PlaceTypes types)
    {
        _gazetteer = gazetteer;
        _types = types;
        _insensitiveByFirst = types.Words.Where(w => !w.CaseSensitive)
            .Select(w => new FoldedWord(w, NameFolding.Toneless(w.Form), HasMovableTone(w.Form)))
            .GroupBy(w => w.Folded[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _aliasesByFirst = types.Aliases.GroupBy(a => a.Form[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _sensitiveByFirst = types.Words.Where(w => w.CaseSensitive).GroupBy(w => w.Form[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The province is a centrally-run city ("Thành phố Cần Thơ"), so a bare "thành phố" in its articles is the province.</summary>
    public bool IsCityProvince(string? provinceName, DateOnly? asOf) =>
        provinceName is not null && _gazetteer.FindByName(provinceName, UnitLevel.Province, asOf)
            .Any(u => NameFolding.Toneless(u.Type).ToLowerInvariant().StartsWith("thanh pho", StringComparison.Ordinal));

    public IReadOnlyList<PlaceMention> FindPlaces(string normalisedText, LocalityContext context)
    {
        var text = normalisedText;
        if (text.Length == 0) return [];
        // Lower case without tone marks, same length as the text: a cheap first filter for type words and names; only
        // spans that pass get the exact keys (tone-keying the whole article would cost more than the whole scan).
        var key = NameFolding.Toneless(text);

        var state = new ScanState(this, context);
        var typed = new List<PlaceMention>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsWordStart(text, i)) continue;
            var mention = TryAlias(text, i, state) ?? TryTyped(text, key, i, state);
            if (mention is null) continue;
            typed.Add(mention);
            state.Remember(mention);
            i = mention.End - 1;
        }

        var all = new List<PlaceMention>(typed);
        all.AddRange(FindBare(text, key, typed, state));
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    /// <summary>The committed locality record, filled down to the mention's level.</summary>
    public Locality ToLocality(PlaceMention m, string? unit = null) => m.Level switch
    {
        UnitLevel.Province => new Locality(m.Province.Name, null, null, unit, ProvinceCode: m.Province.Code),
        UnitLevel.District => new Locality(m.Province.Name, m.Unit.Name, null, unit, m.Province.Code, m.Unit.Code),
        _ => new Locality(m.Province.Name, m.District?.Name, m.Unit.Name, unit, m.Province.Code, m.District?.Code, m.Unit.Code),
    };

    private PlaceMention? TryAlias(string text, int i, ScanState state)
    {
        if (!_aliasesByFirst.TryGetValue(text[i], out var aliases)) return null;
        foreach (var alias in aliases)
        {
            if (string.CompareOrdinal(text, i, alias.Form, 0, alias.Form.Length) != 0) continue;
            var end = i + alias.Form.Length;
            if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
            var candidates = _gazetteer.TryLookupExact(Gazetteer.NameKey(alias.Name), out var units)
                ? units.Where(u => u.Level == alias.Level).ToArray()
                : [];
            var best = state.Pick(candidates, alias.Level == UnitLevel.Province ? "Thành phố" : null, numeric: false);
            if (best is null) continue;
            return Build(i, end - i, alias.Form, best.Value.Unit, 0.85 * best.Value.Factor, state);
        }
        return null;
    }

    private PlaceMention? TryTyped(string text, string key, int i, ScanState state)
    {
        if (_insensitiveByFirst.TryGetValue(key[i], out var folded))
        {
            foreach (var (w, f, toneSensitive) in folded)
            {
                if (string.CompareOrdinal(key, i, f, 0, f.Length) != 0) continue;
                // "xa" (far) and "tình" fold like "xã" and "tỉnh": confirm the tones, case-insensitively, and for
                // "ủy"-type words with the tone-placement-insensitive key.
                if (!SameLower(text, i, w.Form) && (!toneSensitive || VietnameseText.ToneKey(text.Substring(i, f.Length)) != w.Form)) continue;
                if (TryWord(text, key, i, w, state) is { } mention) return mention;
            }
        }
        if (_sensitiveByFirst.TryGetValue(text[i], out var words))
        {
            foreach (var w in words)
            {
                if (string.CompareOrdinal(text, i, w.Form, 0, w.Form.Length) != 0) continue;
                if (TryWord(text, key, i, w, state) is { } mention) return mention;
            }
        }
        return null;
    }

    private PlaceMention? TryWord(string text, string key, int i, PlaceWord w, ScanState state)
    {
        var after = i + w.Form.Length;
        if (after >= text.Length) return null;
        int nameStart;
        if (text[after] == ' ') nameStart = after + 1;
        else if (w.Attached && (w.Form.EndsWith('.') || char.IsAsciiDigit(text[after]))) nameStart = after;
        else return null;
        return ResolveName(text, key, i, nameStart, w, state);
    }

    private PlaceMention? ResolveName(string text, string key, int start, int nameStart, PlaceWord word, ScanState state)
    {
        if (nameStart >= text.Length) return null;
        var syllables = ReadName(text, nameStart);
        if (syllables.Count == 0) return null;
        var numeric = char.IsAsciiDigit(text[nameStart]);
        if (word.NumberOnly && !numeric) return null;

        // Exact (tone-placement-insensitive) keys first, longest name first; the loose joined key only if none hits.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = syllables.Count; k >= 1; k--)
            {
                var end = syllables[k - 1].End;
                var candidates = Candidates(text, key, nameStart, end, pass == 1)
                    .Where(u => word.Levels.Contains(u.Level) && CaseCompatible(text, syllables, k, u))
                    .ToArray();
                if (candidates.Length == 0) continue;
                var best = state.Pick(candidates, word.Type, numeric);
                if (best is null) continue;
                var baseConfidence = word.IsOrgan ? 0.95 : word.CaseSensitive ? 0.8 : 0.9;
                if (pass == 1) baseConfidence *= 0.9;
                // "Đảng bộ huyện X", "UBND xã X": an organ before the type word makes a place near certain.
                if (!word.IsOrgan && AfterOrganPrefix(text, start)) baseConfidence = Math.Min(1.0, baseConfidence + 0.05);
                var typeWord = text.Substring(start, nameStart - start).TrimEnd();
                return Build(start, end - start, typeWord, best.Value.Unit, baseConfidence * best.Value.Factor, state);
            }
        }
        return null;
    }

    private IEnumerable<AdminUnit> Candidates(string text, string key, int start, int end, bool loose)
    {
        // The folded span is checked against a set first, so the exact keys are computed only for likely names.
        if (loose)
        {
            return _gazetteer.MayMatchLoose(NameFolding.Base(text.AsSpan(start, end - start)))
                   && _gazetteer.TryLookupFold(Gazetteer.FoldKey(text[start..end]), out var fold) ? fold : [];
        }
        if (!char.IsAsciiDigit(text[start]) && !_gazetteer.MayMatchExact(key.AsSpan(start, end - start))) return [];
        return _gazetteer.TryLookupExact(Gazetteer.NameKey(text[start..end]), out var units) ? units : [];
    }

    /// <summary>Bare names: provinces anywhere, and units named with a type word earlier in the text.</summary>
    private IEnumerable<PlaceMention> FindBare(string text, string key, List<PlaceMention> typed, ScanState state)
    {
        var covered = 0;
        var typedIndex = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (typedIndex < typed.Count && typed[typedIndex].Start <= i)
            {
                covered = Math.Max(covered, typed[typedIndex].End);
                typedIndex++;
            }
            if (i < covered || !IsWordStart(text, i) || !char.IsUpper(text[i])) continue;
            var run = ReadCapitalisedRun(text, i);
            var runEnd = run[^1].End;
            // The next typed mention may start inside this run ("Tại Hội nghị Huyện ủy ...").
            if (typedIndex < typed.Count && typed[typedIndex].Start < runEnd)
            {
                i = typed[typedIndex].Start - 1;
                continue;
            }
            var mention = TryBare(text, key, run, 0, typed, state);
            if (mention is null && run.Count > 1 && IsSentenceStart(text, i)) mention = TryBare(text, key, run, 1, typed, state);
            if (mention is not null) yield return mention;
            i = runEnd - 1;
        }
    }

    private PlaceMention? TryBare(string text, string key, List<Syllable> run, int from, List<PlaceMention> typed, ScanState state)
    {
        var start = run[from].Start;
        var end = run[^1].End;
        if (char.IsAsciiDigit(text[start])) return null;
        var units = Candidates(text, key, start, end, loose: false).ToArray();
        if (units.Length == 0 || _types.BareExclusions.Contains(Gazetteer.NameKey(text[start..end]))) return null;
        // A district or commune only when already named with a type word before, in the site province if known;
        // it wins over a province of the same name (after "thành phố Thái Nguyên", "Thái Nguyên" is the city).
        var earlier = typed.Where(m => m.Start < start && m.Level != UnitLevel.Province && units.Contains(m.Unit)
                                       && state.InSiteProvince(m.Province))
            .Select(m => m.Unit).Distinct().ToArray();
        if (earlier.Length > 0 && state.Pick(earlier, null, numeric: false) is { } e)
        {
            return Build(start, end - start, null, e.Unit, 0.6 * e.Factor, state);
        }
        // In a list after a typed unit ("huyện Gio Linh 198, Hải Lăng 176 và Đakrông 131"), a bare name of the same
        // level under the same parent is that unit's sibling.
        if (typed.LastOrDefault(m => m.Start < start && m.Level != UnitLevel.Province) is { } head
            && start - (head.Start + head.Length) < 160 && text.IndexOfAny(['.', '!', '?', '\n'], head.Start + head.Length, start - (head.Start + head.Length)) < 0
            && FollowsListSeparator(text, start))
        {
            var siblings = units.Where(u => u.Level == head.Level && u.ParentCode == head.Unit.ParentCode).ToArray();
            if (siblings.Length > 0 && state.Pick(siblings, null, numeric: false) is { } sib)
                return Build(start, end - start, null, sib.Unit, 0.55 * sib.Factor, state);
        }
        var provinces = units.Where(u => u.Level == UnitLevel.Province).ToArray();
        var p = state.Pick(provinces, null, numeric: false);
        return p is null ? null : Build(start, end - start, null, p.Value.Unit, 0.7 * p.Value.Factor, state);
    }

    /// <summary>True when the text before <paramref name="start"/> ends a list item: ", " or " và ".</summary>
    private static bool FollowsListSeparator(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith(",") || before.EndsWith(";") || before.EndsWith(" và", StringComparison.Ordinal);
    }

    private PlaceMention Build(int start, int length, string? typeWord, AdminUnit unit, double confidence, ScanState state)
    {
        var province = _gazetteer.ProvinceOf(unit, state.Date) ?? unit;
        var district = unit.Level switch
        {
            UnitLevel.District => unit,
            UnitLevel.Commune when !unit.IsPostReform => _gazetteer.ParentOf(unit, state.Date),
            _ => null,
        };
        return new PlaceMention(start, length, typeWord, unit.Level, unit, district, province, Math.Round(confidence, 3));
    }

    private readonly record struct Syllable(int Start, int End, bool Capitalised);

    // Syllables of a name: letters/digits (with inner ' or ’), joined by one space or hyphen. A lower-case syllable
    // is taken only when a capitalised one follows ("Nông trường Mộc Châu"); digits end the name ("phường 5").
    private static List<Syllable> ReadName(string text, int start)
    {
        var list = new List<Syllable>(MaxNameSyllables);
        var i = start;
        while (i < text.Length && list.Count < MaxNameSyllables)
        {
            if (!char.IsLetterOrDigit(text[i])) break;
            var s = i;
            var digits = char.IsAsciiDigit(text[i]);
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !digits)))
            {
                if (digits != char.IsAsciiDigit(text[i])) break;
                i++;
            }
            if (digits && i < text.Length && char.IsLetter(text[i])) break;
            var syllable = new Syllable(s, i, digits || char.IsUpper(text[s]));
            if (list.Count == 0 && !syllable.Capitalised) break;
            list.Add(syllable);
            if (digits) break;
            if (i + 1 < text.Length && text[i] is ' ' or '-' && char.IsLetterOrDigit(text[i + 1])) i++;
            else break;
        }
        // Trailing lower-case syllables are ordinary words, not part of the name.
        while (list.Count > 0 && !list[^1].Capitalised) list.RemoveAt(list.Count - 1);
        return list;
    }

    private static List<Syllable> ReadCapitalisedRun(string text, int start)
    {
        var all = ReadName(text, start);
        var run = new List<Syllable>(all.Count);
        foreach (var s in all)
        {
            if (!s.Capitalised || char.IsAsciiDigit(text[s.Start])) break;
            run.Add(s);
        }
        return run.Count > 0 ? run : [new Syllable(start, WordEnd(text, start), true)];
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        return i;
    }

    // A lower-case syllable in the text may only stand where the official spelling is lower case too.
    private static bool CaseCompatible(string text, List<Syllable> syllables, int count, AdminUnit unit)
    {
        var anyLower = false;
        for (var s = 0; s < count; s++) anyLower |= !syllables[s].Capitalised;
        if (!anyLower) return true;
        var parts = unit.Name.Split(' ', '-');
        if (parts.Length != count) return false;
        for (var s = 0; s < count; s++)
        {
            if (!syllables[s].Capitalised && char.IsUpper(parts[s][0])) return false;
        }
        return true;
    }

    private bool AfterOrganPrefix(string text, int start)
    {
        var end = start > 0 && text[start - 1] == ' ' ? start - 1 : start;
        foreach (var prefix in _types.OrganPrefixes)
        {
            var from = end - prefix.Length;
            if (from < 0 || (from > 0 && char.IsLetterOrDigit(text[from - 1]))) continue;
            if (SameLower(text, from, prefix) || VietnameseText.ToneKey(text.Substring(from, prefix.Length)) == prefix) return true;
        }
        return false;
    }

    private static bool SameLower(string text, int i, string lowerForm)
    {
        for (var k = 0; k < lowerForm.Length; k++)
        {
            if (char.ToLowerInvariant(text[i + k]) != lowerForm[k]) return false;
        }
        return true;
    }

    // "thị ủy" could also be written "thị uỷ": its tone sits on an o/u before a/e/y.
    private static bool HasMovableTone(string form)
    {
        for (var k = 0; k + 1 < form.Length; k++)
        {
            var pair = NameFolding.TonelessChar(form[k]).ToString() + NameFolding.TonelessChar(form[k + 1]);
            if ((pair is "oa" or "oe" or "uy") && (form[k] != NameFolding.TonelessChar(form[k]) || form[k + 1] != NameFolding.TonelessChar(form[k + 1]))) return true;
        }
        return false;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    // After a full stop only when a lower-case word ends there ("đảng viên.Thị xã ..." lacks its space), not inside
    // an abbreviation such as "T.P".
    private static bool IsWordStart(string text, int i)
    {
        if (i == 0) return true;
        var prev = text[i - 1];
        if (prev == '.') return i >= 2 && char.IsLower(text[i - 2]);
        return !char.IsLetterOrDigit(prev) && !IsApostrophe(prev);
    }

    private static bool IsSentenceStart(string text, int i)
    {
        var j = i - 1;
        while (j >= 0 && text[j] is ' ' or '"' or '“' or '(' or '\'' or '‘') j--;
        return j < 0 || text[j] is '.' or '!' or '?' or '\n' or ':' or ';' or '-' or '–' or '…';
    }

    /// <summary>Per-call ranking state: the date, the site's province and the places named so far.</summary>
    private sealed class ScanState
    {
        private readonly DateOnly _date;
        private readonly HashSet<string> _sitePre = new(StringComparer.Ordinal);
        private readonly HashSet<string> _sitePost = new(StringComparer.Ordinal);
        private readonly HashSet<string> _districts = new(StringComparer.Ordinal);
        private string? _lastDistrict;
        private readonly HashSet<(string Code, bool Post)> _provinces = [];
        private readonly HashSet<AdminUnit> _seen = [];

        public ScanState(LocalityResolver owner, LocalityContext context)
        {
            _date = context.AsOf ?? Gazetteer.LatestPreReform;
            if (!string.IsNullOrWhiteSpace(context.SiteProvince)
                && owner._gazetteer.TryLookupExact(Gazetteer.NameKey(owner._types.StripTypeWord(context.SiteProvince).Name), out var units))
            {
                foreach (var u in units.Where(u => u.Level == UnitLevel.Province))
                {
                    (u.IsPostReform ? _sitePost : _sitePre).Add(u.Code);
                }
            }
        }

        public DateOnly Date => _date;

        public bool HasSite => _sitePre.Count > 0 || _sitePost.Count > 0;

        public bool InSiteProvince(AdminUnit province) =>
            !HasSite || (province.IsPostReform ? _sitePost : _sitePre).Contains(province.Code);

        public void Remember(PlaceMention m)
        {
            _seen.Add(m.Unit);
            if (m.District is { IsPostReform: false } d)
            {
                _districts.Add(d.Code);
                _lastDistrict = d.Code;
            }
            _provinces.Add((m.Province.Code, m.Province.IsPostReform));
        }

        /// <summary>Best candidate and a confidence factor, or null when nothing fits the context well enough.</summary>
        public (AdminUnit Unit, double Factor)? Pick(IReadOnlyList<AdminUnit> candidates, string? writtenType, bool numeric)
        {
            if (candidates.Count == 0) return null;
            AdminUnit? best = null;
            double bestScore = double.MinValue, second = double.MinValue;
            var bestContext = false;
            foreach (var u in candidates)
            {
                var (score, context) = Score(u, writtenType);
                if (best is not null && u.Code == best.Code && u.IsPostReform == best.IsPostReform)
                {
                    // Another version of the same unit: no ambiguity, keep the better version.
                    if (score > bestScore) { best = u; bestScore = score; bestContext = context; }
                    continue;
                }
                if (score > bestScore)
                {
                    second = bestScore;
                    best = u; bestScore = score; bestContext = context;
                }
                else if (score > second)
                {
                    second = score;
                }
            }
            // "phường 5" exists in dozens of towns: only a context (district named before, site province) decides.
            if (numeric && !bestContext) return null;
            var factor = 1.0;
            if (!best!.InForceAt(_date)) factor *= 0.8;
            if (writtenType is not null && best.Type != writtenType) factor *= 0.9;
            if (second >= bestScore) factor *= 0.5;
            return (best, factor);
        }

        private (double Score, bool Context) Score(AdminUnit u, string? writtenType)
        {
            double score = 0;
            var context = false;
            if (u.InForceAt(_date))
            {
                score += 100;
            }
            else
            {
                // Nearest version in time wins among the ones not in force.
                var days = _date < u.ValidFrom ? u.ValidFrom.DayNumber - _date.DayNumber : _date.DayNumber - u.ValidTo!.Value.DayNumber;
                score += 50 - Math.Min(days / 365.0, 40);
            }
            if (writtenType is not null && u.Type == writtenType) score += 20;
            if (_seen.Contains(u)) { score += 15; context = true; }
            if (u.Level == UnitLevel.Commune && !u.IsPostReform && u.ParentCode is { } parent
                && _districts.Contains(parent))
            {
                // A district named before outweighs the site's province: articles do report on other provinces.
                score += 70 + (_lastDistrict == parent ? 5 : 0);
                context = true;
            }
            var province = u.ProvinceCode;
            // The site's province outweighs being in force elsewhere: a local paper writing about a since-merged
            // commune still means its own.
            if ((u.IsPostReform ? _sitePost : _sitePre).Contains(province)) { score += 60; context = true; }
            if (_provinces.Contains((province, u.IsPostReform))) { score += 10; context = true; }
            return (score, context);
        }
    }
}

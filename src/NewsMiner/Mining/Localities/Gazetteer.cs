using System.Collections.Frozen;
using NewsMiner.Text;

namespace NewsMiner.Mining.Localities;

/// <summary>
/// Vietnam's administrative units with official GSO codes, 2008-08-01 → 2025-07-01 and the tree in force from then on,
/// read from the embedded CSVs in data/gazetteer (built by scripts/derive_gazetteer.py). Immutable once built.
/// Dates: a null <c>asOf</c> means the latest pre-reform state, because most articles predate July 2025.
/// </summary>
public sealed class Gazetteer
{
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    /// <summary>The date a null <c>asOf</c> stands for: the last day of the pre-reform tree.</summary>
    public static readonly DateOnly LatestPreReform = ReformDate.AddDays(-1);

    private static readonly Lazy<Gazetteer> DefaultInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Gazetteer Default => DefaultInstance.Value;

    private readonly FrozenDictionary<string, AdminUnit[]> _preByCode;
    private readonly FrozenDictionary<string, AdminUnit[]> _postByCode;
    private readonly FrozenDictionary<string, AdminUnit[]> _byToneKey;
    private readonly FrozenDictionary<string, AdminUnit[]> _byFoldKey;
    private readonly FrozenDictionary<string, AdminUnit[]> _preChildren;
    private readonly FrozenDictionary<string, AdminUnit[]> _postChildren;
    private readonly FrozenDictionary<string, UnitSuccession[]> _successors;
    private readonly AdminUnit[] _all;
    private readonly FrozenSet<string> _toneless;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _tonelessSpan;
    private readonly FrozenSet<string> _base;

    /// <summary>Builds a gazetteer from unit versions; <paramref name="variants"/> adds other spellings of a version's name.</summary>
    public Gazetteer(
        IEnumerable<AdminUnit> units,
        IEnumerable<(AdminUnit Unit, string Spelling)>? variants = null,
        IEnumerable<(string OldCode, string NewCode, string Relation)>? mapping = null)
    {
        _all = [.. units];
        _preByCode = GroupByCode(_all.Where(u => !u.IsPostReform));
        _postByCode = GroupByCode(_all.Where(u => u.IsPostReform));
        _preChildren = _all.Where(u => !u.IsPostReform && u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _postChildren = _all.Where(u => u.IsPostReform && u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!).ToFrozenDictionary(g => g.Key, g => g.ToArray());

        var spellings = _all.Select(u => (Unit: u, Spelling: u.Name)).Concat(variants ?? []).ToArray();
        _byToneKey = Index(spellings, s => NameKey(s));
        _byFoldKey = Index(spellings, s => FoldKey(s));
        _toneless = spellings.Select(s => NameFolding.Toneless(s.Spelling)).ToFrozenSet(StringComparer.Ordinal);
        _tonelessSpan = _toneless.GetAlternateLookup<ReadOnlySpan<char>>();
        _base = spellings.Select(s => NameFolding.Base(s.Spelling)).ToFrozenSet(StringComparer.Ordinal);

        var successors = new Dictionary<string, List<UnitSuccession>>(StringComparer.Ordinal);
        foreach (var (oldCode, newCode, relation) in mapping ?? [])
        {
            if (!_postByCode.TryGetValue(newCode, out var targets)) continue;
            if (!successors.TryGetValue(oldCode, out var list)) successors[oldCode] = list = [];
            list.Add(new UnitSuccession(targets[^1], relation));
        }
        _successors = successors.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>All unit versions, both eras.</summary>
    public IReadOnlyList<AdminUnit> Units => _all;

    /// <summary>The version of <paramref name="code"/> in force at <paramref name="asOf"/>, or the version nearest in
    /// time when none is (a unit abolished before the date). The era (pre/post 2025 reform) follows the date.</summary>
    public AdminUnit? ByCode(string code, DateOnly? asOf = null)
    {
        var date = asOf ?? LatestPreReform;
        var table = date >= ReformDate ? _postByCode : _preByCode;
        return table.TryGetValue(code, out var versions) ? Nearest(versions, date) : null;
    }

    /// <summary>
    /// Units in force at <paramref name="asOf"/> called <paramref name="name"/>, matched case- and tone-placement-
    /// insensitively, then by the accent-free joined form (Đa Krông / Đakrông). A leading type word ("huyện Phú Lương",
    /// "TX Đông Triều") is accepted and, when <paramref name="level"/> is null, limits the levels.
    /// </summary>
    public IReadOnlyList<AdminUnit> FindByName(string name, UnitLevel? level = null, DateOnly? asOf = null, string? withinCode = null)
    {
        var date = asOf ?? LatestPreReform;
        var normalised = VietnameseText.Normalize(name);
        var (bare, word) = PlaceTypes.Default.StripTypeWord(normalised);
        var found = Find(bare, word, level, date, withinCode);
        // Some names begin with a type word themselves ("Phường Đúc", "Thị trấn NT ..."): retry unstripped.
        return found.Count == 0 && word is not null ? Find(normalised, null, level, date, withinCode) : found;
    }

    private List<AdminUnit> Find(string bare, PlaceWord? word, UnitLevel? level, DateOnly date, string? withinCode)
    {
        bool Keep(AdminUnit u) =>
            u.InForceAt(date)
            && (level is null ? word is null || word.Levels.Contains(u.Level) : u.Level == level)
            && (withinCode is null || u.Code == withinCode || u.ParentCode == withinCode || u.ProvinceCode == withinCode);
        // The loose accent-free key only when the exact key finds nothing: it conflates distinct names (Hòa / Hoa).
        var exact = _byToneKey.TryGetValue(NameKey(bare), out var e) ? e.Where(Keep).ToList() : [];
        var found = (exact.Count > 0 ? exact : _byFoldKey.TryGetValue(FoldKey(bare), out var f) ? f.Where(Keep) : [])
            .Distinct()
            .OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        // A type word that names the type exactly ("thành phố Thái Nguyên") prefers units of that type.
        if (word?.Type is { } type && found.Any(u => u.Type == type)) found = found.Where(u => u.Type == type).ToList();
        return found;
    }

    public IReadOnlyList<AdminUnit> Provinces(DateOnly? asOf = null)
    {
        var date = asOf ?? LatestPreReform;
        var table = date >= ReformDate ? _postByCode : _preByCode;
        return table.Values.SelectMany(v => v).Where(u => u.Level == UnitLevel.Province && u.InForceAt(date))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<AdminUnit> Children(string code, DateOnly? asOf = null)
    {
        var date = asOf ?? LatestPreReform;
        var table = date >= ReformDate ? _postChildren : _preChildren;
        return table.TryGetValue(code, out var kids)
            ? kids.Where(u => u.InForceAt(date)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The 2025 communes an old (pre-reform) commune went into, per the NSO conversion table.</summary>
    public IReadOnlyList<UnitSuccession> Successors(string oldCommuneCode) =>
        _successors.TryGetValue(oldCommuneCode, out var s) ? s : [];

    /// <summary>The parent version (a district's province, a commune's district) at <paramref name="at"/> when the unit
    /// was in force then, otherwise at the unit version's own last day.</summary>
    public AdminUnit? ParentOf(AdminUnit unit, DateOnly? at = null)
    {
        if (unit.ParentCode is null) return null;
        var table = unit.IsPostReform ? _postByCode : _preByCode;
        return table.TryGetValue(unit.ParentCode, out var versions) ? Nearest(versions, AnchorDate(unit, at)) : null;
    }

    public AdminUnit? ProvinceOf(AdminUnit unit, DateOnly? at = null)
    {
        if (unit.Level == UnitLevel.Province) return unit;
        var table = unit.IsPostReform ? _postByCode : _preByCode;
        return table.TryGetValue(unit.ProvinceCode, out var versions) ? Nearest(versions, AnchorDate(unit, at)) : null;
    }

    /// <summary>Cheap pre-check on a span of <see cref="NameFolding.Toneless"/> text: false means no name can match.</summary>
    internal bool MayMatchExact(ReadOnlySpan<char> toneless) => _tonelessSpan.Contains(toneless);

    internal bool MayMatchLoose(string baseKey) => _base.Contains(baseKey);

    internal bool TryLookupExact(string key, out AdminUnit[] units) => _byToneKey.TryGetValue(key, out units!);

    internal bool TryLookupFold(string key, out AdminUnit[] units) => _byFoldKey.TryGetValue(key, out units!);

    /// <summary>Key for exact-ish matching: tone placement and case ignored, ’ as ', numbers without leading zeros.</summary>
    internal static string NameKey(string name)
    {
        var k = VietnameseText.ToneKey(name).Replace('\u2019', '\'').Replace('-', ' ');
        return IsNumber(k) ? TrimZeros(k) : k;
    }

    internal static string FoldKey(string name)
    {
        var k = VietnameseText.FoldKeyNoSpace(name);
        return IsNumber(k) ? TrimZeros(k) : k;
    }

    private static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static string TrimZeros(string s)
    {
        var t = s.TrimStart('0');
        return t.Length == 0 ? "0" : t;
    }

    // The date to read a version's ancestors at: the given date if the version was in force then, else its last day
    // in force (or the day it began, for units still in force).
    internal static DateOnly AnchorDate(AdminUnit u, DateOnly? at = null) =>
        at is { } d && u.InForceAt(d) ? d : u.ValidTo is { } to ? to.AddDays(-1) : u.ValidFrom;

    internal static AdminUnit Nearest(AdminUnit[] versions, DateOnly date)
    {
        AdminUnit? best = null;
        var bestDistance = int.MaxValue;
        foreach (var v in versions)
        {
            if (v.InForceAt(date)) return v;
            var distance = date < v.ValidFrom
                ? v.ValidFrom.DayNumber - date.DayNumber
                : date.DayNumber - v.ValidTo!.Value.DayNumber + 1;
            if (distance < bestDistance) { best = v; bestDistance = distance; }
        }
        return best!;
    }

    private static FrozenDictionary<string, AdminUnit[]> GroupByCode(IEnumerable<AdminUnit> units) =>
        units.GroupBy(u => u.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom).ToArray(), StringComparer.Ordinal);

    private static FrozenDictionary<string, AdminUnit[]> Index(IEnumerable<(AdminUnit Unit, string Spelling)> spellings, Func<string, string> key) =>
        spellings.GroupBy(s => key(s.Spelling), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(s => s.Unit).Distinct().ToArray(), StringComparer.Ordinal);

    private static Gazetteer Load()
    {
        var units = new List<AdminUnit>();
        units.AddRange(ReadUnits("data/gazetteer/units_history.csv"));
        units.AddRange(ReadUnits("data/gazetteer/units_2025.csv"));
        var pre = units.Where(u => !u.IsPostReform).GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.ToArray());
        var post = units.Where(u => u.IsPostReform).ToDictionary(u => u.Code);
        var variants = new List<(AdminUnit, string)>();
        foreach (var row in ReadCsv("data/gazetteer/variants.csv"))
        {
            var (era, code, spelling) = (row[0], row[1], row[2]);
            if (era == "2025")
            {
                if (post.TryGetValue(code, out var u)) variants.Add((u, spelling));
            }
            else if (pre.TryGetValue(code, out var versions))
            {
                // The source lists spellings per code, not per version: attach to every version.
                foreach (var v in versions) variants.Add((v, spelling));
            }
        }
        var mapping = ReadCsv("data/gazetteer/mapping_2025.csv").Select(r => (r[0], r[1], r[2])).ToList();
        return new Gazetteer(units, variants, mapping);
    }

    private static IEnumerable<AdminUnit> ReadUnits(string path) =>
        ReadCsv(path).Select(r => new AdminUnit(
            Code: r[1],
            Level: (UnitLevel)int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture),
            Name: r[2],
            Type: r[3],
            ParentCode: r[4].Length == 0 ? null : r[4],
            ProvinceCode: r[5],
            ValidFrom: DateOnly.ParseExact(r[6], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ValidTo: r[7].Length == 0 ? null : DateOnly.ParseExact(r[7], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    // The generated CSVs hold no quotes or commas inside fields (the derive script guarantees plain facts).
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(EmbeddedData.Open(path));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return line.Split(',');
        }
    }
}

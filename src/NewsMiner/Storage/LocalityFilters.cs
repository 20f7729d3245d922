using NewsMiner.Mining.Localities;

namespace NewsMiner.Storage;

/// <summary>
/// Turns what a researcher types for a place (a name in any case or tone placement, with or without its type word, or an
/// official code; a unit of before or after the July 2025 reform) into the names and codes figures may carry.
/// A unit that exists only after the 2025 reform also matches the old units it was formed from (read from the NSO
/// conversion table), because articles before the reform name the old ones. Pre- and post-reform codes collide (52 was Bình Định, is Gia Lai): a code matches
/// figures carrying it in either era.
/// </summary>
public static class LocalityFilters
{
    // Units abolished before 2025 (the 2019-2020 district and commune mergers) are only found at dates they were in force.
    private static readonly DateOnly[] LookupDates =
    [
        new(2010, 1, 1), new(2015, 1, 1), new(2019, 1, 1), new(2021, 1, 1), Gazetteer.LatestPreReform, Gazetteer.ReformDate,
    ];

    /// <exception cref="StoreException">No unit of that level has that name or code; the message lists the nearest names.</exception>
    public static PlaceFilter Resolve(Gazetteer gazetteer, string input, UnitLevel level)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        var text = input.Trim();
        var found = new List<AdminUnit>();
        if (text.All(char.IsAsciiDigit))
        {
            foreach (var asOf in new DateOnly?[] { null, Gazetteer.ReformDate })
            {
                if (gazetteer.ByCode(text, asOf) is { } u && u.Level == level) found.Add(u);
            }
        }
        else
        {
            foreach (var date in LookupDates) found.AddRange(gazetteer.FindByName(text, level, date));
        }
        if (found.Count == 0)
        {
            throw new StoreException($"unknown {LevelName(level)} '{text}'; nearest: {string.Join(", ", Nearest(gazetteer, text, level, 5))}");
        }

        var units = found.Distinct().ToList();
        // A name both eras use (Thái Nguyên before and after its 2025 merger) means the old unit; only a unit that exists
        // after the reform alone is widened to what it was formed from, so old figures are not silently pooled.
        if (units.All(u => u.IsPostReform))
        {
            foreach (var post in units.ToList()) units.AddRange(Predecessors(gazetteer, post));
        }
        var keys = units.Select(u => NewsStore.PlaceKey(u.Name)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var codes = units.Select(u => u.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PlaceFilter(text, keys, codes);
    }

    /// <summary>The old units a post-2025 province or commune was formed from (provinces through their communes).</summary>
    public static IReadOnlyList<AdminUnit> Predecessors(Gazetteer gazetteer, AdminUnit postReform)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(postReform);
        var result = new HashSet<AdminUnit>();
        foreach (var old in gazetteer.Units)
        {
            if (old.IsPostReform || old.Level != UnitLevel.Commune) continue;
            foreach (var s in gazetteer.Successors(old.Code))
            {
                if (postReform.Level == UnitLevel.Commune && s.Unit.Code == postReform.Code) result.Add(old);
                if (postReform.Level == UnitLevel.Province && s.Unit.ProvinceCode == postReform.Code
                    && gazetteer.ProvinceOf(old) is { } oldProvince)
                {
                    result.Add(oldProvince);
                }
            }
        }
        return result.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Gazetteer names of <paramref name="level"/> closest to <paramref name="text"/>, as "Name (Type, code)".</summary>
    public static IReadOnlyList<string> Nearest(Gazetteer gazetteer, string text, UnitLevel level, int count)
    {
        var target = Gazetteer.FoldKey(PlaceTypesStripped(text));
        return gazetteer.Units
            .Where(u => u.Level == level)
            .GroupBy(u => u.FullName + (u.IsPostReform ? " (2025)" : ""), StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(u => u.ValidFrom).First())
            .Select(u => (Unit: u, Distance: Distance(Gazetteer.FoldKey(u.Name), target)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Unit.Name, StringComparer.Ordinal).ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(x => $"{x.Unit.Name} ({x.Unit.Type}{(x.Unit.IsPostReform ? " 2025" : "")}, {x.Unit.Code})")
            .ToList();
    }

    private static string PlaceTypesStripped(string text) => PlaceTypes.Default.StripTypeWord(Text.VietnameseText.Normalize(text)).Name;

    private static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Province => "province",
        UnitLevel.District => "district",
        _ => "commune",
    };

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

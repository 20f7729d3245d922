using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>
/// How a non-territorial organisation is named in a figure (figure-schema v1, "Naming a unit"): a host institution
/// without the party prefix ("Đảng bộ Trường X" is "Trường X"), a block as "Đảng ủy Khối …" also where the text says
/// "Đảng bộ Khối", a chi bộ with its word, abbreviations written out; and whether the unit sits under the province
/// with no district (blocks, "… tỉnh").
/// </summary>
public sealed class UnitNames(
    IReadOnlyList<string> levelWords,
    IReadOnlyList<string> partyPrefixes,
    string blockWord,
    IReadOnlyDictionary<string, string> expansions,
    IReadOnlyList<string> provinceLevel,
    IReadOnlyDictionary<string, string>? shortForms = null,
    string cellPrefix = "",
    IReadOnlyList<string>? institutionHeads = null)
{
    private const string BlockCommittee = "Đảng ủy";

    public static UnitNames Empty { get; } = new([], [], "", new Dictionary<string, string>(), []);

    private readonly IReadOnlyList<(string Long, string Short)> shortForms =
        (shortForms ?? new Dictionary<string, string>()).Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Key.Length).ToList();

    /// <summary>A bare administrative word ("tỉnh") that may end a unit's name when no place name follows it.</summary>
    public bool IsLevelWord(string token) => levelWords.Contains(token.ToLowerInvariant());

    public string Canonical(string surface)
    {
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => expansions.TryGetValue(w.TrimEnd('.'), out var full) ? full : w).ToList();
        var name = string.Join(' ', words);
        foreach (var (longForm, shortForm) in shortForms)
        {
            var at = name.IndexOf(longForm, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) name = name[..at] + shortForm + name[(at + longForm.Length)..];
        }
        var key = VietnameseText.ToneKey(name);
        // "Chi bộ Trường THPT X" is the school's cell: the unit is the school. "Chi bộ thôn Đông" keeps its word.
        if (cellPrefix.Length > 0 && key.StartsWith(cellPrefix + " ", StringComparison.Ordinal)
            && (institutionHeads ?? []).Any(h => key[(cellPrefix.Length + 1)..].StartsWith(h + " ", StringComparison.Ordinal)))
        {
            var rest = name[(cellPrefix.Length + 1)..];
            return char.ToUpperInvariant(rest[0]) + rest[1..];
        }
        foreach (var prefix in partyPrefixes)
        {
            if (!key.StartsWith(prefix + " ", StringComparison.Ordinal)) continue;
            var rest = name[(prefix.Length + 1)..];
            if (rest.Length == 0) break;
            var restKey = VietnameseText.ToneKey(rest);
            name = blockWord.Length > 0 && (restKey == blockWord || restKey.StartsWith(blockWord + " ", StringComparison.Ordinal))
                ? $"{BlockCommittee} {rest}"
                : char.ToUpperInvariant(rest[0]) + rest[1..];
            break;
        }
        return name;
    }

    /// <summary>A unit under the province: a block, or a name that ends with the province-level word itself.</summary>
    public bool IsProvinceLevel(string canonical)
    {
        var words = VietnameseText.ToneKey(canonical).Split(' ');
        if (words.Contains(blockWord)) return true;
        var last2 = words.Length >= 2 ? words[^2] + " " + words[^1] : words[^1];
        return provinceLevel.Any(w => w != blockWord && (words[^1] == w || last2 == w));
    }
}

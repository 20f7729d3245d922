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
    IReadOnlyList<string> provinceLevel)
{
    private const string BlockCommittee = "Đảng ủy";

    public static UnitNames Empty { get; } = new([], [], "", new Dictionary<string, string>(), []);

    /// <summary>A bare administrative word ("tỉnh") that may end a unit's name when no place name follows it.</summary>
    public bool IsLevelWord(string token) => levelWords.Contains(token.ToLowerInvariant());

    public string Canonical(string surface)
    {
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => expansions.TryGetValue(w.TrimEnd('.'), out var full) ? full : w).ToList();
        var name = string.Join(' ', words);
        var key = VietnameseText.ToneKey(name);
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

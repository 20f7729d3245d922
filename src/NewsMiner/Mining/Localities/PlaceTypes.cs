using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMiner.Text;

namespace NewsMiner.Mining.Localities;

/// <summary>A word that introduces a unit name: a type word ("huyện", "TX"), or a party organ ("Thị ủy").</summary>
public sealed record PlaceWord(string Form, string? Type, IReadOnlyList<UnitLevel> Levels, bool CaseSensitive, bool Attached, bool NumberOnly, bool IsOrgan);

/// <summary>A fixed spelling of one unit ("TP.HCM").</summary>
public sealed record PlaceAlias(string Form, UnitLevel Level, string Name);

/// <summary>The table data/language/place-types.json: words that introduce place names in text.</summary>
public sealed class PlaceTypes
{
    public const string ResourcePath = "data/language/place-types.json";

    private static readonly Lazy<PlaceTypes> DefaultInstance = new(() => Parse(EmbeddedData.ReadText(ResourcePath)));

    public static PlaceTypes Default => DefaultInstance.Value;

    /// <summary>Type words and organ words, longest form first so "thị ủy" wins over nothing and "TP." over "TP".</summary>
    public IReadOnlyList<PlaceWord> Words { get; }

    /// <summary>Lower-case, tone-keyed organ prefixes ("đảng bộ", "ubnd").</summary>
    public IReadOnlyList<string> OrganPrefixes { get; }

    public IReadOnlyList<PlaceAlias> Aliases { get; }

    /// <summary>Tone-keyed names never taken as a place without a type word (people, streets: "Hồ Chí Minh").</summary>
    public IReadOnlySet<string> BareExclusions { get; }

    private PlaceTypes(IReadOnlyList<PlaceWord> words, IReadOnlyList<string> organPrefixes, IReadOnlyList<PlaceAlias> aliases, IReadOnlySet<string> bareExclusions)
    {
        BareExclusions = bareExclusions;
        Words = words.OrderByDescending(w => w.Form.Length).ToList();
        OrganPrefixes = organPrefixes;
        Aliases = aliases.OrderByDescending(a => a.Form.Length).ToList();
    }

    public static PlaceTypes Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, JsonOptions)
            ?? throw new InvalidDataException("place-types.json is empty");
        var words = new List<PlaceWord>();
        foreach (var (entries, organ) in new[] { (file.TypeWords, false), (file.OrganWords, true) })
        {
            foreach (var e in entries ?? [])
            {
                if (string.IsNullOrWhiteSpace(e.Form) || e.Levels is not { Length: > 0 })
                    throw new InvalidDataException($"place-types.json: entry without form or levels ({e.Form})");
                // Case-insensitive forms are compared against the tone key of the text, so store them keyed.
                var form = e.CaseSensitive ? e.Form : VietnameseText.ToneKey(e.Form);
                words.Add(new PlaceWord(form, e.Type, e.Levels.Select(l => (UnitLevel)l).ToArray(), e.CaseSensitive, e.Attached, e.NumberOnly, organ));
            }
        }
        var prefixes = (file.OrganPrefixes ?? []).Select(VietnameseText.ToneKey).ToList();
        var aliases = (file.Aliases ?? []).Select(a => new PlaceAlias(a.Form, (UnitLevel)a.Level, a.Name)).ToList();
        var exclusions = (file.BareExclusions ?? []).Select(Gazetteer.NameKey).ToHashSet(StringComparer.Ordinal);
        return new PlaceTypes(words, prefixes, aliases, exclusions);
    }

    /// <summary>Splits a leading type or organ word off a name: "huyện Phú Lương" → ("Phú Lương", huyện).</summary>
    public (string Name, PlaceWord? Word) StripTypeWord(string text)
    {
        var trimmed = text.Trim();
        var key = VietnameseText.ToneKey(trimmed);
        foreach (var w in Words)
        {
            var source = w.CaseSensitive ? trimmed : key;
            if (!source.StartsWith(w.Form, StringComparison.Ordinal)) continue;
            var rest = trimmed[w.Form.Length..];
            if (rest.Length == 0) continue;
            if (rest[0] == ' ' || (w.Attached && w.Form.EndsWith('.')) || (w.NumberOnly && char.IsAsciiDigit(rest[0])))
            {
                if (w.NumberOnly && !rest.TrimStart().All(char.IsAsciiDigit)) continue;
                return (rest.Trim(), w);
            }
        }
        return (trimmed, null);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record FileShape(
        [property: JsonPropertyName("typeWords")] Entry[]? TypeWords,
        [property: JsonPropertyName("organWords")] Entry[]? OrganWords,
        [property: JsonPropertyName("organPrefixes")] string[]? OrganPrefixes,
        [property: JsonPropertyName("aliases")] AliasEntry[]? Aliases,
        [property: JsonPropertyName("bareExclusions")] string[]? BareExclusions);

    private sealed record Entry(string Form, string? Type, int[]? Levels, bool CaseSensitive, bool Attached, bool NumberOnly);

    private sealed record AliasEntry(string Form, int Level, string Name);
}

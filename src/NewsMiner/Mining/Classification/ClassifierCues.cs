using System.Globalization;
using System.Text.Json;
using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>The verb and qualifier lists of data/language/classifier-cues.json, tone-keyed and split into syllables.</summary>
public sealed class ClassifierCues
{
    public const string DataPath = "data/language/classifier-cues.json";

    public IReadOnlyList<string> Verbs { get; }
    public IReadOnlyList<string> Qualifiers { get; }

    /// <summary>FNV-1a of the lists' content (not the file's bytes, so line endings do not matter); stored in model files.</summary>
    public string Hash { get; }

    private ClassifierCues(IReadOnlyList<string> verbs, IReadOnlyList<string> qualifiers)
    {
        Verbs = verbs;
        Qualifiers = qualifiers;
        var h = FeatureHash.Start("cues");
        foreach (var v in verbs) h = h.Add('v').Add(v.AsSpan());
        foreach (var q in qualifiers) h = h.Add('q').Add(q.AsSpan());
        Hash = h.Value.ToString("x8", CultureInfo.InvariantCulture);
    }

    public static ClassifierCues Default { get; } = Load(EmbeddedData.ReadText(DataPath));

    public static ClassifierCues Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new ClassifierCues(ReadList(root, "verbs"), ReadList(root, "qualifiers"));
    }

    private static List<string> ReadList(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{DataPath}: the list '{name}' is missing");
        var items = new List<string>();
        foreach (var e in array.EnumerateArray())
        {
            var s = e.GetString();
            if (string.IsNullOrWhiteSpace(s)) throw new InvalidDataException($"{DataPath}: an empty entry in '{name}'");
            items.Add(VietnameseText.Normalize(s));
        }
        return items;
    }
}

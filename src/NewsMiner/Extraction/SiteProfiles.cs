using System.Text.Json;

namespace NewsMiner.Extraction;

/// <summary>
/// Optional per-site knowledge as data (data/sites/*.json): where a host keeps the article body, title, date and
/// author (CSS selectors, first match wins) and strings whose lines are always chrome. The generic extractor is the
/// default; a profile only narrows it, and a selector that matches nothing falls back to the generic pass.
/// </summary>
public sealed record SiteProfile(
    string Name,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> Title,
    IReadOnlyList<string> Date,
    IReadOnlyList<string> Author,
    IReadOnlyList<string> Drop)
{
    /// <summary>True when the host is one of <see cref="Hosts"/> or a subdomain of one ("www.", "m.").</summary>
    public bool Matches(string host) =>
        Hosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a line is one of the site's fixed chrome strings (whole line, or the line's label start).</summary>
    public bool Drops(string line) => Drop.Any(d => line.StartsWith(d, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The set of site profiles; <see cref="BuiltIn"/> holds the embedded data/sites/*.json files.</summary>
public sealed class SiteProfiles
{
    private const string Prefix = "data/sites/";
    private static readonly Lazy<SiteProfiles> Embedded = new(() =>
        Parse(EmbeddedData.List(Prefix).Where(p => p.EndsWith(".json", StringComparison.Ordinal)).Select(EmbeddedData.ReadText)));

    public static SiteProfiles BuiltIn => Embedded.Value;

    /// <summary>No profiles: the generic extractor alone.</summary>
    public static SiteProfiles None { get; } = new([]);

    public IReadOnlyList<SiteProfile> All { get; }

    public SiteProfiles(IReadOnlyList<SiteProfile> profiles) => All = profiles;

    public SiteProfile? Match(Uri? url) => url is null ? null : All.FirstOrDefault(p => p.Matches(url.Host));

    /// <summary>Reads profile files: { "name", "hosts": [...], "body"/"title"/"date"/"author": [selectors], "drop": [strings] }.</summary>
    public static SiteProfiles Parse(IEnumerable<string> jsonFiles)
    {
        var list = new List<SiteProfile>();
        foreach (var json in jsonFiles)
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            list.Add(new SiteProfile(
                r.GetProperty("name").GetString() ?? throw new InvalidDataException("site profile without a name"),
                Strings(r, "hosts"), Strings(r, "body"), Strings(r, "title"), Strings(r, "date"), Strings(r, "author"), Strings(r, "drop")));
        }
        return new SiteProfiles(list);
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString() ?? string.Empty).Where(s => s.Length > 0).ToList() : [];
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMiner.Crawling;

/// <summary>
/// Reads a sources file (data/sources.json): per source its name, province, start URLs, allowed hosts, article and
/// listing URL patterns, pagination pattern, depth and page limits, revisit interval and delay. Source-level values
/// override "defaults".
/// </summary>
public static class SourceCatalog
{
    /// <summary>The bundled file, relative to the repository root.</summary>
    public const string BundledPath = "data/sources.json";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    /// <exception cref="FormatException">The file is not a valid sources file; the message names the source and field.</exception>
    public static IReadOnlyList<CrawlSource> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var defaults = root.TryGetProperty("defaults", out var d) ? d : default;
        if (!root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new FormatException("a sources file needs a \"sources\" array");
        var sources = new List<CrawlSource>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in list.EnumerateArray())
        {
            var name = String(s, "name") ?? throw new FormatException($"source #{sources.Count + 1} has no name");
            if (!names.Add(name)) throw new FormatException($"source '{name}' is listed twice");
            var starts = Strings(s, "startUrls").Select(u => Url(name, u)).ToList();
            if (starts.Count == 0) throw new FormatException($"source '{name}' has no startUrls");
            sources.Add(new CrawlSource(name, String(s, "province"), starts)
            {
                AllowedHosts = Strings(s, "allowedHosts").ToList() is { Count: > 0 } hosts ? hosts : starts.Select(u => u.Host).Distinct().ToList(),
                ArticlePatterns = Strings(s, "articlePatterns").Select(p => Pattern(name, p)).ToList(),
                ListingPatterns = Strings(s, "listingPatterns").Select(p => Pattern(name, p)).ToList(),
                PaginationPattern = String(s, "pagination") is { } pag ? Pattern(name, pag) : null,
                MaxDepth = Int(s, defaults, "maxDepth") ?? int.MaxValue,
                MaxPages = Int(s, defaults, "maxPages"),
                RevisitInterval = Int(s, defaults, "revisitHours") is { } h ? TimeSpan.FromHours(h) : null,
                DelayMs = Int(s, defaults, "delayMs"),
            });
        }
        return sources;
    }

    public static IReadOnlyList<CrawlSource> Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The bundled sources: the copy embedded in the library (so any working directory works), else the file next to
    /// the program or in the repository it was built from; null when neither exists.
    /// </summary>
    public static IReadOnlyList<CrawlSource>? LoadBundled()
    {
        if (EmbeddedData.List(BundledPath).Contains(BundledPath, StringComparer.Ordinal))
        {
            try
            {
                return Parse(EmbeddedData.ReadText(BundledPath));
            }
            catch (JsonException e)
            {
                throw new FormatException($"{BundledPath} (embedded): not valid JSON: {e.Message}", e);
            }
        }
        return FindBundled() is { } path ? Load(path) : null;
    }

    /// <summary>The bundled sources file: next to the program, else in the repository the program was built from.</summary>
    public static string? FindBundled()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, BundledPath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static Uri Url(string source, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u
            : throw new FormatException($"source '{source}': '{value}' is not an http(s) URL");

    private static Regex Pattern(string source, string value)
    {
        try
        {
            return new Regex(value, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"source '{source}': bad pattern '{value}': {e.Message}", e);
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];

    private static int? Int(JsonElement e, JsonElement defaults, string name)
    {
        if (e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i)) return i;
        if (defaults.ValueKind == JsonValueKind.Object && defaults.TryGetProperty(name, out var dv) && dv.TryGetInt32(out var di)) return di;
        return null;
    }
}

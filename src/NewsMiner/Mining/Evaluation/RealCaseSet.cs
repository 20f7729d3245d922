using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NewsMiner.Mining;

/// <summary>
/// One passage of the real-text development set: where the page is, the hash of its text (the text itself is
/// third-party and lives outside the repository), what the page shows as its date, and the gold figures, each located
/// by the character offset of its number instead of a copied sentence.
/// </summary>
public sealed record RealCase(
    string Id,
    string Url,
    string Sha256,
    int Length,
    string Query,
    string Site,
    string? SiteProvince,
    string SiteKind,
    DateOnly? Published,
    int? Year,
    string Split,
    IReadOnlyList<GoldFigure> Figures,
    IReadOnlyList<int> FigureOffsets);

/// <summary>A case's text as found in the local text folder, or why it cannot be scored.</summary>
public sealed record RealCaseText(RealCase Case, string? Text, string? Problem);

/// <summary>Reads data/eval/real/cases.jsonl and checks each case's text against its recorded hash.</summary>
public static class RealCaseSet
{
    /// <summary>The two parts of the set: scored freely while working, and scored only when a round of work ends.</summary>
    public const string Development = "dev";
    public const string Sealed = "sealed";

    /// <summary>Environment variable naming the local folder of the texts (the --texts option wins over it).</summary>
    public const string TextsVariable = "NEWSMINER_REAL_TEXTS";

    public static bool IsCaseFile(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<RealCase> Load(string jsonl, string sourceName)
    {
        var cases = new List<RealCase>();
        var lineNumber = 0;
        foreach (var line in jsonl.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { cases.Add(Read(line)); }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{sourceName}:{lineNumber}: not a real-text case ({e.Message})", e);
            }
        }
        return cases;
    }

    private static RealCase Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var c = doc.RootElement;
        var figures = c.GetProperty("figures").EnumerateArray().ToList();
        return new RealCase(
            c.GetProperty("id").GetString()!,
            c.GetProperty("url").GetString()!,
            c.GetProperty("sha256").GetString()!,
            c.GetProperty("length").GetInt32(),
            Str(c, "query") ?? "",
            c.GetProperty("site").GetString()!,
            Str(c, "site_province"),
            Str(c, "site_kind") ?? "other",
            Str(c, "published") is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            c.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
            Str(c, "split") ?? Development,
            figures.Select(FigureScorer.ReadGoldFigure).ToList(),
            figures.Select(f => f.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.Number ? at.GetInt32() : -1).ToList());
    }

    /// <summary>
    /// The case's text from <paramref name="folder"/> (file "{id}.txt"), or the reason it is not scored: missing, or
    /// not the text that was annotated (hash differs).
    /// </summary>
    public static RealCaseText ReadText(RealCase c, string folder)
    {
        var path = Path.Combine(folder, c.Id + ".txt");
        if (!File.Exists(path)) return new RealCaseText(c, null, $"{path}: missing");
        var bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(hash, c.Sha256, StringComparison.OrdinalIgnoreCase))
            return new RealCaseText(c, null, $"{path}: sha256 {hash[..12]}… is not the annotated text's {c.Sha256[..12]}…");
        return new RealCaseText(c, Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>The text folder: the given one, else $NEWSMINER_REAL_TEXTS, else ../real-texts beside the repository.</summary>
    public static string? ResolveTextFolder(string? given, string caseFile)
    {
        if (given is not null) return given;
        if (Environment.GetEnvironmentVariable(TextsVariable) is { Length: > 0 } fromEnv) return fromEnv;
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(caseFile))!); dir is not null; dir = dir.Parent)
        {
            if (!Directory.Exists(Path.Combine(dir.FullName, ".git")) && !File.Exists(Path.Combine(dir.FullName, ".git"))) continue;
            var beside = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "real-texts");
            return Directory.Exists(beside) ? beside : null;
        }
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

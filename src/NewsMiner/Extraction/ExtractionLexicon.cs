using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMiner.Extraction;

/// <summary>
/// The language knowledge of the extractor, compiled once from data/language/dates.json and boilerplate.json.
/// Every regex is built here and nowhere else, with a timeout because scraped text is hostile input.
/// </summary>
internal sealed class ExtractionLexicon
{
    // Wall-clock, not CPU: on a loaded 2-core machine a thread can sit descheduled for a few hundred milliseconds, and a
    // page must not fail for that; two seconds still stops catastrophic backtracking on hostile text.
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Lazy<ExtractionLexicon> DefaultLexicon = new(() =>
        new ExtractionLexicon(EmbeddedData.ReadText("data/language/dates.json"), EmbeddedData.ReadText("data/language/boilerplate.json")));

    public static ExtractionLexicon Default => DefaultLexicon.Value;

    public TimeSpan UtcOffset { get; }
    public IReadOnlyList<(DayOfWeek Day, string Name)> Weekdays { get; }
    public Regex WeekdayRegex { get; }
    public IReadOnlyList<Regex> DatePatterns { get; }
    /// <summary>Dates inside longer lines (a metadata hint, a date closing a headline), used when no date line exists.</summary>
    public IReadOnlyList<Regex> EmbeddedDatePatterns { get; }
    /// <summary>Dates in article URLs (/201609/, /2016/09/12/, -10042012-), for pages that print none.</summary>
    public IReadOnlyList<Regex> UrlDatePatterns { get; }
    public Regex TimePattern { get; }
    public IReadOnlySet<string> PmMarkers { get; }
    public IReadOnlySet<string> AmMarkers { get; }
    public Regex ZonePattern { get; }
    public IReadOnlyList<Regex> ViewCounters { get; }
    public Regex PublishedLabel { get; }
    public Regex UpdatedLabel { get; }
    public Regex UploaderSegment { get; }
    public Regex FillerWords { get; }
    public IReadOnlySet<string> NotNameWords { get; }
    public int MaxNameWords { get; }
    public Regex LabelledByline { get; }
    public Regex Attribution { get; }

    public IReadOnlyList<(string Reason, Regex Pattern)> CutRules { get; }
    public IReadOnlyList<(string Reason, Regex Pattern)> LineRules { get; }
    public IReadOnlyList<string> TransportErrors { get; }
    public IReadOnlyList<string> PositiveHints { get; }
    public IReadOnlyList<string> LeadHints { get; }
    public IReadOnlyList<string> NotLeadHints { get; }
    public IReadOnlyList<(string Reason, string Hint)> NegativeHints { get; }
    public IReadOnlyDictionary<string, string> ElementTags { get; }
    public ClassHints ClassHints { get; }

    public ExtractionLexicon(string datesJson, string boilerplateJson)
    {
        using var dates = JsonDocument.Parse(datesJson);
        var d = dates.RootElement;
        UtcOffset = TimeSpan.Parse(d.GetProperty("utcOffset").GetString()!.TrimStart('+'), CultureInfo.InvariantCulture);
        var weekdays = new List<(DayOfWeek, string)>();
        foreach (var day in d.GetProperty("weekdays").EnumerateObject())
        {
            var dow = Enum.Parse<DayOfWeek>(day.Name);
            foreach (var name in day.Value.EnumerateArray()) weekdays.Add((dow, name.GetString()!));
        }
        Weekdays = weekdays;
        WeekdayRegex = Words(weekdays.Select(w => w.Item2));
        DatePatterns = d.GetProperty("datePatterns").EnumerateArray()
            .Select(p => new Regex(p.GetProperty("regex").GetString()!, Opts, RegexTimeout)).ToList();
        EmbeddedDatePatterns = d.GetProperty("embeddedDatePatterns").EnumerateArray()
            .Select(p => new Regex(p.GetProperty("regex").GetString()!, RegexOptions.CultureInvariant, RegexTimeout)).ToList();
        UrlDatePatterns = d.GetProperty("urlDatePatterns").EnumerateArray()
            .Select(p => new Regex(p.GetProperty("regex").GetString()!, RegexOptions.CultureInvariant, RegexTimeout)).ToList();
        TimePattern = new Regex(d.GetProperty("timePattern").GetString()!, Opts, RegexTimeout);
        PmMarkers = Strings(d, "pmMarkers").Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        AmMarkers = Strings(d, "amMarkers").Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        ZonePattern = new Regex(d.GetProperty("zonePattern").GetString()!, Opts, RegexTimeout);
        ViewCounters = Strings(d, "viewCounterPatterns").Select(p => new Regex(p, Opts, RegexTimeout)).ToList();
        PublishedLabel = Words(Strings(d, "publishedLabels"));
        UpdatedLabel = Words(Strings(d, "updatedLabels"));
        // The uploader account runs from its label to the next " - " or the end of the line.
        UploaderSegment = new Regex(
            "(?<!\\p{L})(?:" + string.Join('|', Strings(d, "uploaderLabels").OrderByDescending(s => s.Length).Select(Regex.Escape)) +
            ")\\s*:?\\s*(?<user>[^|]*?)\\s*(?=\\s[-–|]\\s|$)",
            Opts, RegexTimeout);
        FillerWords = Words(Strings(d, "fillerWords"));
        NotNameWords = Strings(d, "notNameWords").ToHashSet(StringComparer.OrdinalIgnoreCase);
        MaxNameWords = d.GetProperty("maxNameWords").GetInt32();
        // A byline label owns the whole line: "Bài, ảnh: Thanh Hà", "(Tác giả bài viết: Lê Văn B)".
        LabelledByline = new Regex(
            "^[(\\[]?\\s*(?:" + Alternation(Strings(d, "bylineLabels")) + ")\\s*:\\s*(?<name>[^:]{2,80}?)\\s*[)\\]]?$",
            Opts, RegexTimeout);
        Attribution = new Regex(
            "^[(\\[]?\\s*(?:" + Alternation(Strings(d, "attributionLabels")) + ")\\s*:?\\s*(?<name>[^:]{2,80}?)\\s*[)\\]]?$",
            Opts, RegexTimeout);

        using var boiler = JsonDocument.Parse(boilerplateJson);
        var b = boiler.RootElement;
        CutRules = Rules(b.GetProperty("cut"));
        LineRules = Rules(b.GetProperty("line"));
        TransportErrors = Strings(b, "transportErrors").ToList();
        var hints = b.GetProperty("classHints");
        PositiveHints = Strings(hints, "positive").ToList();
        LeadHints = Strings(hints, "lead").ToList();
        NotLeadHints = Strings(hints, "notLead").ToList();
        NegativeHints = hints.GetProperty("negative").EnumerateObject()
            .SelectMany(g => g.Value.EnumerateArray().Select(h => (g.Name, h.GetString()!))).ToList();
        ClassHints = new ClassHints(PositiveHints, NegativeHints);
        ElementTags = b.GetProperty("elementTags").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The reason of the first cut rule matching the line, or null.</summary>
    public string? MatchCut(string line) => Match(CutRules, line);

    /// <summary>The reason of the first single-line rule matching the line, or null.</summary>
    public string? MatchLine(string line) => Match(LineRules, line);

    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace("\\ ", "\\s+", StringComparison.Ordinal)));

    private static string? Match(IReadOnlyList<(string Reason, Regex Pattern)> rules, string line)
    {
        foreach (var (reason, pattern) in rules)
        {
            if (pattern.IsMatch(line)) return reason;
        }
        return null;
    }

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!);

    private static List<(string, Regex)> Rules(JsonElement groups) =>
        groups.EnumerateArray()
            .SelectMany(g => g.GetProperty("patterns").EnumerateArray()
                .Select(p => (g.GetProperty("reason").GetString()!, new Regex(p.GetString()!, Opts, RegexTimeout))))
            .ToList();

    // A list of literal words or phrases as one alternation, longest first, not glued to other letters; spaces in a
    // phrase match any run of spaces.
    private static Regex Words(IEnumerable<string> words) =>
        new("(?<!\\p{L})(?:" + Alternation(words) + ")(?!\\p{L})", Opts, RegexTimeout);
}

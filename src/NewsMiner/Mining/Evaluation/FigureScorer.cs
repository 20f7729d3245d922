using System.Globalization;
using System.Text.Json;
using NewsMiner.Text;

namespace NewsMiner.Mining;

/// <summary>A gold figure as annotated (figure-schema v1 fields, confidence and offsets not scored).</summary>
public sealed record GoldFigure(
    string Metric,
    string? Segment,
    decimal Value,
    decimal? ValueMax,
    string? Qualifier,
    bool PerYear,
    string? Period,
    Locality Locality,
    string? Evidence);

/// <summary>One annotated document of a gold file in the format of seeds-gold.json.</summary>
public sealed record GoldDocument(
    string Name,
    string? Title,
    DateOnly? Published,
    string? SiteProvince,
    string? Author,
    IReadOnlyList<GoldFigure> Figures,
    IReadOnlyList<string> Negatives);

/// <summary>Precision, recall and F1 from counts.</summary>
public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public static Score Zero { get; } = new(0, 0, 0);
}

/// <summary>The outcome of scoring one document: strict and lenient scores, and every miss and extra.</summary>
public sealed record DocumentScore(
    string Name,
    Score Strict,
    Score Lenient,
    IReadOnlyDictionary<string, Score> StrictByMetric,
    IReadOnlyList<GoldFigure> Misses,
    IReadOnlyList<Figure> Extras);

/// <summary>
/// Scores predicted figures against gold as figure-schema v1's Scoring section says: a prediction matches a gold
/// figure when metric, segment, value (and value_max) within 0.01, every locality level gold fills, and the first and
/// last year of the period agree; each gold figure matches at most one prediction. Lenient compares metric, segment and
/// value only. Metrics outside schema v1 are ignored.
/// </summary>
public static class FigureScorer
{
    private static readonly HashSet<string> ScoredMetrics =
    [
        "new_members", "new_members_target", "target_attainment_pct", "total_members", "party_cells", "grassroots_orgs",
        "awareness_trainees", "new_member_trainees", "member_share_pct",
    ];

    private static readonly string[] UnitPrefixes = ["đảng bộ ", "đảng ủy ", "chi bộ "];

    public static bool IsScored(Metric metric) => ScoredMetrics.Contains(metric.ToSchemaName());

    /// <summary>One line for reports: metric, segment, value(-max), period, province/district/commune/unit.</summary>
    public static string Describe(GoldFigure g) =>
        Describe(g.Metric, g.Segment, g.Value, g.ValueMax, g.Period, g.Locality) + (g.Evidence is null ? "" : " | " + g.Evidence);

    public static string Describe(Figure f) => Describe(f.Metric.ToSchemaName(), f.Segment, f.Value, f.ValueMax, f.Period, f.Locality);

    private static string Describe(string metric, string? segment, decimal value, decimal? max, string? period, Locality l) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{metric} {segment} {value / 1.0000000000m:0.####}{(max is { } m ? $"-{m / 1.0000000000m:0.####}" : "")} {period} {l.Province}/{l.District}/{l.Commune}/{l.Unit}");

    public static DocumentScore Score(string name, IReadOnlyList<Figure> predicted, IReadOnlyList<GoldFigure> gold)
    {
        var scored = predicted.Where(IsScoredFigure).ToList();
        var (strictMatched, strictUsed) = Match(scored, gold, StrictMatch);
        var (lenientMatched, _) = Match(scored, gold, LenientMatch);

        var misses = gold.Where((_, i) => !strictMatched[i]).ToList();
        var extras = scored.Where((_, i) => !strictUsed[i]).ToList();
        var byMetric = new Dictionary<string, Score>(StringComparer.Ordinal);
        foreach (var metric in ScoredMetrics)
        {
            var tp = gold.Where((g, i) => g.Metric == metric && strictMatched[i]).Count();
            var fn = gold.Count(g => g.Metric == metric) - tp;
            var fp = extras.Count(p => p.Metric.ToSchemaName() == metric);
            if (tp + fn + fp > 0) byMetric[metric] = new Score(tp, fp, fn);
        }
        var strictTp = strictMatched.Count(m => m);
        var lenientTp = lenientMatched.Count(m => m);
        return new DocumentScore(name,
            new Score(strictTp, scored.Count - strictTp, gold.Count - strictTp),
            new Score(lenientTp, scored.Count - lenientTp, gold.Count - lenientTp),
            byMetric, misses, extras);
    }

    private static bool IsScoredFigure(Figure f) => ScoredMetrics.Contains(f.Metric.ToSchemaName());

    private static (bool[] GoldMatched, bool[] PredictionUsed) Match(List<Figure> predicted, IReadOnlyList<GoldFigure> gold,
        Func<Figure, GoldFigure, bool> matches)
    {
        var goldMatched = new bool[gold.Count];
        var used = new bool[predicted.Count];
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (used[p] || !matches(predicted[p], gold[g])) continue;
                used[p] = true;
                goldMatched[g] = true;
                break;
            }
        }
        return (goldMatched, used);
    }

    public static bool LenientMatch(Figure p, GoldFigure g) =>
        p.Metric.ToSchemaName() == g.Metric && p.Segment == g.Segment && Math.Abs(p.Value - g.Value) <= 0.01m;

    public static bool StrictMatch(Figure p, GoldFigure g)
    {
        if (!LenientMatch(p, g)) return false;
        if (g.ValueMax is null != p.ValueMax is null) return false;
        if (g.ValueMax is { } gm && Math.Abs(p.ValueMax!.Value - gm) > 0.01m) return false;
        if (!SameName(g.Locality.Province, p.Locality.Province)) return false;
        if (!SameName(g.Locality.District, p.Locality.District)) return false;
        if (!SameName(g.Locality.Commune, p.Locality.Commune)) return false;
        if (g.Locality.Unit is not null && UnitKey(g.Locality.Unit) != UnitKey(p.Locality.Unit)) return false;
        return SamePeriodYears(g.Period, p.Period);
    }

    /// <summary>A level gold leaves empty is not compared; a filled one must agree (tone placement aside).</summary>
    private static bool SameName(string? gold, string? predicted) =>
        gold is null || (predicted is not null && VietnameseText.ToneKey(gold) == VietnameseText.ToneKey(predicted));

    private static string UnitKey(string? unit)
    {
        if (unit is null) return string.Empty;
        var key = VietnameseText.ToneKey(unit);
        foreach (var prefix in UnitPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) { key = key[prefix.Length..]; break; }
        }
        return VietnameseText.FoldKey(key);
    }

    public static bool SamePeriodYears(string? gold, string? predicted)
    {
        if (gold is null || predicted is null) return gold is null && predicted is null;
        return PeriodBounds(gold) is { } g && PeriodBounds(predicted) is { } p && g == p;
    }

    /// <summary>First and last year of a schema period: "2016", "2015-2020", "2017-01/2017-11", "2017-02-24".</summary>
    public static (int First, int Last)? PeriodBounds(string period)
    {
        var parts = period.Split('/');
        if (parts.Length == 2) return YearOf(parts[0]) is { } a && YearOf(parts[1]) is { } b ? (a, b) : null;
        var p = period.Trim();
        if (p.Length == 9 && p[4] == '-' && YearOf(p[..4]) is { } s && YearOf(p[5..]) is { } e) return (s, e);
        return YearOf(p) is { } y ? (y, y) : null;
    }

    private static int? YearOf(string s) =>
        s.Length >= 4 && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>Reads a gold file in the format of seeds-gold.json.</summary>
    public static IReadOnlyList<GoldDocument> LoadGold(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new List<GoldDocument>();
        foreach (var d in doc.RootElement.EnumerateArray())
        {
            var figures = d.TryGetProperty("figures", out var fs) ? fs.EnumerateArray().Select(ReadGoldFigure).ToList() : [];
            var negatives = d.TryGetProperty("negatives", out var ns)
                ? ns.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()! : n.GetProperty("text").GetString()!).ToList()
                : [];
            result.Add(new GoldDocument(
                Str(d, "seed") ?? Str(d, "name") ?? Str(d, "id") ?? $"doc{result.Count}",
                Str(d, "title"),
                Str(d, "published") is { } pub ? DateOnly.Parse(pub[..10], CultureInfo.InvariantCulture) : null,
                Str(d, "site_province"),
                Str(d, "author"),
                figures,
                negatives));
        }
        return result;
    }

    public static GoldFigure ReadGoldFigure(JsonElement f)
    {
        var loc = f.GetProperty("locality");
        return new GoldFigure(
            Str(f, "metric")!,
            Str(f, "segment"),
            f.GetProperty("value").GetDecimal(),
            f.TryGetProperty("value_max", out var vm) && vm.ValueKind == JsonValueKind.Number ? vm.GetDecimal() : null,
            Str(f, "qualifier"),
            f.TryGetProperty("per_year", out var py) && py.ValueKind == JsonValueKind.True,
            Str(f, "period"),
            new Locality(Str(loc, "province"), Str(loc, "district"), Str(loc, "commune"), Str(loc, "unit")),
            Str(f, "evidence"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

using System.Globalization;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage;

/// <summary>One figure standing behind a statistic: where it was read and how the article worded it.</summary>
public sealed record StatisticSource(
    long FigureId,
    long ArticleId,
    string ArticleUrl,
    string ArticleTitle,
    DateTimeOffset? Published,
    Qualifier Qualifier,
    double Confidence,
    string Evidence,
    int EvidenceStart,
    int EvidenceLength);

/// <summary>A value (or range) and every source that states it.</summary>
public sealed record StatedValue(decimal Value, decimal? ValueMax, IReadOnlyList<StatisticSource> Sources);

/// <summary>
/// What the sources say about one (organisation, metric, segment, period): figures stating the same value, from several
/// articles or repeated in one, are one statistic with all their sources. When they state different values the statistic
/// is a <see cref="Conflict"/>: every value is kept with its own sources and <see cref="Value"/> is null, never an
/// average or a pick. Qualifiers ("hơn 300" beside "300") do not make a conflict; they stay visible in the sources.
/// </summary>
public sealed record Statistic(
    Metric Metric,
    string? Segment,
    Locality Locality,
    string? Period,
    int? StartYear,
    int? EndYear,
    bool PerYear,
    IReadOnlyList<StatedValue> Values)
{
    public bool Conflict => Values.Count > 1;

    /// <summary>The agreed value; null when the sources disagree.</summary>
    public decimal? Value => Conflict ? null : Values[0].Value;

    public decimal? ValueMax => Conflict ? null : Values[0].ValueMax;

    public IEnumerable<StatisticSource> Sources => Values.SelectMany(v => v.Sources);

    public int ArticleCount => Sources.Select(s => s.ArticleId).Distinct().Count();

    /// <summary>"2016", "2015-2020", or "" when no period is known.</summary>
    public string Years => (StartYear, EndYear) switch
    {
        (null, _) or (_, null) => string.Empty,
        var (s, e) when s == e => s.Value.ToString(CultureInfo.InvariantCulture),
        var (s, e) => string.Create(CultureInfo.InvariantCulture, $"{s}-{e}"),
    };

    /// <summary>The organisation level this statistic belongs to; null for units (a school's cell) and regional figures.</summary>
    public CompareLevel? Level => Locality switch
    {
        { Unit: not null } => null,
        { Commune: not null } => CompareLevel.Commune,
        { District: not null } => CompareLevel.District,
        { Province: not null } => CompareLevel.Province,
        _ => null,
    };
}

/// <summary>Which organisations a comparison puts side by side.</summary>
public enum CompareLevel
{
    Province,
    District,
    Commune,
}

/// <summary>A derived rate shown beside a statistic: new members per 100 members, or percent of the target.</summary>
public enum CompareRate
{
    None,
    Per100Members,
    PctOfTarget,
}

/// <summary>A comparison: one metric at one level, filtered (province, years, source, confidence, segment ...).</summary>
public sealed record CompareRequest(Metric Metric, FigureQuery Filter, CompareLevel Level = CompareLevel.District, CompareRate Rate = CompareRate.None);

/// <summary>
/// A rate and what it was computed from. <see cref="Value"/> is null with <see cref="Missing"/> saying why when the
/// numerator or the denominator is missing, a range, or a conflict: rates come only from agreed values.
/// </summary>
public sealed record RateCell(CompareRate Kind, string Label, decimal? Value, Statistic? Denominator, string? Missing);

/// <summary>One organisation and period: the consolidated statistic, its rate if asked, its rank among its period.</summary>
public sealed record CompareRow(Statistic Statistic, RateCell? Rate, int? Rank);

/// <summary>
/// The figure the parent organisation reported next to the sum of its children's figures for the same metric and period.
/// Both are shown as they are; the sum never stands in for the reported figure. Children whose statistic is a conflict or
/// a range are left out of the sum and listed.
/// </summary>
public sealed record RollUp(
    Locality Parent,
    string? Period,
    int? StartYear,
    int? EndYear,
    bool PerYear,
    Statistic? Reported,
    decimal? SumOfParts,
    int PartsSummed,
    IReadOnlyList<Locality> PartsLeftOut,
    string ReportedLabel,
    string SumLabel);

public sealed record CompareResult(CompareRequest Request, IReadOnlyList<CompareRow> Rows, IReadOnlyList<RollUp> RollUps);

/// <summary>Consolidation of stored figures into statistics, and the comparison tables built from them.</summary>
public static class Statistics
{
    /// <summary>Metrics whose values add up across organisations (percentages do not).</summary>
    public static bool IsAdditive(Metric m) =>
        m is not (Metric.TargetAttainmentPct or Metric.MemberSharePct or Metric.NewMemberSharePct);

    public static IReadOnlyList<Statistic> Consolidate(IEnumerable<StoredFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var groups = new Dictionary<StatisticKey, List<StoredFigure>>();
        foreach (var f in figures)
        {
            var key = new StatisticKey(f.Metric, f.Segment, Org(f.Locality), f.Period, f.PerYear);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(f);
        }
        return groups.Values.Select(Build).OrderBy(s => s, StatisticOrder.Instance).ToList();
    }

    public static CompareResult Compare(CompareRequest request, IReadOnlyList<Statistic> statistics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(statistics);
        var byKey = statistics.ToDictionary(s => (s.Metric, s.Segment, Org: Org(s.Locality), s.Period, s.PerYear));
        var inRange = statistics.Where(s =>
            (request.Filter.FromYear is not { } from || s.StartYear >= from) && (request.Filter.ToYear is not { } to || s.EndYear <= to));
        var chosen = inRange.Where(s => s.Metric == request.Metric && s.Level == request.Level).ToList();

        var totals = statistics.Where(s => s.Metric == Metric.TotalMembers && s.EndYear is not null)
            .ToLookup(s => (Org: Org(s.Locality), s.Segment));
        var rated = chosen.Select(s => (Statistic: s, Rate: Rate(request, s, totals, byKey))).ToList();
        var ranks = new Dictionary<Statistic, int>();
        foreach (var period in rated.GroupBy(r => (r.Statistic.Period, r.Statistic.PerYear)))
        {
            var scored = period
                .Select(r => (r.Statistic, Score: request.Rate == CompareRate.None ? r.Statistic.ValueMax is null ? r.Statistic.Value : null : r.Rate?.Value))
                .Where(x => x.Score is not null)
                .OrderByDescending(x => x.Score)
                .ToList();
            for (var i = 0; i < scored.Count; i++)
            {
                // Competition ranking: equal scores share a rank and the next rank skips.
                ranks[scored[i].Statistic] = i > 0 && scored[i].Score == scored[i - 1].Score ? ranks[scored[i - 1].Statistic] : i + 1;
            }
        }
        var rows = rated.Select(r => new CompareRow(r.Statistic, r.Rate, ranks.TryGetValue(r.Statistic, out var k) ? k : null)).ToList();
        return new CompareResult(request, rows, RollUps(request, chosen, statistics));
    }

    private static IReadOnlyList<RollUp> RollUps(CompareRequest request, List<Statistic> chosen, IReadOnlyList<Statistic> all)
    {
        if (request.Level == CompareLevel.Province || !IsAdditive(request.Metric)) return [];
        var parents = all
            .Where(s => s.Metric == request.Metric && s.Level is { } l && l < request.Level)
            .ToDictionary(s => (Org: Org(s.Locality), s.Segment, s.Period, s.PerYear));
        var result = new List<RollUp>();
        var childName = request.Level == CompareLevel.District ? "district" : "commune";
        foreach (var g in chosen.GroupBy(s => (Parent: ParentOf(s.Locality), s.Segment, s.Period, s.PerYear)))
        {
            var first = g.First();
            parents.TryGetValue((Org(g.Key.Parent), g.Key.Segment, g.Key.Period, g.Key.PerYear), out var reported);
            var summable = g.Where(s => s.Value is not null && s.ValueMax is null).ToList();
            var leftOut = g.Where(s => s.Value is null || s.ValueMax is not null).Select(s => s.Locality).ToList();
            var parentName = g.Key.Parent.District is not null ? "district" : "province";
            result.Add(new RollUp(
                reported?.Locality ?? g.Key.Parent, g.Key.Period, first.StartYear, first.EndYear, g.Key.PerYear, reported,
                summable.Count == 0 ? null : summable.Sum(s => s.Value!.Value), summable.Count, leftOut,
                $"reported {parentName} figure",
                $"sum of {summable.Count} {childName} figure(s) in the store" + (leftOut.Count > 0 ? $", {leftOut.Count} left out (conflict or range)" : "")));
        }
        return result
            .OrderBy(r => r.Parent.Province, StringComparer.Ordinal).ThenBy(r => r.Parent.District, StringComparer.Ordinal)
            .ThenBy(r => r.StartYear).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.PerYear)
            .ToList();
    }

    private static RateCell? Rate(
        CompareRequest request, Statistic s, ILookup<(OrgKey, string?), Statistic> totals,
        Dictionary<(Metric, string?, OrgKey, string?, bool), Statistic> byKey)
    {
        switch (request.Rate)
        {
            case CompareRate.Per100Members:
            {
                // Members at the same year's end when stated, else at the previous year's: the stock the admissions are set against.
                var denominator = totals[(Org(s.Locality), s.Segment)]
                    .Where(d => d.EndYear == s.EndYear || d.EndYear == s.EndYear - 1)
                    .OrderByDescending(d => d.EndYear).ThenByDescending(d => d.Period, StringComparer.Ordinal)
                    .FirstOrDefault();
                var label = denominator is null ? "per 100 members" : $"per 100 members (total_members {denominator.Period})";
                return Divide(CompareRate.Per100Members, label, s, denominator, "no total_members for the year or the year before");
            }
            case CompareRate.PctOfTarget:
            {
                byKey.TryGetValue((Metric.NewMembersTarget, s.Segment, Org(s.Locality), s.Period, s.PerYear), out var target);
                return Divide(CompareRate.PctOfTarget, "% of target (new_members_target, same period)", s, target, "no new_members_target for the same period");
            }
            default:
                return null;
        }
    }

    private static RateCell Divide(CompareRate kind, string label, Statistic numerator, Statistic? denominator, string none)
    {
        string? missing = null;
        if (numerator.Conflict) missing = "sources disagree on the value";
        else if (numerator.ValueMax is not null) missing = "the value is a range";
        else if (denominator is null) missing = none;
        else if (denominator.Conflict) missing = $"sources disagree on the {denominator.Metric.ToSchemaName()}";
        else if (denominator.ValueMax is not null || denominator.Value is null or 0) missing = $"{denominator.Metric.ToSchemaName()} is a range or zero";
        var value = missing is null ? Math.Round(numerator.Value!.Value * 100m / denominator!.Value!.Value, 2) : (decimal?)null;
        return new RateCell(kind, label, value, denominator, missing);
    }

    private static Statistic Build(List<StoredFigure> figures)
    {
        var best = figures.OrderByDescending(f => f.Confidence).ThenBy(f => f.Id).First();
        var values = figures
            .GroupBy(f => (f.Value, f.ValueMax))
            .Select(g => new StatedValue(g.Key.Value, g.Key.ValueMax, g.OrderBy(f => f.ArticleId).ThenBy(f => f.Id).Select(Source).ToList()))
            .OrderBy(v => v.Value).ThenBy(v => v.ValueMax)
            .ToList();
        return new Statistic(best.Metric, best.Segment, best.Locality, best.Period, best.PeriodStartYear, best.PeriodEndYear, best.PerYear, values);
    }

    private static StatisticSource Source(StoredFigure f) => new(
        f.Id, f.ArticleId, f.ArticleUrl, f.ArticleTitle, f.Published, f.Qualifier, f.Confidence, f.Evidence, f.EvidenceStart, f.EvidenceLength);

    /// <summary>An organisation's identity: at each level the official code when the miner resolved one, else the
    /// case- and tone-folded name.</summary>
    internal static OrgKey Org(Locality l) => new(
        l.ProvinceCode ?? NewsStore.PlaceKey(l.Province),
        l.DistrictCode ?? NewsStore.PlaceKey(l.District),
        l.CommuneCode ?? NewsStore.PlaceKey(l.Commune),
        NewsStore.PlaceKey(l.Unit));

    private static Locality ParentOf(Locality l) => l.Commune is not null && l.District is not null
        ? new Locality(l.Province, l.District, null, null, l.ProvinceCode, l.DistrictCode)
        : new Locality(l.Province, null, null, null, l.ProvinceCode);

    internal readonly record struct OrgKey(string? Province, string? District, string? Commune, string? Unit);

    private readonly record struct StatisticKey(Metric Metric, string? Segment, OrgKey Org, string? Period, bool PerYear);

    private sealed class StatisticOrder : IComparer<Statistic>
    {
        public static readonly StatisticOrder Instance = new();

        public int Compare(Statistic? x, Statistic? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var c = string.CompareOrdinal(x.Locality.Province, y.Locality.Province);
            if (c == 0) c = string.CompareOrdinal(x.Locality.District, y.Locality.District);
            if (c == 0) c = string.CompareOrdinal(x.Locality.Commune, y.Locality.Commune);
            if (c == 0) c = string.CompareOrdinal(x.Locality.Unit, y.Locality.Unit);
            if (c == 0) c = x.Metric.CompareTo(y.Metric);
            if (c == 0) c = string.CompareOrdinal(x.Segment, y.Segment);
            if (c == 0) c = Nullable.Compare(x.StartYear, y.StartYear);
            if (c == 0) c = Nullable.Compare(x.EndYear, y.EndYear);
            if (c == 0) c = string.CompareOrdinal(x.Period, y.Period);
            if (c == 0) c = x.PerYear.CompareTo(y.PerYear);
            return c;
        }
    }
}

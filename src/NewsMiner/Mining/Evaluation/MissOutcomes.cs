namespace NewsMiner.Mining;

/// <summary>Why a gold figure was not matched: what the nearest unmatched prediction got wrong, if any came close.</summary>
public enum MissKind
{
    /// <summary>No prediction carries the gold value.</summary>
    NeverEmitted,
    /// <summary>The value was emitted under another metric.</summary>
    WrongMetric,
    /// <summary>Metric and value right, segment wrong.</summary>
    WrongSegment,
    /// <summary>Metric, segment and value right; the organisation (province, district, commune or unit) wrong.</summary>
    WrongOrganisation,
    /// <summary>Everything right but the period's years.</summary>
    WrongPeriod,
    /// <summary>Metric, segment and value right; both organisation and period wrong.</summary>
    WrongPeriodAndOrganisation,
}

/// <summary>A gold figure that was missed, with its kind and the prediction that came closest.</summary>
public sealed record Miss(GoldFigure Gold, MissKind Kind, Figure? Nearest);

/// <summary>The outcome table of one document: each miss with its kind, and the predictions that match nothing.</summary>
public sealed record DocumentOutcomes(IReadOnlyList<Miss> Misses, IReadOnlyList<Figure> Extras);

/// <summary>
/// Sorts what strict scoring left over into the outcome table: each missed gold figure takes the closest prediction
/// not already matched (same value first; then as much of segment, metric, organisation and period as agrees), and
/// the predictions no miss takes are extras that match no gold figure at all.
/// </summary>
public static class MissOutcomes
{
    public static DocumentOutcomes Classify(DocumentScore score, IReadOnlyList<Figure> predicted)
    {
        var pool = predicted.Where(p => !FigureScorer.IsScored(p.Metric)).Concat(score.Extras).ToList();
        var misses = new List<Miss>();
        foreach (var gold in score.Misses)
        {
            var (kind, nearest) = Nearest(gold, pool);
            if (nearest is not null) pool.Remove(nearest);
            misses.Add(new Miss(gold, kind, nearest));
        }
        return new DocumentOutcomes(misses, pool.Where(p => FigureScorer.IsScored(p.Metric)).ToList());
    }

    private static (MissKind, Figure?) Nearest(GoldFigure gold, List<Figure> pool)
    {
        var sameValue = pool.Where(p => Math.Abs(p.Value - gold.Value) <= 0.01m).ToList();
        var sameMetric = sameValue.Where(p => p.Metric.ToSchemaName() == gold.Metric).ToList();
        var sameSegment = sameMetric.Where(p => p.Segment == gold.Segment).ToList();
        if (sameSegment.Count > 0)
        {
            if (sameSegment.FirstOrDefault(p => SameOrganisation(gold, p)) is { } wrongPeriod) return (MissKind.WrongPeriod, wrongPeriod);
            if (sameSegment.FirstOrDefault(p => FigureScorer.SamePeriodYears(gold.Period, p.Period)) is { } wrongOrg) return (MissKind.WrongOrganisation, wrongOrg);
            return (MissKind.WrongPeriodAndOrganisation, sameSegment[0]);
        }
        if (sameMetric.Count > 0) return (MissKind.WrongSegment, sameMetric[0]);
        if (sameValue.Count > 0) return (MissKind.WrongMetric, sameValue[0]);
        return (MissKind.NeverEmitted, null);
    }

    /// <summary>The organisation as strict scoring compares it: every level gold fills.</summary>
    private static bool SameOrganisation(GoldFigure gold, Figure p)
    {
        var asGold = gold with { Metric = p.Metric.ToSchemaName(), Segment = p.Segment, Value = p.Value, ValueMax = p.ValueMax, Period = p.Period };
        return FigureScorer.StrictMatch(p, asGold);
    }

    /// <summary>The report's name of a miss kind.</summary>
    public static string Label(MissKind kind) => kind switch
    {
        MissKind.NeverEmitted => "value never emitted",
        MissKind.WrongMetric => "right value, wrong metric",
        MissKind.WrongSegment => "wrong segment",
        MissKind.WrongOrganisation => "wrong organisation",
        MissKind.WrongPeriod => "wrong period",
        MissKind.WrongPeriodAndOrganisation => "wrong period and organisation",
        _ => kind.ToString(),
    };

}

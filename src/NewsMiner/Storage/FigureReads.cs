using NewsMiner.Mining;

namespace NewsMiner.Storage;

/// <summary>The reads both engines build from a figure stream: the membership table and the statistics query of compare.</summary>
internal static class FigureReads
{
    /// <summary>The figures a comparison needs: its metric, the rate's denominator metric, whole organisations unless a segment is named.</summary>
    public static FigureQuery StatisticsQuery(CompareRequest request)
    {
        var metrics = new List<Metric> { request.Metric };
        if (request.Rate == CompareRate.Per100Members) metrics.Add(Metric.TotalMembers);
        if (request.Rate == CompareRate.PctOfTarget) metrics.Add(Metric.NewMembersTarget);
        return request.Filter with
        {
            Metric = null,
            Metrics = metrics.Distinct().ToList(),
            Segment = request.Filter.Segment ?? FigureQuery.WholeOrganisation,
            FromYear = request.Filter.FromYear - (request.Rate == CompareRate.Per100Members ? 1 : 0),
        };
    }

    /// <summary>
    /// Membership counts side by side per organisation and period, from whole-organisation figures matching
    /// <paramref name="q"/> (its metric filter, if any, narrows the three compared metrics).
    /// </summary>
    public static async Task<IReadOnlyList<LocalityYearRow>> CompareRowsAsync(
        Func<FigureQuery, CancellationToken, IAsyncEnumerable<StoredFigure>> query, FigureQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        Metric[] compared = [Metric.NewMembers, Metric.NewMembersTarget, Metric.TotalMembers];
        var groups = new Dictionary<CompareKey, List<StoredFigure>>();
        foreach (var metric in compared.Where(m => q.Metric is null || q.Metric == m))
        {
            await foreach (var f in query(q with { Metric = metric }, ct).ConfigureAwait(false))
            {
                if (f.Segment is not null) continue;
                var key = new CompareKey(f.Province, f.District, f.Commune, f.Unit, f.PeriodStartYear, f.PeriodEndYear, f.PerYear);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(f);
            }
        }
        return groups
            .OrderBy(g => g.Key.Province, StringComparer.Ordinal)
            .ThenBy(g => g.Key.District, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Commune, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .ThenBy(g => g.Key.StartYear).ThenBy(g => g.Key.EndYear).ThenBy(g => g.Key.PerYear)
            .Select(g => new LocalityYearRow(
                g.Key.Province, g.Key.District, g.Key.Commune, g.Key.Unit, g.Key.StartYear, g.Key.EndYear, g.Key.PerYear,
                Cell(g.Value, Metric.NewMembers), Cell(g.Value, Metric.NewMembersTarget), Cell(g.Value, Metric.TotalMembers),
                g.Value.Select(f => f.ArticleId).Distinct().Count()))
            .ToList();
    }

    private static MetricCell? Cell(List<StoredFigure> figures, Metric metric)
    {
        var these = figures.Where(f => f.Metric == metric).ToList();
        if (these.Count == 0) return null;
        // The value most sources state wins the display slot; ties go to the more confident figure. Never averaged.
        var shown = these
            .GroupBy(f => f.Value)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(f => f.Confidence))
            .ThenBy(g => g.Key)
            .First().Key;
        var distinct = these.Select(f => f.Value).Distinct().Order().ToList();
        return new MetricCell(shown, distinct.Count > 1, distinct, these.Count);
    }

    private sealed record CompareKey(string? Province, string? District, string? Commune, string? Unit, int? StartYear, int? EndYear, bool PerYear);
}

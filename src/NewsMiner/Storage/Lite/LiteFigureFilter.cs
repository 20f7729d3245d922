using LiteDB;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// A <see cref="FigureQuery"/> over the figures collection: the metric index narrows what is read, the rest of the
/// filter is tested in memory with the SQL store's rules (a place by name key or official code, a missing year never
/// inside a range). A figure carries its article's URL, title, date and host, so no query reads an article.
/// </summary>
internal sealed class LiteFigureFilter(FigureQuery q)
{
    private readonly string? _provinceKey = NewsStore.PlaceKey(q.Province);
    private readonly string? _districtKey = NewsStore.PlaceKey(q.District);
    private readonly string? _communeKey = NewsStore.PlaceKey(q.Commune);

    /// <summary>The metrics to read through the index, or null to scan in id order.</summary>
    public IReadOnlyList<string>? IndexedMetrics => q.Metric is { } m
        ? [m.ToSchemaName()]
        : q.Metrics is { Count: > 0 } ms ? ms.Select(x => x.ToSchemaName()).Distinct(StringComparer.Ordinal).ToList() : null;

    public List<StoredFigure> ReadByMetric(LiteDatabase db, IReadOnlyList<string> metrics)
    {
        var found = new Dictionary<long, StoredFigure>();
        foreach (var f in Candidates(db, metrics))
        {
            if (!found.ContainsKey(f.Id) && Matches(f)) found[f.Id] = ToStored(f);
        }
        var list = found.Values.ToList();
        list.Sort(static (x, y) => x.Id.CompareTo(y.Id));
        return list;
    }

    /// <summary>A superset of the matching figures: the metric-and-province slices when the query names a province, else the metrics.</summary>
    private IEnumerable<FigureDoc> Candidates(LiteDatabase db, IReadOnlyList<string> metrics)
    {
        var codes = new List<string>();
        var keys = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Province))
        {
            codes.Add(q.Province.Trim());
            keys.Add(_provinceKey!);
        }
        else if (q.ProvinceIn is { } set)
        {
            codes.AddRange(set.Codes);
            keys.AddRange(set.Keys);
        }
        if (codes.Count == 0 && keys.Count == 0 && q.ProvinceIn is null)
            return metrics.SelectMany(m => db.Figures().Find(Where.Eq(nameof(FigureDoc.Metric), m)));
        return metrics.SelectMany(m =>
            codes.SelectMany(c => db.Figures().Find(Where.Eq(nameof(FigureDoc.MetricByCode), FigureDoc.Slot(m, c))))
                .Concat(keys.SelectMany(k => db.Figures().Find(Where.Eq(nameof(FigureDoc.MetricByKey), FigureDoc.Slot(m, k))))));
    }

    /// <summary>The matching figures among the next <paramref name="size"/> after id <paramref name="after"/>; Last is null at the end.</summary>
    public (List<StoredFigure> Figures, long? Last) ReadChunk(LiteDatabase db, long after, int size)
    {
        var docs = db.Figures().Find(Where.Gt("_id", after), 0, size).ToList();
        var found = docs.Where(Matches).Select(ToStored).ToList();
        return (found, docs.Count < size ? null : docs[^1].Id);
    }

    public bool Matches(FigureDoc f)
    {
        if (q.Metric is { } m && f.Metric != m.ToSchemaName()) return false;
        if (q.Metrics is { Count: > 0 } ms && !ms.Any(x => x.ToSchemaName() == f.Metric)) return false;
        if (!Place(q.Province, _provinceKey, f.ProvinceKey, f.ProvinceCode)) return false;
        if (!Place(q.District, _districtKey, f.DistrictKey, f.DistrictCode)) return false;
        if (!Place(q.Commune, _communeKey, f.CommuneKey, f.CommuneCode)) return false;
        if (q.Year is { } y && !(f.StartYear <= y && f.EndYear >= y)) return false;
        if (q.MinConfidence is { } c && f.Confidence < c) return false;
        if (q.FromYear is { } from && !(f.StartYear >= from)) return false;
        if (q.ToYear is { } to && !(f.EndYear <= to)) return false;
        if (q.Segment is { } segment && (segment == FigureQuery.WholeOrganisation ? f.Segment is not null : f.Segment != segment)) return false;
        if (!InSet(q.ProvinceIn, f.ProvinceKey, f.ProvinceCode) || !InSet(q.DistrictIn, f.DistrictKey, f.DistrictCode) || !InSet(q.CommuneIn, f.CommuneKey, f.CommuneCode))
            return false;
        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            var source = q.Source.Trim();
            if (f.SiteHost != source && !f.ArticleUrl.StartsWith(source, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static bool Place(string? asked, string? askedKey, string? key, string? code) =>
        string.IsNullOrWhiteSpace(asked) || key == askedKey || code == asked.Trim();

    private static bool InSet(PlaceFilter? set, string? key, string? code) =>
        set is null || (key is not null && set.Keys.Contains(key)) || (code is not null && set.Codes.Contains(code));

    public static StoredFigure ToStored(FigureDoc f) => new(
        f.Id, f.ArticleId,
        MetricNames.TryParse(f.Metric, out var m) ? m : throw new StoreException($"Unknown metric '{f.Metric}' in figure {f.Id}"),
        f.Segment, f.Value, f.ValueMax,
        QualifierNames.TryParse(f.Qualifier, out var ql) ? ql : throw new StoreException($"Unknown qualifier '{f.Qualifier}' in figure {f.Id}"),
        f.PerYear, f.Period, f.StartYear, f.EndYear, f.Province, f.District, f.Commune, f.Unit, f.ProvinceCode, f.DistrictCode, f.CommuneCode,
        f.Evidence, f.EvidenceStart, f.EvidenceLength, f.ValueStart, f.Confidence, f.MinerVersion, f.ArticleUrl, f.ArticleTitle, LiteStore.ParseStamp(f.Published));
}

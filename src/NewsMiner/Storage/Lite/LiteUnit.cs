using LiteDB;
using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// Rising numbers kept in memory by the one process that writes the file, read from the file once: asking LiteDB for
/// the maximum at every save cost a sort of the collection.
/// </summary>
internal sealed class LiteCounters
{
    private long _articleSeq = -1;
    private long _frontierSeq = -1;

    /// <summary>Discovery order of frontier URLs (what SQLite's rowid was); only on the store thread.</summary>
    public long NextFrontierSeq(LiteDatabase db)
    {
        if (_frontierSeq < 0) _frontierSeq = db.Frontier().Find(Query.All(nameof(FrontierDoc.Seq), Query.Descending), 0, 1).FirstOrDefault()?.Seq ?? 0;
        return ++_frontierSeq;
    }

    /// <summary>Only on the store thread.</summary>
    public long NextArticleSeq(LiteDatabase db)
    {
        if (_articleSeq < 0) _articleSeq = db.Articles().Find(Query.All(nameof(ArticleDoc.Seq), Query.Descending), 0, 1).FirstOrDefault()?.Seq ?? 0;
        return ++_articleSeq;
    }
}

/// <summary>The store's collections, typed; the auto ids are 64-bit, as the SQL ids were.</summary>
internal static class Docs
{
    public static ILiteCollection<ArticleDoc> Articles(this LiteDatabase db) => db.GetCollection<ArticleDoc>(Collections.Articles, BsonAutoId.Int64);
    public static ILiteCollection<ArticleUrlDoc> ArticleUrls(this LiteDatabase db) => db.GetCollection<ArticleUrlDoc>(Collections.ArticleUrls);
    public static ILiteCollection<BandDoc> Bands(this LiteDatabase db) => db.GetCollection<BandDoc>(Collections.Bands);
    public static ILiteCollection<FigureDoc> Figures(this LiteDatabase db) => db.GetCollection<FigureDoc>(Collections.Figures, BsonAutoId.Int64);
    public static ILiteCollection<FetchDoc> Fetches(this LiteDatabase db) => db.GetCollection<FetchDoc>(Collections.Fetches, BsonAutoId.Int64);
    public static ILiteCollection<FrontierDoc> Frontier(this LiteDatabase db) => db.GetCollection<FrontierDoc>(Collections.Frontier);
    public static ILiteCollection<RunDoc> Runs(this LiteDatabase db) => db.GetCollection<RunDoc>(Collections.Runs, BsonAutoId.Int64);
}

/// <summary>
/// The reads and writes of one unit of work, run on the store thread inside the caller's transaction, so a unit sees
/// what earlier units of the open batch wrote. Every method is synchronous; the <see cref="IStoreUnit"/> face returns
/// completed tasks so the crawl's writer code is the same for both engines.
/// </summary>
internal sealed class LiteUnit(LiteDatabase db, TimeProvider clock, LiteCounters counters) : IStoreUnit
{
    // The band documents the lookup read, reused when the same page's article is saved right after it.
    private readonly Dictionary<long, BandDoc> _bands = [];

    public bool RecordFetch(FetchRecord rec)
    {
        ArgumentNullException.ThrowIfNull(rec);
        db.Fetches().Insert(new FetchDoc
        {
            Url = rec.Url, FetchedAt = LiteStore.Stamp(rec.FetchedAt)!, Status = rec.Status, ErrorClass = rec.ErrorClass,
            Message = rec.Message, ContentHash = rec.ContentHash, DurationMs = rec.DurationMs,
        });
        return true;
    }

    public bool HasHash(string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        // Find with a limit, not Exists/FindOne: those cost milliseconds each in LiteDB 5.0.21 (measured), a limited Find a tenth.
        return db.Articles().Find(Where.Eq(nameof(ArticleDoc.ContentHash), contentHash), 0, 1).Any();
    }

    public bool HasUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return db.ArticleUrls().FindById(url) is not null;
    }

    /// <summary>
    /// Articles sharing at least <see cref="NearDuplicates.MinSharedBands"/> band keys, most shared first. Each band
    /// contributes only its most recent articles: a key shared by hundreds marks a template, not a copy.
    /// </summary>
    public IReadOnlyList<long> IdsSharingBands(IReadOnlyList<long> bands)
    {
        var shared = new Dictionary<long, int>();
        foreach (var doc in ReadBands(bands).Values)
        {
            foreach (var id in doc.Recent) shared[id] = shared.GetValueOrDefault(id) + 1;
        }
        return shared.Where(kv => kv.Value >= NearDuplicates.MinSharedBands)
            .OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key)
            .Take(NearDuplicates.MaxCandidates).Select(kv => kv.Key).ToList();
    }

    /// <summary>The band documents of <paramref name="bands"/> that exist, in one query.</summary>
    private Dictionary<long, BandDoc> ReadBands(IReadOnlyList<long> bands)
    {
        var missing = bands.Distinct().Where(b => !_bands.ContainsKey(b)).Select(b => new BsonValue(b)).ToArray();
        if (missing.Length > 0)
        {
            foreach (var doc in db.Bands().Find(Where.In("_id", missing))) _bands[doc.Key] = doc;
        }
        return bands.Distinct().Where(_bands.ContainsKey).ToDictionary(b => b, b => _bands[b]);
    }

    public string? Text(long id) => db.Articles().FindById(id)?.Text;

    public bool AddUrls(long articleId, IEnumerable<string> urls)
    {
        var known = db.ArticleUrls();
        foreach (var u in urls.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal))
        {
            if (known.FindById(u) is null) known.Insert(new ArticleUrlDoc { Url = u, ArticleId = articleId });
        }
        return true;
    }

    /// <summary>Saves an article keyed by its canonical URL (else its URL), found also under any URL it was stored with, and replaces its figures.</summary>
    public long Save(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(prov);
        var key = article.CanonicalUrl ?? article.Url ?? prov.FetchedUrl
            ?? throw new ArgumentException("An article needs a canonical URL, a URL or a fetched URL to be stored", nameof(article));
        var urls = new[] { key, article.Url, article.CanonicalUrl, prov.FetchedUrl }
            .Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToArray();
        var articles = db.Articles();
        var existing = articles.Find(Where.Eq(nameof(ArticleDoc.CanonicalUrl), key), 0, 1).FirstOrDefault()?.Id
            ?? urls.Select(u => db.ArticleUrls().FindById(u)?.ArticleId).FirstOrDefault(id => id is not null);
        var doc = new ArticleDoc
        {
            Id = existing ?? 0,
            CanonicalUrl = key,
            Url = article.Url,
            SiteHost = prov.SiteHost ?? (Uri.TryCreate(article.Url ?? key, UriKind.Absolute, out var u) ? u.Host : null),
            Title = article.Title,
            Published = LiteStore.Stamp(article.Published),
            PublishedSource = article.PublishedSource.ToString(),
            Author = article.Author,
            TextZ = TextCodec.Pack(article.Text),
            ContentHash = prov.ContentHash,
            ExtractorVersion = prov.ExtractorVersion,
            Language = article.Language,
            FetchedAt = LiteStore.Stamp(prov.FetchedAt),
            StoredAt = LiteStore.Stamp(clock.GetUtcNow()),
            Seq = counters.NextArticleSeq(db),
        };
        long id;
        if (existing is { } known)
        {
            id = known;
            articles.Update(doc);
            db.Figures().DeleteMany(Where.Eq(nameof(FigureDoc.ArticleId), id));
        }
        else
        {
            id = articles.Insert(doc).AsInt64;
        }
        AddUrls(id, urls);
        if (prov.TextBands is { } bands) SaveBands(id, bands);
        doc.Id = id;
        InsertFigures(doc, figures, prov.MinerVersion);
        return id;
    }

    /// <summary>Puts the article first in each of its bands (a re-saved article's old bands keep it: a lookup checks the text anyway).</summary>
    private void SaveBands(long id, IReadOnlyList<long> bands)
    {
        var known = ReadBands(bands);
        var changed = bands.Distinct().Select(b =>
        {
            var recent = known.TryGetValue(b, out var doc) ? doc.Recent.Where(x => x != id) : [];
            return _bands[b] = new BandDoc { Key = b, Recent = recent.Prepend(id).Take(NearDuplicates.MaxArticlesPerBand).ToArray() };
        }).ToList();
        db.Bands().Upsert(changed);
    }

    private void InsertFigures(ArticleDoc article, IReadOnlyList<Figure> figures, string? minerVersion)
    {
        if (figures.Count == 0) return;
        db.Figures().InsertBulk(figures.Select(f => ToDoc(article, f, minerVersion)));
    }

    internal static FigureDoc ToDoc(ArticleDoc article, Figure f, string? minerVersion)
    {
        ArgumentNullException.ThrowIfNull(f);
        var years = PeriodYears.Parse(f.Period);
        Check(f, years);
        var loc = f.Locality ?? Locality.Empty;
        return new FigureDoc
        {
            ArticleId = article.Id, ArticleUrl = article.CanonicalUrl, ArticleTitle = article.Title, Published = article.Published, SiteHost = article.SiteHost,
            Metric = f.Metric.ToSchemaName(), Segment = f.Segment, Value = f.Value, ValueMax = f.ValueMax,
            Qualifier = f.Qualifier.ToSchemaName(), PerYear = f.PerYear, Period = f.Period, StartYear = years?.Start, EndYear = years?.End,
            Province = loc.Province, District = loc.District, Commune = loc.Commune, Unit = loc.Unit,
            ProvinceCode = loc.ProvinceCode, DistrictCode = loc.DistrictCode, CommuneCode = loc.CommuneCode,
            ProvinceKey = NewsStore.PlaceKey(loc.Province), DistrictKey = NewsStore.PlaceKey(loc.District), CommuneKey = NewsStore.PlaceKey(loc.Commune),
            Evidence = f.Evidence, EvidenceStart = f.EvidenceStart, EvidenceLength = f.EvidenceLength, ValueStart = f.ValueStart,
            Confidence = f.Confidence, MinerVersion = minerVersion,
            MetricByCode = loc.ProvinceCode is { } code ? FigureDoc.Slot(f.Metric.ToSchemaName(), code) : null,
            MetricByKey = NewsStore.PlaceKey(loc.Province) is { } key ? FigureDoc.Slot(f.Metric.ToSchemaName(), key) : null,
        };
    }

    /// <summary>The SQL schema's CHECK constraints, kept by hand: a figure that breaks one fails the whole unit.</summary>
    private static void Check(Figure f, PeriodYears? years)
    {
        if (f.EvidenceStart < 0 || f.EvidenceLength < 0 || f.ValueStart < 0)
            throw new StoreException($"Figure '{f.Evidence}': evidence and value offsets must not be negative");
        if (f.Confidence is < 0 or > 1 || double.IsNaN(f.Confidence)) throw new StoreException($"Figure '{f.Evidence}': confidence {f.Confidence} is outside 0..1");
        if (years is { } y && y.End < y.Start) throw new StoreException($"Figure '{f.Evidence}': period {f.Period} ends before it starts");
    }

    // ---- IStoreUnit: the same, as completed tasks ----

    Task IStoreUnit.RecordFetchAsync(FetchRecord rec, CancellationToken ct) => Task.FromResult(RecordFetch(rec));

    Task<bool> IStoreUnit.HasArticleWithHashAsync(string contentHash, CancellationToken ct) => Task.FromResult(HasHash(contentHash));

    Task<bool> IStoreUnit.HasArticleWithUrlAsync(string url, CancellationToken ct) => Task.FromResult(HasUrl(url));

    Task<IReadOnlyList<long>> IStoreUnit.ArticleIdsSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct) => Task.FromResult(IdsSharingBands(bands));

    Task<string?> IStoreUnit.ArticleTextAsync(long id, CancellationToken ct) => Task.FromResult(Text(id));

    Task IStoreUnit.AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct) => Task.FromResult(AddUrls(articleId, urls));

    Task<long> IStoreUnit.SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct) =>
        Task.FromResult(Save(article, figures, prov));
}

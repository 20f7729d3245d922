using System.Globalization;
using LiteDB;
using Microsoft.Data.Sqlite;

namespace NewsMiner.Storage.Lite;

/// <summary>What `newsminer import-store` moved.</summary>
public sealed record ImportReport(long Articles, long Urls, long Figures, long Fetches, long Sources, long FrontierUrls, long Runs);

/// <summary>
/// Moves a SQLite store written by the release before LiteDB (schema <see cref="Migrations.Latest"/>) into a fresh
/// LiteDB store: articles with their URLs, near-duplicate keys and figures, fetches, sources, the crawl frontier and
/// the source runs. The old file is opened read-only and left as it was; articles get new ids, their figures follow.
/// </summary>
public static class SqliteImport
{
    private const int Batch = 2000;

    /// <summary>Checks the old file (it exists and is a NewsMiner SQLite store of the previous release's schema) without writing to it.</summary>
    public static async Task CheckAsync(string sqlitePath, CancellationToken ct)
    {
        await using (await NewsStore.OpenReadOnlyAsync(sqlitePath, ct).ConfigureAwait(false))
        {
        }
    }

    public static async Task<ImportReport> RunAsync(string sqlitePath, INewsStore target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not LiteStore lite) throw new StoreException($"import-store moves a SQLite store into a LiteDB file; {target.Path} is not one");
        await CheckAsync(sqlitePath, ct).ConfigureAwait(false);
        if ((await lite.StatsAsync(ct).ConfigureAwait(false)).Articles > 0)
            throw new StoreException($"Database {lite.Path} already holds articles; import into a new store file");
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(sqlitePath), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        var ids = new Dictionary<long, long>();
        var heads = new Dictionary<long, ArticleDoc>();
        var articles = await CopyAsync(conn, lite, "SELECT id, canonical_url, url, site_host, title, published, published_source, author, text, content_hash, " +
            "extractor_version, language, fetched_at, stored_at FROM articles ORDER BY id", (db, r) =>
            {
                var doc = Article(r, lite);
                doc.Id = ids[r.GetInt64(0)] = db.Articles().Insert(doc).AsInt64;
                // What its figures copy of it (not the text, which the heads would keep in memory).
                heads[doc.Id] = new ArticleDoc { Id = doc.Id, CanonicalUrl = doc.CanonicalUrl, Title = doc.Title, Published = doc.Published, SiteHost = doc.SiteHost };
            }, ct).ConfigureAwait(false);
        await CopyBandsAsync(conn, lite, ids, ct).ConfigureAwait(false);
        var urls = await CopyAsync(conn, lite, "SELECT article_id, url FROM article_urls", (db, r) =>
            db.ArticleUrls().Upsert(new ArticleUrlDoc { Url = r.GetString(1), ArticleId = ids[r.GetInt64(0)] }), ct).ConfigureAwait(false);
        var figures = await CopyAsync(conn, lite, "SELECT * FROM figures ORDER BY id", (db, r) => db.Figures().Insert(Figure(r, ids, heads)), ct).ConfigureAwait(false);
        var fetches = await CopyAsync(conn, lite, "SELECT url, fetched_at, status, error_class, message, content_hash, duration_ms FROM fetches ORDER BY id", (db, r) =>
            db.Fetches().Insert(new FetchDoc
            {
                Url = r.GetString(0), FetchedAt = r.GetString(1), Status = r.GetInt32(2), ErrorClass = Str(r, 3), Message = Str(r, 4), ContentHash = Str(r, 5),
                DurationMs = r.GetInt64(6),
            }), ct).ConfigureAwait(false);
        var sources = await CopyAsync(conn, lite, "SELECT name, province, start_url FROM sources ORDER BY id", (db, r) =>
            db.GetCollection<SourceDoc>(Collections.Sources, BsonAutoId.Int64).Insert(new SourceDoc { Name = r.GetString(0), Province = Str(r, 1), StartUrl = r.GetString(2) }),
            ct).ConfigureAwait(false);
        var frontier = await CopyAsync(conn, lite, "SELECT url, host, source, depth, state, attempts, next_attempt_ms, revisit_ms, discovered_ms, fetched_ms, status, " +
            "error_class, message, etag, last_modified, content_hash, final_url, rowid FROM frontier ORDER BY rowid", (db, r) => db.Frontier().Insert(Frontier(r)), ct)
            .ConfigureAwait(false);
        var runs = await CopyAsync(conn, lite, "SELECT source, started_at, finished_at, pages, new_articles, failures, failures_by_class, last_new_article_at " +
            "FROM source_runs ORDER BY id", (db, r) => db.Runs().Insert(new RunDoc
            {
                Source = r.GetString(0), StartedAt = r.GetString(1), FinishedAt = Str(r, 2), Pages = r.GetInt64(3), NewArticles = r.GetInt64(4), Failures = r.GetInt64(5),
                FailuresByClass = Str(r, 6) is { } json ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [] : [],
                LastNewArticleAt = Str(r, 7),
            }), ct).ConfigureAwait(false);
        return new ImportReport(articles, urls, figures, fetches, sources, frontier, runs);
    }

    /// <summary>Reads rows on this thread and writes them on the store thread, <see cref="Batch"/> rows per transaction.</summary>
    private static async Task<long> CopyAsync(SqliteConnection conn, LiteStore lite, string sql, Action<LiteDatabase, SqliteDataReader> write, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        long count = 0;
        var more = true;
        while (more)
        {
            // The reader is read inside the change, on the store thread, a batch at a time; nothing else uses it meanwhile.
            var (n, left) = await lite.Host.ChangeAsync(db =>
            {
                var done = 0;
                while (done < Batch && r.Read())
                {
                    write(db, r);
                    done++;
                }
                return (done, done == Batch);
            }).WaitAsync(ct).ConfigureAwait(false);
            count += n;
            more = left;
        }
        return count;
    }

    private static async Task CopyBandsAsync(SqliteConnection conn, LiteStore lite, Dictionary<long, long> ids, CancellationToken ct)
    {
        // Newest article first per key, at most as many as a lookup keeps.
        var recent = new Dictionary<long, List<long>>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT band_key, article_id FROM article_bands ORDER BY band_key, article_id DESC";
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                if (!recent.TryGetValue(r.GetInt64(0), out var list)) recent[r.GetInt64(0)] = list = [];
                if (list.Count < Crawling.NearDuplicates.MaxArticlesPerBand) list.Add(ids[r.GetInt64(1)]);
            }
        }
        foreach (var chunk in recent.Chunk(Batch))
        {
            await lite.Host.ChangeAsync(db => db.Bands().Upsert(chunk.Select(kv => new BandDoc { Key = kv.Key, Recent = [.. kv.Value] }))).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private static ArticleDoc Article(SqliteDataReader r, LiteStore lite) => new()
    {
        CanonicalUrl = r.GetString(1), Url = Str(r, 2), SiteHost = Str(r, 3), Title = r.GetString(4), Published = Str(r, 5), PublishedSource = r.GetString(6),
        Author = Str(r, 7), TextZ = TextCodec.Pack(r.GetString(8)), ContentHash = Str(r, 9), ExtractorVersion = Str(r, 10), Language = r.GetString(11),
        FetchedAt = Str(r, 12), StoredAt = r.GetString(13), Seq = lite.Counters.NextArticleSeq(lite.Host.Db),
    };

    private static FigureDoc Figure(SqliteDataReader r, Dictionary<long, long> ids, Dictionary<long, ArticleDoc> heads)
    {
        string? S(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetString(r.GetOrdinal(c));
        int? I(string c) => r.IsDBNull(r.GetOrdinal(c)) ? null : r.GetInt32(r.GetOrdinal(c));
        var metric = S("metric")!;
        var article = heads[ids[r.GetInt64(r.GetOrdinal("article_id"))]];
        var doc = new FigureDoc
        {
            ArticleId = article.Id, ArticleUrl = article.CanonicalUrl, ArticleTitle = article.Title, Published = article.Published, SiteHost = article.SiteHost,
            Metric = metric, Segment = S("segment"),
            Value = (decimal)r.GetDouble(r.GetOrdinal("value")), ValueMax = r.IsDBNull(r.GetOrdinal("value_max")) ? null : (decimal)r.GetDouble(r.GetOrdinal("value_max")),
            Qualifier = S("qualifier")!, PerYear = r.GetInt64(r.GetOrdinal("per_year")) != 0, Period = S("period"), StartYear = I("period_start_year"), EndYear = I("period_end_year"),
            Province = S("province"), District = S("district"), Commune = S("commune"), Unit = S("unit"),
            ProvinceCode = S("province_code"), DistrictCode = S("district_code"), CommuneCode = S("commune_code"),
            ProvinceKey = S("province_key"), DistrictKey = S("district_key"), CommuneKey = S("commune_key"),
            Evidence = S("evidence")!, EvidenceStart = I("evidence_start") ?? 0, EvidenceLength = I("evidence_length") ?? 0, ValueStart = I("value_start") ?? 0,
            Confidence = r.GetDouble(r.GetOrdinal("confidence")), MinerVersion = S("miner_version"),
        };
        doc.MetricByCode = doc.ProvinceCode is { } code ? FigureDoc.Slot(metric, code) : null;
        doc.MetricByKey = doc.ProvinceKey is { } key ? FigureDoc.Slot(metric, key) : null;
        return doc;
    }

    /// <summary>A frontier row; a URL in flight when the old store was left is queued again (its crawl is gone).</summary>
    private static FrontierDoc Frontier(SqliteDataReader r)
    {
        long? L(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        var state = r.GetString(4);
        return new FrontierDoc
        {
            Url = r.GetString(0), Host = r.GetString(1), Source = Str(r, 2), Depth = r.GetInt32(3), State = state == "in_flight" ? "queued" : state,
            Attempts = r.GetInt32(5), NextAttemptMs = r.GetInt64(6), RevisitMs = L(7), DiscoveredMs = r.GetInt64(8), FetchedMs = L(9),
            Status = r.IsDBNull(10) ? null : r.GetInt32(10), ErrorClass = Str(r, 11), Message = Str(r, 12), ETag = Str(r, 13), LastModified = Str(r, 14),
            ContentHash = Str(r, 15), FinalUrl = Str(r, 16), Seq = r.GetInt64(17),
        }.Keyed();
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

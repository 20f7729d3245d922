using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage;

/// <summary>
/// The SQLite store of articles, their figures and fetch history. Each operation opens its own pooled connection, so
/// a query being streamed never blocks a save (WAL lets readers run beside the one writer). Every article is written in
/// one transaction: a reader sees the old record or the new one, never half of either.
/// </summary>
public sealed class NewsStore : INewsStore
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    private NewsStore(StoreDialect dialect, bool readOnly, TimeProvider clock)
    {
        _dialect = dialect;
        IsReadOnly = readOnly;
        _clock = clock;
    }

    /// <summary>The database file, or for PostgreSQL "PostgreSQL host:port/database" (no password).</summary>
    public string Path => _dialect.Describe;

    public bool IsReadOnly { get; }

    /// <summary>For <see cref="FrontierStore"/>, which keeps its own connection to the same SQLite file.</summary>
    internal string ConnectionStringForFrontier => _dialect is SqliteDialect sqlite
        ? sqlite.ConnectionString
        : throw new StoreException($"{Path}: FrontierStore is the SQLite frontier; open a PostgreSQL one with DurableFrontier.OpenAsync");

    /// <summary>For <see cref="PostgresFrontier"/>, which keeps its own connections to the same PostgreSQL database.</summary>
    internal string ConnectionStringForPostgresFrontier => _dialect is PostgresDialect pg
        ? pg.ConnectionString
        : throw new StoreException($"{Path} is not a PostgreSQL database");

    public StoreBackend Backend => _dialect.Backend;

    /// <summary>True when a --db value names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) => StoreDialect.IsPostgres(db);

    /// <summary>
    /// Opens the database, creating the file if missing, and brings its schema up to date. <paramref name="db"/> is a
    /// file path, or a PostgreSQL connection string ("Host=...;Database=...") whose database must exist.
    /// </summary>
    /// <exception cref="StoreException">The folder does not exist, or the file is not a usable NewsMiner database.</exception>
    public static Task<NewsStore> OpenAsync(string db, CancellationToken ct) => OpenAsync(db, TimeProvider.System, ct);

    public static async Task<NewsStore> OpenAsync(string db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        StoreDialect dialect;
        if (StoreDialect.IsPostgres(db))
        {
            dialect = new PostgresDialect(db);
        }
        else
        {
            var full = FullPath(db);
            var folder = System.IO.Path.GetDirectoryName(full);
            if (folder is null || !Directory.Exists(folder)) throw new StoreException($"Cannot create database {full}: folder {folder} does not exist");
            if (Directory.Exists(full)) throw new StoreException($"Cannot open database {full}: it is a folder");
            dialect = new SqliteDialect(full, SqliteOpenMode.ReadWriteCreate);
        }
        try
        {
            await using var conn = await OpenConnectionAsync(dialect, ct).ConfigureAwait(false);
            if (dialect.Backend == StoreBackend.Sqlite) await ExecuteAsync(conn, null, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
            await MigrateAsync(conn, dialect, clock, ct).ConfigureAwait(false);
            // Articles a writer left unindexed (it died between writing and committing cannot happen; an older build's
            // writer that did not know v6 can) are indexed now.
            await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await IndexPendingTextAsync(conn, tx, dialect.Backend, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            dialect.ReleasePool();
            throw new StoreException($"Cannot open database {dialect.Describe}: {OneLine(e.Message)}", e);
        }
        catch (StoreException)
        {
            dialect.ReleasePool();
            throw;
        }
        return new NewsStore(dialect, readOnly: false, clock);
    }

    /// <summary>Opens an existing database for queries and exports; never creates or migrates anything.</summary>
    /// <exception cref="StoreException">The file is missing, not a NewsMiner database, or of another schema version.</exception>
    public static async Task<NewsStore> OpenReadOnlyAsync(string db, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        StoreDialect dialect;
        if (StoreDialect.IsPostgres(db))
        {
            dialect = new PostgresDialect(db);
        }
        else
        {
            var full = FullPath(db);
            if (!File.Exists(full)) throw new StoreException($"Database {full} does not exist");
            dialect = new SqliteDialect(full, SqliteOpenMode.ReadOnly);
        }
        var name = dialect.Describe;
        try
        {
            await using var conn = await OpenConnectionAsync(dialect, ct).ConfigureAwait(false);
            var hasVersionTable = await ScalarAsync<long>(conn, null, dialect.HasVersionTableSql, ct).ConfigureAwait(false);
            if (hasVersionTable == 0) throw new StoreException($"Database {name} is not a NewsMiner database (no schema_version table)");
            var version = await ScalarAsync<long>(conn, null, "SELECT coalesce(max(version), 0) FROM schema_version", ct).ConfigureAwait(false);
            if (version != dialect.Latest)
            {
                throw new StoreException(
                    $"Database {name} has schema version {version}, this build reads {dialect.Latest}; open it read-write once to migrate");
            }
        }
        catch (DbException e)
        {
            dialect.ReleasePool();
            throw new StoreException($"Cannot open database {name}: {OneLine(e.Message)}", e);
        }
        catch (StoreException)
        {
            dialect.ReleasePool();
            throw;
        }
        return new NewsStore(dialect, readOnly: true, TimeProvider.System);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the caller can move or delete the database.
        _dialect.ReleasePool();
        return ValueTask.CompletedTask;
    }

    public async Task<int> SchemaVersionAsync(CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        return (int)await ScalarAsync<long>(conn, null, "SELECT coalesce(max(version), 0) FROM schema_version", ct).ConfigureAwait(false);
    }

    // ---- writes ----

    /// <summary>
    /// Saves an article and replaces its figures in one transaction, keyed by its canonical URL (else its URL); an
    /// article first stored under another of its URLs is found through article_urls. Returns the article id.
    /// </summary>
    public async Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct)
    {
        EnsureWritable();
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var id = await SaveArticleAsync(conn, tx, article, figures, prov, ct).ConfigureAwait(false);
        await IndexPendingTextAsync(conn, tx, _dialect.Backend, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// <see cref="SaveArticleAsync(Article, IReadOnlyList{Figure}, ArticleProvenance, CancellationToken)"/> inside the
    /// caller's transaction (the crawl's batch), so the article commits together with whatever else the caller writes.
    /// </summary>
    internal Task<long> SaveArticleAsync(DbConnection conn, DbTransaction tx, Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(prov);
        EnsureWritable();
        var key = article.CanonicalUrl ?? article.Url ?? prov.FetchedUrl
            ?? throw new ArgumentException("An article needs a canonical URL, a URL or a fetched URL to be stored", nameof(article));
        var urls = new[] { key, article.Url, article.CanonicalUrl, prov.FetchedUrl }
            .Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToArray();
        return SaveAsync(conn, tx, article, figures, prov, key, urls, ct);
    }

    /// <summary>
    /// Saves many articles in one transaction (bulk loads, imports, benchmarks): all are stored or none. Same rules as
    /// <see cref="SaveArticleAsync"/> for each.
    /// </summary>
    public async Task<int> SaveArticlesAsync(IEnumerable<(Article Article, IReadOnlyList<Figure> Figures, ArticleProvenance Provenance)> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        EnsureWritable();
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var count = 0;
        foreach (var (article, figures, prov) in items)
        {
            ArgumentNullException.ThrowIfNull(article);
            ArgumentNullException.ThrowIfNull(figures);
            ArgumentNullException.ThrowIfNull(prov);
            var key = article.CanonicalUrl ?? article.Url ?? prov.FetchedUrl
                ?? throw new ArgumentException("An article needs a canonical URL, a URL or a fetched URL to be stored", nameof(items));
            var urls = new[] { key, article.Url, article.CanonicalUrl, prov.FetchedUrl }
                .Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToArray();
            await SaveAsync(conn, tx, article, figures, prov, key, urls, ct).ConfigureAwait(false);
            count++;
        }
        await IndexPendingTextAsync(conn, tx, _dialect.Backend, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return count;
    }

    private async Task<long> SaveAsync(
        DbConnection conn, DbTransaction tx, Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, string key, string[] urls,
        CancellationToken ct)
    {
        var id = await FindArticleAsync(conn, tx, key, urls, ct).ConfigureAwait(false);
        var values = new Dictionary<string, object?>
        {
            ["@canonical_url"] = key,
            ["@url"] = article.Url,
            ["@site_host"] = prov.SiteHost ?? HostOf(article.Url ?? key),
            ["@title"] = article.Title,
            ["@published"] = FormatTimestamp(article.Published),
            ["@published_source"] = article.PublishedSource.ToString(),
            ["@author"] = article.Author,
            ["@text"] = article.Text,
            ["@content_hash"] = prov.ContentHash,
            ["@extractor_version"] = prov.ExtractorVersion,
            ["@language"] = article.Language,
            ["@fetched_at"] = FormatTimestamp(prov.FetchedAt),
            ["@stored_at"] = FormatTimestamp(_clock.GetUtcNow()),
        };
        if (id is { } existing)
        {
            values["@id"] = existing;
            await ExecuteAsync(conn, tx, """
                UPDATE articles SET canonical_url = @canonical_url, url = @url, site_host = @site_host, title = @title,
                    published = @published, published_source = @published_source, author = @author, text = @text,
                    content_hash = @content_hash, extractor_version = @extractor_version, language = @language,
                    fetched_at = @fetched_at, stored_at = @stored_at
                WHERE id = @id
                """, ct, values).ConfigureAwait(false);
            await ExecuteAsync(conn, tx, "DELETE FROM figures WHERE article_id = @id", ct,
                new Dictionary<string, object?> { ["@id"] = existing }).ConfigureAwait(false);
        }
        else
        {
            id = await ScalarAsync<long>(conn, tx, """
                INSERT INTO articles (canonical_url, url, site_host, title, published, published_source, author, text,
                    content_hash, extractor_version, language, fetched_at, stored_at)
                VALUES (@canonical_url, @url, @site_host, @title, @published, @published_source, @author, @text,
                    @content_hash, @extractor_version, @language, @fetched_at, @stored_at)
                RETURNING id
                """, ct, values).ConfigureAwait(false);
        }

        foreach (var u in urls)
        {
            await ExecuteAsync(conn, tx, "INSERT INTO article_urls (article_id, url) VALUES (@id, @url) ON CONFLICT (url) DO NOTHING", ct,
                new Dictionary<string, object?> { ["@id"] = id, ["@url"] = u }).ConfigureAwait(false);
        }

        if (prov.TextBands is { } bands) await SaveBandsAsync(conn, tx, id.Value, bands, ct).ConfigureAwait(false);
        await InsertFiguresAsync(conn, tx, id.Value, figures, prov.MinerVersion, ct).ConfigureAwait(false);
        return id.Value;
    }

    public async Task RecordFetchAsync(FetchRecord rec, CancellationToken ct)
    {
        EnsureWritable();
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await RecordFetchAsync(conn, null, rec, ct).ConfigureAwait(false);
    }

    /// <summary>Records a fetch inside the caller's transaction (the crawl's batch).</summary>
    internal static Task RecordFetchAsync(DbConnection conn, DbTransaction? tx, FetchRecord rec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rec);
        return ExecuteAsync(conn, tx, """
            INSERT INTO fetches (url, fetched_at, status, error_class, message, content_hash, duration_ms)
            VALUES (@url, @fetched_at, @status, @error_class, @message, @content_hash, @duration_ms)
            """, ct, new Dictionary<string, object?>
        {
            ["@url"] = rec.Url,
            ["@fetched_at"] = FormatTimestamp(rec.FetchedAt),
            ["@status"] = rec.Status,
            ["@error_class"] = rec.ErrorClass,
            ["@message"] = rec.Message,
            ["@content_hash"] = rec.ContentHash,
            ["@duration_ms"] = rec.DurationMs,
        });
    }

    /// <summary>Adds a crawl source or updates the one with the same start URL.</summary>
    public async Task SaveSourceAsync(SourceRecord source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        EnsureWritable();
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(conn, null, """
            INSERT INTO sources (name, province, start_url) VALUES (@name, @province, @start_url)
            ON CONFLICT (start_url) DO UPDATE SET name = excluded.name, province = excluded.province
            """, ct, new Dictionary<string, object?>
        {
            ["@name"] = source.Name,
            ["@province"] = source.Province,
            ["@start_url"] = source.StartUrl,
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SourceRecord>> SourcesAsync(CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(conn, null, "SELECT name, province, start_url FROM sources ORDER BY id");
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<SourceRecord>();
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(new SourceRecord(r.GetString(0), NullableString(r, 1), r.GetString(2)));
        return list;
    }

    public async Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        return await HasArticleWithHashAsync(conn, null, contentHash, ct).ConfigureAwait(false);
    }

    /// <summary>The same check inside the caller's transaction, so it sees the articles of the crawl's open batch.</summary>
    internal static async Task<bool> HasArticleWithHashAsync(DbConnection conn, DbTransaction? tx, string contentHash, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        return await ScalarAsync<long>(conn, tx, "SELECT EXISTS (SELECT 1 FROM articles WHERE content_hash = @h)", ct,
            new Dictionary<string, object?> { ["@h"] = contentHash }).ConfigureAwait(false) == 1;
    }

    /// <summary>Whether any article was stored under this URL (canonical or not).</summary>
    public async Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        return await HasArticleWithUrlAsync(conn, null, url, ct).ConfigureAwait(false);
    }

    internal static async Task<bool> HasArticleWithUrlAsync(DbConnection conn, DbTransaction? tx, string url, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return await ScalarAsync<long>(conn, tx, "SELECT EXISTS (SELECT 1 FROM article_urls WHERE url = @u)", ct,
            new Dictionary<string, object?> { ["@u"] = url }).ConfigureAwait(false) == 1;
    }

    private static async Task SaveBandsAsync(DbConnection conn, DbTransaction tx, long id, IReadOnlyList<long> bands, CancellationToken ct)
    {
        await ExecuteAsync(conn, tx, "DELETE FROM article_bands WHERE article_id = @id", ct,
            new Dictionary<string, object?> { ["@id"] = id }).ConfigureAwait(false);
        foreach (var band in bands.Distinct())
        {
            await ExecuteAsync(conn, tx, "INSERT INTO article_bands (article_id, band_key) VALUES (@id, @band)", ct,
                new Dictionary<string, object?> { ["@id"] = id, ["@band"] = band }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Articles sharing at least <see cref="Crawling.NearDuplicates.MinSharedBands"/> band keys, most shared first and at
    /// most <see cref="Crawling.NearDuplicates.MaxCandidates"/>, with their text for the exact comparison.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string Text)>> ArticlesSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0) return [];
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        return await ArticlesSharingBandsAsync(conn, null, bands, ct).ConfigureAwait(false);
    }

    /// <summary>The same lookup inside the caller's transaction, so it sees the articles of the crawl's open batch.</summary>
    internal static async Task<IReadOnlyList<(long Id, string Text)>> ArticlesSharingBandsAsync(DbConnection conn, DbTransaction? tx,
        IReadOnlyList<long> bands, CancellationToken ct)
    {
        var found = new List<(long, string)>();
        foreach (var id in await ArticleIdsSharingBandsAsync(conn, tx, bands, ct).ConfigureAwait(false))
        {
            if (await ArticleTextAsync(conn, tx, id, ct).ConfigureAwait(false) is { } text) found.Add((id, text));
        }
        return found;
    }

    /// <summary>The ids of <see cref="ArticlesSharingBandsAsync(IReadOnlyList{long}, CancellationToken)"/>, without their texts.</summary>
    internal static async Task<IReadOnlyList<long>> ArticleIdsSharingBandsAsync(DbConnection conn, DbTransaction? tx,
        IReadOnlyList<long> bands, CancellationToken ct)
    {
        if (bands.Count == 0) return [];
        var parameters = new Dictionary<string, object?>();
        for (var i = 0; i < bands.Count; i++) parameters["@b" + i.ToString(CultureInfo.InvariantCulture)] = bands[i];
        // Each band contributes only its most recent articles: a band key shared by hundreds of articles marks a template
        // (a site's weekly notice), not a copy, and reading all of them made every lookup a scan of the archive.
        var perBand = string.Join(" UNION ALL ", parameters.Keys.Select(k =>
            $"SELECT * FROM (SELECT article_id FROM article_bands WHERE band_key = {k} ORDER BY article_id DESC LIMIT @per_band) AS b{k[2..]}"));
        parameters["@per_band"] = Crawling.NearDuplicates.MaxArticlesPerBand;
        parameters["@min_shared"] = Crawling.NearDuplicates.MinSharedBands;
        parameters["@max_candidates"] = Crawling.NearDuplicates.MaxCandidates;
        await using var cmd = Command(conn, tx, $"""
            SELECT article_id FROM ({perBand}) AS shared
            GROUP BY article_id HAVING count(*) >= @min_shared
            ORDER BY count(*) DESC, article_id DESC LIMIT @max_candidates
            """, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var ids = new List<long>();
        while (await r.ReadAsync(ct).ConfigureAwait(false)) ids.Add(r.GetInt64(0));
        return ids;
    }

    internal static async Task<string?> ArticleTextAsync(DbConnection conn, DbTransaction? tx, long id, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "SELECT text FROM articles WHERE id = @id", new Dictionary<string, object?> { ["@id"] = id });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>Records more URLs of a stored article (a copy of it found elsewhere); URLs already known keep their article.</summary>
    public async Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        EnsureWritable();
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await AddArticleUrlsAsync(conn, tx, articleId, urls, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The same inside the caller's transaction (the crawl's batch).</summary>
    internal static async Task AddArticleUrlsAsync(DbConnection conn, DbTransaction tx, long articleId, IEnumerable<string> urls, CancellationToken ct)
    {
        foreach (var u in urls.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync(conn, tx, "INSERT INTO article_urls (article_id, url) VALUES (@id, @url) ON CONFLICT (url) DO NOTHING", ct,
                new Dictionary<string, object?> { ["@id"] = articleId, ["@url"] = u }).ConfigureAwait(false);
        }
    }

    // ---- reads ----

    /// <summary>Streams every matching figure in id order; nothing is buffered, so there is no row cap.</summary>
    public async IAsyncEnumerable<StoredFigure> QueryFiguresAsync(FigureQuery q, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        var (where, parameters) = FigureFilter(q);
        await using var cmd = Command(conn, null, $"""
            SELECT f.id, f.article_id, f.metric, f.segment, f.value, f.value_max, f.qualifier, f.per_year, f.period,
                   f.period_start_year, f.period_end_year, f.province, f.district, f.commune, f.unit,
                   f.province_code, f.district_code, f.commune_code, f.evidence, f.evidence_start, f.evidence_length,
                   f.value_start, f.confidence, f.miner_version, a.canonical_url, a.title, a.published
            FROM figures f JOIN articles a ON a.id = f.article_id
            {where}
            ORDER BY f.id
            """, parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) yield return ReadFigure(r);
    }

    /// <summary>
    /// Membership counts side by side per organisation and period, from whole-organisation figures matching
    /// <paramref name="q"/> (its metric filter, if any, narrows the three compared metrics).
    /// </summary>
    public Task<IReadOnlyList<LocalityYearRow>> CompareAsync(FigureQuery q, CancellationToken ct) =>
        FigureReads.CompareRowsAsync(QueryFiguresAsync, q, ct);

    /// <summary>Matching figures consolidated into statistics (see <see cref="Statistic"/>): agreeing sources merged,
    /// disagreeing ones kept side by side as a conflict.</summary>
    public async Task<IReadOnlyList<Statistic>> StatisticsAsync(FigureQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        return Statistics.Consolidate(await ReadForStatisticsAsync(q, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The figures a consolidation needs, read for speed (the `compare` path; see the "store" benchmark): only the
    /// columns a statistic and its sources show, no ORDER BY in SQL (a temporary B-tree over rows carrying their
    /// evidence; the ids are sorted here instead), each article's URL, title and date read and parsed once however many
    /// of its figures match, and the few metric and qualifier names mapped without a string search. The records do not
    /// leave the store: ValueStart and MinerVersion, which statistics do not show, are left empty.
    /// </summary>
    private async Task<List<StoredFigure>> ReadForStatisticsAsync(FigureQuery q, CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        var (where, parameters) = FigureFilter(q);
        await using var cmd = Command(conn, null, $"""
            SELECT f.id, f.article_id, f.metric, f.segment, f.value, f.value_max, f.qualifier, f.per_year, f.period,
                   f.period_start_year, f.period_end_year, f.province, f.district, f.commune, f.unit,
                   f.province_code, f.district_code, f.commune_code, f.evidence, f.evidence_start, f.evidence_length,
                   f.confidence, a.canonical_url, a.title, a.published
            FROM figures f JOIN articles a ON a.id = f.article_id
            {where}
            """, parameters);
        var figures = new List<StoredFigure>();
        var articles = new Dictionary<long, (string Url, string Title, DateTimeOffset? Published)>();
        var metrics = new Dictionary<string, Metric>(StringComparer.Ordinal);
        var qualifiers = new Dictionary<string, Qualifier>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = r.GetInt64(0);
            var articleId = r.GetInt64(1);
            if (!articles.TryGetValue(articleId, out var article))
            {
                articles[articleId] = article = (r.GetString(22), r.GetString(23), ParseTimestamp(NullableString(r, 24)));
            }
            var metricName = r.GetString(2);
            if (!metrics.TryGetValue(metricName, out var metric))
            {
                metrics[metricName] = metric = MetricNames.TryParse(metricName, out var m) ? m
                    : throw new StoreException($"Unknown metric '{metricName}' in figure {id}");
            }
            var qualifierName = r.GetString(6);
            if (!qualifiers.TryGetValue(qualifierName, out var qualifier))
            {
                qualifiers[qualifierName] = qualifier = QualifierNames.TryParse(qualifierName, out var ql) ? ql
                    : throw new StoreException($"Unknown qualifier '{qualifierName}' in figure {id}");
            }
            figures.Add(new StoredFigure(
                id, articleId, metric, NullableString(r, 3), ToDecimal(r.GetDouble(4)), r.IsDBNull(5) ? null : ToDecimal(r.GetDouble(5)), qualifier,
                Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) != 0, NullableString(r, 8),
                r.IsDBNull(9) ? null : r.GetInt32(9), r.IsDBNull(10) ? null : r.GetInt32(10),
                NullableString(r, 11), NullableString(r, 12), NullableString(r, 13), NullableString(r, 14),
                NullableString(r, 15), NullableString(r, 16), NullableString(r, 17),
                r.GetString(18), r.GetInt32(19), r.GetInt32(20), ValueStart: 0, r.GetDouble(21), MinerVersion: null,
                article.Url, article.Title, article.Published));
        }
        // Consolidation depends on input order only to break ties; id order settles them as the streamed query does.
        figures.Sort(static (x, y) => x.Id.CompareTo(y.Id));
        return figures;
    }

    /// <summary>
    /// One row per organisation of <see cref="CompareRequest.Level"/> and period for the request's metric, with rates,
    /// ranks and roll-ups (see <see cref="Statistics.Compare"/>). Whole-organisation figures only unless the filter names
    /// a segment. The year range applies to the rows; a rate's denominator may come from the year before it.
    /// </summary>
    public async Task<CompareResult> CompareStatisticsAsync(CompareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metrics = new List<Metric> { request.Metric };
        if (request.Rate == CompareRate.Per100Members) metrics.Add(Metric.TotalMembers);
        if (request.Rate == CompareRate.PctOfTarget) metrics.Add(Metric.NewMembersTarget);
        var q = request.Filter with
        {
            Metric = null,
            Metrics = metrics.Distinct().ToList(),
            Segment = request.Filter.Segment ?? FigureQuery.WholeOrganisation,
            FromYear = request.Filter.FromYear - (request.Rate == CompareRate.Per100Members ? 1 : 0),
        };
        var statistics = await StatisticsAsync(q, ct).ConfigureAwait(false);
        return Statistics.Compare(request, statistics);
    }

    public async Task<StoreStats> StatsAsync(CancellationToken ct)
    {
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        var articles = await ScalarAsync<long>(conn, null, "SELECT count(*) FROM articles", ct).ConfigureAwait(false);
        var figures = await ScalarAsync<long>(conn, null, "SELECT count(*) FROM figures", ct).ConfigureAwait(false);
        var fetches = await ScalarAsync<long>(conn, null, "SELECT count(*) FROM fetches", ct).ConfigureAwait(false);
        var byClass = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = Command(conn, null,
            "SELECT error_class, count(*) FROM fetches WHERE error_class IS NOT NULL GROUP BY error_class"))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false)) byClass[r.GetString(0)] = r.GetInt64(1);
        }
        return new StoreStats(articles, figures, fetches, byClass.Values.Sum(), byClass);
    }

    /// <summary>
    /// Full-text search over titles and texts. The query is read as words that must all occur (no FTS syntax); each
    /// word also matches its other tone placement (hòa/hoà), diacritics otherwise count (đảng is not đang).
    /// </summary>
    public async IAsyncEnumerable<SearchHit> SearchAsync(string query, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = _dialect.MatchExpression(query);
        if (match.Length == 0) yield break;
        await using var conn = await ConnectAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(conn, null, _dialect.SearchSql, new Dictionary<string, object?> { ["@q"] = match, ["@limit"] = limit });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), ParseTimestamp(NullableString(r, 3)),
                r.GetString(4), Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Streams the matching figures to a CSV or JSONL file (see <see cref="FigureExport"/>); returns the row count.</summary>
    public Task<long> ExportAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, CancellationToken ct) =>
        FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, ct);

    /// <summary>As <see cref="ExportAsync(FigureQuery, ExportFormat, string, bool, CancellationToken)"/>, and writes the
    /// codebook beside the export (<see cref="Codebook.PathFor"/>); <paramref name="filterDescription"/> goes into it.</summary>
    public async Task<long> ExportWithCodebookAsync(
        FigureQuery q, ExportFormat format, string outPath, bool excelBom, string filterDescription, CancellationToken ct)
    {
        var info = new CodebookInfo(filterDescription, await SchemaVersionAsync(ct).ConfigureAwait(false), _clock.GetUtcNow());
        return await FigureExport.WriteAsync(QueryFiguresAsync(q, ct), format, outPath, excelBom, info, ct).ConfigureAwait(false);
    }

    // ---- helpers ----

    private static (string Where, Dictionary<string, object?> Parameters) FigureFilter(FigureQuery q)
    {
        var clauses = new List<string>();
        var p = new Dictionary<string, object?>();
        if (q.Metric is { } m)
        {
            clauses.Add("f.metric = @metric");
            p["@metric"] = m.ToSchemaName();
        }
        AddPlace(q.Province, "province");
        AddPlace(q.District, "district");
        AddPlace(q.Commune, "commune");
        if (q.Year is { } y)
        {
            clauses.Add("f.period_start_year <= @year AND f.period_end_year >= @year");
            p["@year"] = y;
        }
        if (q.MinConfidence is { } c)
        {
            clauses.Add("f.confidence >= @min_confidence");
            p["@min_confidence"] = c;
        }
        if (q.FromYear is { } from)
        {
            clauses.Add("f.period_start_year >= @from_year");
            p["@from_year"] = from;
        }
        if (q.ToYear is { } to)
        {
            clauses.Add("f.period_end_year <= @to_year");
            p["@to_year"] = to;
        }
        if (q.Segment is { } segment)
        {
            if (segment == FigureQuery.WholeOrganisation) clauses.Add("f.segment IS NULL");
            else
            {
                clauses.Add("f.segment = @segment");
                p["@segment"] = segment;
            }
        }
        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            clauses.Add("(a.site_host = @source OR substr(a.canonical_url, 1, length(@source)) = @source)");
            p["@source"] = q.Source.Trim();
        }
        if (q.Metrics is { Count: > 0 } metrics)
        {
            clauses.Add("f.metric IN (" + string.Join(", ", metrics.Select((_, i) => "@metric_" + i)) + ")");
            for (var i = 0; i < metrics.Count; i++) p["@metric_" + i] = metrics[i].ToSchemaName();
        }
        AddPlaceSet(q.ProvinceIn, "province");
        AddPlaceSet(q.DistrictIn, "district");
        AddPlaceSet(q.CommuneIn, "commune");
        return (clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses), p);

        void AddPlaceSet(PlaceFilter? set, string level)
        {
            if (set is null) return;
            var alternatives = new List<string>();
            for (var i = 0; i < set.Keys.Count; i++)
            {
                alternatives.Add($"f.{level}_key = @{level}_in_key_{i}");
                p[$"@{level}_in_key_{i}"] = set.Keys[i];
            }
            for (var i = 0; i < set.Codes.Count; i++)
            {
                alternatives.Add($"f.{level}_code = @{level}_in_code_{i}");
                p[$"@{level}_in_code_{i}"] = set.Codes[i];
            }
            clauses.Add(alternatives.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", alternatives) + ")");
        }

        void AddPlace(string? value, string level)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            clauses.Add($"(f.{level}_key = @{level}_key OR f.{level}_code = @{level}_code)");
            p[$"@{level}_key"] = PlaceKey(value);
            p[$"@{level}_code"] = value.Trim();
        }
    }

    /// <summary>Case and tone-placement folded, so "Khánh Hoà", "khánh hòa" and "KHÁNH HÒA" meet.</summary>
    internal static string? PlaceKey(string? name) => string.IsNullOrWhiteSpace(name) ? null : VietnameseText.ToneKey(name.Trim());

    private static async Task InsertFiguresAsync(
        DbConnection conn, DbTransaction tx, long articleId, IReadOnlyList<Figure> figures, string? minerVersion, CancellationToken ct)
    {
        if (figures.Count == 0) return;
        await using var cmd = Command(conn, tx, """
            INSERT INTO figures (article_id, metric, segment, value, value_max, qualifier, per_year, period,
                period_start_year, period_end_year, province, district, commune, unit, province_code, district_code,
                commune_code, province_key, district_key, commune_key, evidence, evidence_start, evidence_length,
                value_start, confidence, miner_version)
            VALUES (@article_id, @metric, @segment, @value, @value_max, @qualifier, @per_year, @period,
                @period_start_year, @period_end_year, @province, @district, @commune, @unit, @province_code, @district_code,
                @commune_code, @province_key, @district_key, @commune_key, @evidence, @evidence_start, @evidence_length,
                @value_start, @confidence, @miner_version)
            """);
        foreach (var f in figures)
        {
            ArgumentNullException.ThrowIfNull(f);
            var years = PeriodYears.Parse(f.Period);
            var loc = f.Locality ?? Locality.Empty;
            Set(cmd, "@article_id", articleId);
            Set(cmd, "@metric", f.Metric.ToSchemaName());
            Set(cmd, "@segment", f.Segment);
            Set(cmd, "@value", (double)f.Value);
            Set(cmd, "@value_max", f.ValueMax is { } vm ? (double)vm : null);
            Set(cmd, "@qualifier", f.Qualifier.ToSchemaName());
            Set(cmd, "@per_year", f.PerYear ? 1 : 0);
            Set(cmd, "@period", f.Period);
            Set(cmd, "@period_start_year", years?.Start);
            Set(cmd, "@period_end_year", years?.End);
            Set(cmd, "@province", loc.Province);
            Set(cmd, "@district", loc.District);
            Set(cmd, "@commune", loc.Commune);
            Set(cmd, "@unit", loc.Unit);
            Set(cmd, "@province_code", loc.ProvinceCode);
            Set(cmd, "@district_code", loc.DistrictCode);
            Set(cmd, "@commune_code", loc.CommuneCode);
            Set(cmd, "@province_key", PlaceKey(loc.Province));
            Set(cmd, "@district_key", PlaceKey(loc.District));
            Set(cmd, "@commune_key", PlaceKey(loc.Commune));
            Set(cmd, "@evidence", f.Evidence);
            Set(cmd, "@evidence_start", f.EvidenceStart);
            Set(cmd, "@evidence_length", f.EvidenceLength);
            Set(cmd, "@value_start", f.ValueStart);
            Set(cmd, "@confidence", f.Confidence);
            Set(cmd, "@miner_version", minerVersion);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<long?> FindArticleAsync(
        DbConnection conn, DbTransaction tx, string key, IReadOnlyList<string> urls, CancellationToken ct)
    {
        var byKey = await ScalarAsync<long?>(conn, tx, "SELECT id FROM articles WHERE canonical_url = @key", ct,
            new Dictionary<string, object?> { ["@key"] = key }).ConfigureAwait(false);
        if (byKey is not null) return byKey;
        // Stored earlier under another of its URLs (e.g. before the page's canonical link was known).
        foreach (var u in urls)
        {
            var byUrl = await ScalarAsync<long?>(conn, tx, "SELECT article_id FROM article_urls WHERE url = @u", ct,
                new Dictionary<string, object?> { ["@u"] = u }).ConfigureAwait(false);
            if (byUrl is not null) return byUrl;
        }
        return null;
    }

    private static StoredFigure ReadFigure(DbDataReader r) => new(
        Id: r.GetInt64(0),
        ArticleId: r.GetInt64(1),
        Metric: MetricNames.TryParse(r.GetString(2), out var m) ? m : throw new StoreException($"Unknown metric '{r.GetString(2)}' in figure {r.GetInt64(0)}"),
        Segment: NullableString(r, 3),
        Value: ToDecimal(r.GetDouble(4)),
        ValueMax: r.IsDBNull(5) ? null : ToDecimal(r.GetDouble(5)),
        Qualifier: QualifierNames.TryParse(r.GetString(6), out var ql) ? ql : throw new StoreException($"Unknown qualifier '{r.GetString(6)}' in figure {r.GetInt64(0)}"),
        PerYear: Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) != 0,
        Period: NullableString(r, 8),
        PeriodStartYear: r.IsDBNull(9) ? null : r.GetInt32(9),
        PeriodEndYear: r.IsDBNull(10) ? null : r.GetInt32(10),
        Province: NullableString(r, 11),
        District: NullableString(r, 12),
        Commune: NullableString(r, 13),
        Unit: NullableString(r, 14),
        ProvinceCode: NullableString(r, 15),
        DistrictCode: NullableString(r, 16),
        CommuneCode: NullableString(r, 17),
        Evidence: r.GetString(18),
        EvidenceStart: r.GetInt32(19),
        EvidenceLength: r.GetInt32(20),
        ValueStart: r.GetInt32(21),
        Confidence: r.GetDouble(22),
        MinerVersion: NullableString(r, 23),
        ArticleUrl: r.GetString(24),
        ArticleTitle: r.GetString(25),
        Published: ParseTimestamp(NullableString(r, 26)));

    // A REAL holds any stated count exactly; the double-to-decimal cast keeps 15 significant digits, which drops the
    // binary noise of values like 23.75 or 5.5.
    private static decimal ToDecimal(double d) => (decimal)d;

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string? FormatTimestamp(DateTimeOffset? t) => t?.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTimestamp(string? s) =>
        s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static string? HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    private void EnsureWritable()
    {
        if (IsReadOnly) throw new StoreException($"Database {Path} was opened read-only");
    }

    private static string FullPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return System.IO.Path.GetFullPath(path);
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private Task<DbConnection> ConnectAsync(CancellationToken ct) => OpenConnectionAsync(_dialect, ct);

    /// <summary>
    /// Adds the articles written in this transaction to the SQLite full-text index, in one statement, just before the
    /// caller commits (see migration v6: indexing at each insert made a segment per savepoint). Every transaction that
    /// writes articles calls it; PostgreSQL keeps its text-search column itself.
    /// </summary>
    internal static async Task IndexPendingTextAsync(DbConnection conn, DbTransaction tx, StoreBackend backend, CancellationToken ct)
    {
        if (backend != StoreBackend.Sqlite) return;
        await ExecuteAsync(conn, tx, """
            INSERT INTO articles_fts (rowid, title, text)
                SELECT a.id, a.title, a.text FROM articles_fts_pending p JOIN articles a ON a.id = p.article_id;
            DELETE FROM articles_fts_pending;
            """, ct).ConfigureAwait(false);
    }

    /// <summary>A connection for a writer that brings its own transaction (the crawl pipeline without a shared batch).</summary>
    internal Task<DbConnection> OpenWriteConnectionAsync(CancellationToken ct)
    {
        EnsureWritable();
        return ConnectAsync(ct);
    }

    /// <summary>PostgreSQL and SQLite keep their text index themselves (a generated tsvector, FTS5 filled at commit); nothing to rebuild.</summary>
    public async Task<long> ReindexAsync(CancellationToken ct) => (await StatsAsync(ct).ConfigureAwait(false)).Articles;

    public async Task<IDurableFrontier> OpenFrontierAsync(TimeSpan hostSpacing, CancellationToken ct) =>
        Backend == StoreBackend.Postgres
            ? await PostgresFrontier.OpenAsync(this, new PostgresFrontierOptions { HostSpacing = hostSpacing, Clock = _clock }, ct).ConfigureAwait(false)
            : await FrontierStore.OpenAsync(this, _clock, ct).ConfigureAwait(false);

    /// <summary>
    /// SQLite: the unit joins the frontier connection's group-committed batch and the page's done state commits with it.
    /// PostgreSQL: the unit commits in a transaction of its own, then the frontier marks the page done; a crash in
    /// between fetches the page again once its lease ends, and the save by canonical URL replaces what it stored.
    /// </summary>
    public async Task<T> WritePageAsync<T>(IDurableFrontier frontier, Crawling.FetchedPage? page, Crawling.FrontierItem? claim, Func<IStoreUnit, Task<T>> write,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        ArgumentNullException.ThrowIfNull(write);
        EnsureWritable();
        if (frontier is FrontierStore batched)
        {
            return await batched.WriteAsync(async (conn, tx) =>
            {
                var result = await write(new SqlUnit(this, conn, tx)).ConfigureAwait(false);
                if (page is not null) await batched.FinishPageAsync(tx, page, ct).ConfigureAwait(false);
                return result;
            }, ct).ConfigureAwait(false);
        }
        T value;
        await using (var conn = await ConnectAsync(ct).ConfigureAwait(false))
        await using (var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            value = await write(new SqlUnit(this, conn, tx)).ConfigureAwait(false);
            await IndexPendingTextAsync(conn, tx, Backend, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        if (page is not null && claim is not null) await frontier.CompleteAsync(claim, page, [], ct).ConfigureAwait(false);
        return value;
    }

    /// <summary>A unit of work on one connection and transaction.</summary>
    private sealed class SqlUnit(NewsStore store, DbConnection conn, DbTransaction tx) : IStoreUnit
    {
        public Task RecordFetchAsync(FetchRecord rec, CancellationToken ct) => NewsStore.RecordFetchAsync(conn, tx, rec, ct);

        public Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct) => NewsStore.HasArticleWithHashAsync(conn, tx, contentHash, ct);

        public Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct) => NewsStore.HasArticleWithUrlAsync(conn, tx, url, ct);

        public Task<IReadOnlyList<long>> ArticleIdsSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct) =>
            NewsStore.ArticleIdsSharingBandsAsync(conn, tx, bands, ct);

        public Task<string?> ArticleTextAsync(long id, CancellationToken ct) => NewsStore.ArticleTextAsync(conn, tx, id, ct);

        public Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct) => NewsStore.AddArticleUrlsAsync(conn, tx, articleId, urls, ct);

        public Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct) =>
            store.SaveArticleAsync(conn, tx, article, figures, prov, ct);
    }

    private static async Task<DbConnection> OpenConnectionAsync(StoreDialect dialect, CancellationToken ct)
    {
        var conn = dialect.NewConnection();
        try
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            await dialect.PrepareAsync(conn, ct).ConfigureAwait(false);
            return conn;
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task MigrateAsync(DbConnection conn, StoreDialect dialect, TimeProvider clock, CancellationToken ct)
    {
        while (true)
        {
            await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await dialect.LockForMigrationAsync(conn, tx, ct).ConfigureAwait(false);
            // Under the lock: two processes creating the table at once collide in PostgreSQL's catalogue even with IF NOT EXISTS.
            await ExecuteAsync(conn, tx, Migrations.VersionTable, ct).ConfigureAwait(false);
            var current = (int)await ScalarAsync<long>(conn, tx, "SELECT coalesce(max(version), 0) FROM schema_version", ct).ConfigureAwait(false);
            if (current > dialect.Latest)
            {
                throw new StoreException(
                    $"Database {dialect.Describe} has schema version {current}, newer than this build ({dialect.Latest})");
            }
            if (current == dialect.Latest)
            {
                await tx.CommitAsync(ct).ConfigureAwait(false);
                return;
            }
            await ExecuteAsync(conn, tx, dialect.Scripts[current], ct).ConfigureAwait(false);
            await ExecuteAsync(conn, tx, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", ct,
                new Dictionary<string, object?> { ["@v"] = current + 1, ["@at"] = FormatTimestamp(clock.GetUtcNow()) }).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static DbCommand Command(DbConnection conn, DbTransaction? tx, string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        if (parameters is not null)
        {
            foreach (var (name, value) in parameters) Set(cmd, name, value);
        }
        return cmd;
    }

    private static void Set(DbCommand cmd, string name, object? value)
    {
        if (cmd.Parameters.Contains(name))
        {
            cmd.Parameters[name].Value = value ?? DBNull.Value;
            return;
        }
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private static async Task ExecuteAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct,
        IReadOnlyDictionary<string, object?>? parameters = null)
    {
        await using var cmd = Command(conn, tx, sql, parameters);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct,
        IReadOnlyDictionary<string, object?>? parameters = null)
    {
        await using var cmd = Command(conn, tx, sql, parameters);
        var result = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        if (result is null or DBNull) return default!;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(result, target, CultureInfo.InvariantCulture);
    }

}

using NewsMiner.Crawling;
using NewsMiner.Extraction;
using NewsMiner.Mining;

namespace NewsMiner.Storage;

/// <summary>
/// The store of articles, their figures, fetch history, crawl frontier, sources and runs: what the pipeline and the
/// command line see. Two engines implement it: LiteDB (<see cref="Lite.LiteStore"/>, one file, the default) and
/// PostgreSQL (<see cref="NewsStore"/>, a server shared by several crawlers). No engine type crosses this interface.
/// </summary>
public interface INewsStore : IAsyncDisposable
{
    /// <summary>The database file, or for PostgreSQL "PostgreSQL host:port/database" (no password).</summary>
    string Path { get; }

    bool IsReadOnly { get; }

    StoreBackend Backend { get; }

    Task<int> SchemaVersionAsync(CancellationToken ct);

    // ---- writes ----

    /// <summary>Saves an article and replaces its figures as one unit, keyed by its canonical URL (else its URL); returns its id.</summary>
    Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct);

    /// <summary>Saves many articles as one unit (bulk loads, imports, benchmarks): all are stored or none.</summary>
    Task<int> SaveArticlesAsync(IEnumerable<(Article Article, IReadOnlyList<Figure> Figures, ArticleProvenance Provenance)> items, CancellationToken ct);

    Task RecordFetchAsync(FetchRecord rec, CancellationToken ct);

    /// <summary>Adds a crawl source or updates the one with the same start URL.</summary>
    Task SaveSourceAsync(SourceRecord source, CancellationToken ct);

    /// <summary>Records more URLs of a stored article; URLs already known keep their article.</summary>
    Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="write"/> as one unit of work of the crawl's writer, and marks <paramref name="page"/> done in
    /// <paramref name="frontier"/> with it: in the same commit when the engine can (LiteDB), else right after the
    /// unit commits (PostgreSQL: a crash in between fetches the page again and the save by URL replaces the article).
    /// </summary>
    Task<T> WritePageAsync<T>(IDurableFrontier frontier, FetchedPage? page, FrontierItem? claim, Func<IStoreUnit, Task<T>> write, CancellationToken ct);

    /// <summary>Opens this store's crawl frontier. <paramref name="hostSpacing"/>: PostgreSQL's cross-process spacing per host.</summary>
    Task<IDurableFrontier> OpenFrontierAsync(TimeSpan hostSpacing, CancellationToken ct);

    // ---- reads ----

    Task<IReadOnlyList<SourceRecord>> SourcesAsync(CancellationToken ct);

    Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct);

    Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct);

    /// <summary>Articles sharing at least <see cref="NearDuplicates.MinSharedBands"/> band keys, most shared first, with their text.</summary>
    Task<IReadOnlyList<(long Id, string Text)>> ArticlesSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct);

    /// <summary>Streams every matching figure in id order; nothing is buffered, so there is no row cap.</summary>
    IAsyncEnumerable<StoredFigure> QueryFiguresAsync(FigureQuery q, CancellationToken ct);

    /// <summary>Membership counts side by side per organisation and period.</summary>
    Task<IReadOnlyList<LocalityYearRow>> CompareAsync(FigureQuery q, CancellationToken ct);

    /// <summary>Matching figures consolidated into statistics: agreeing sources merged, disagreeing ones a conflict.</summary>
    Task<IReadOnlyList<Statistic>> StatisticsAsync(FigureQuery q, CancellationToken ct);

    /// <summary>One row per organisation and period with rates, ranks and roll-ups (see <see cref="Statistics.Compare"/>).</summary>
    Task<CompareResult> CompareStatisticsAsync(CompareRequest request, CancellationToken ct);

    Task<StoreStats> StatsAsync(CancellationToken ct);

    /// <summary>Full-text search over titles and texts, tone placement folded, with highlighted snippets.</summary>
    IAsyncEnumerable<SearchHit> SearchAsync(string query, int limit, CancellationToken ct);

    /// <summary>Rebuilds the full-text index from the stored articles (LiteDB: the Lucene folder beside the file; PostgreSQL keeps its own); returns the articles indexed.</summary>
    Task<long> ReindexAsync(CancellationToken ct);

    /// <summary>Streams the matching figures to a file (see <see cref="FigureExport"/>); returns the row count.</summary>
    Task<long> ExportAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, CancellationToken ct);

    /// <summary>As <see cref="ExportAsync"/>, and writes the codebook beside the export.</summary>
    Task<long> ExportWithCodebookAsync(FigureQuery q, ExportFormat format, string outPath, bool excelBom, string filterDescription, CancellationToken ct);
}

/// <summary>
/// The writes and reads of one unit of the crawl's writer (<see cref="INewsStore.WritePageAsync{T}"/>): reads see
/// what earlier units of the same open batch wrote. LiteDB runs a unit synchronously on its writer thread, so every
/// task a unit returns is already complete.
/// </summary>
public interface IStoreUnit
{
    Task RecordFetchAsync(FetchRecord rec, CancellationToken ct);

    Task<bool> HasArticleWithHashAsync(string contentHash, CancellationToken ct);

    Task<bool> HasArticleWithUrlAsync(string url, CancellationToken ct);

    /// <summary>The ids of the articles sharing enough band keys (see <see cref="INewsStore.ArticlesSharingBandsAsync"/>).</summary>
    Task<IReadOnlyList<long>> ArticleIdsSharingBandsAsync(IReadOnlyList<long> bands, CancellationToken ct);

    Task<string?> ArticleTextAsync(long id, CancellationToken ct);

    Task AddArticleUrlsAsync(long articleId, IEnumerable<string> urls, CancellationToken ct);

    Task<long> SaveArticleAsync(Article article, IReadOnlyList<Figure> figures, ArticleProvenance prov, CancellationToken ct);
}

/// <summary>Opens the store a --db value names: a PostgreSQL connection string or URL, else a LiteDB file.</summary>
public static class NewsStores
{
    /// <summary>True when a --db value names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgres(string db) => StoreDialect.IsPostgres(db);

    /// <summary>Opens (creating a missing file) for reading and writing, and brings its shape up to date.</summary>
    /// <exception cref="StoreException">A missing folder, a file that is not a NewsMiner store, a newer store, or a file another process writes.</exception>
    public static async Task<INewsStore> OpenAsync(string db, TimeProvider clock, CancellationToken ct) =>
        IsPostgres(db)
            ? await NewsStore.OpenAsync(db, clock, ct).ConfigureAwait(false)
            : await Lite.LiteStore.OpenAsync(db, clock, ct).ConfigureAwait(false);

    public static Task<INewsStore> OpenAsync(string db, CancellationToken ct) => OpenAsync(db, TimeProvider.System, ct);

    /// <summary>Opens an existing store for queries and exports; never creates or migrates anything.</summary>
    public static async Task<INewsStore> OpenExistingAsync(string db, CancellationToken ct) =>
        IsPostgres(db)
            ? await NewsStore.OpenReadOnlyAsync(db, ct).ConfigureAwait(false)
            : await Lite.LiteStore.OpenExistingAsync(db, TimeProvider.System, ct).ConfigureAwait(false);
}

using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage;

/// <summary>Where a stored article came from and which code versions produced it.</summary>
public sealed record ArticleProvenance(
    string? FetchedUrl,
    string? SiteHost,
    string? ContentHash,
    string? ExtractorVersion,
    string? MinerVersion,
    DateTimeOffset? FetchedAt)
{
    /// <summary>Near-duplicate lookup keys of the article text (Crawling.NearDuplicates.BandKeys); null leaves them as they are.</summary>
    public IReadOnlyList<long>? TextBands { get; init; }
}

/// <summary>One HTTP fetch attempt, successful or not (<see cref="ErrorClass"/> null means success).</summary>
public sealed record FetchRecord(
    string Url,
    DateTimeOffset FetchedAt,
    int Status,
    string? ErrorClass,
    string? Message,
    string? ContentHash,
    long DurationMs);

/// <summary>A site the crawler starts from.</summary>
public sealed record SourceRecord(string Name, string? Province, string StartUrl);

/// <summary>
/// Filters for figure queries; null means "any". <see cref="Province"/>, <see cref="District"/> and
/// <see cref="Commune"/> take a name in any case or tone placement, or an official code. <see cref="Year"/> matches a
/// figure whose period's first..last year contains it; <see cref="FromYear"/>..<see cref="ToYear"/> keep figures whose
/// whole period lies inside. <see cref="Segment"/> "none" (<see cref="WholeOrganisation"/>) keeps whole-organisation
/// figures only. <see cref="Source"/> is a site host or a URL prefix. The *In filters are gazetteer-resolved sets of
/// names and codes (see <see cref="LocalityFilters"/>), so an old unit and its 2025 successor can be asked for together.
/// </summary>
public sealed record FigureQuery(
    Metric? Metric = null,
    string? Province = null,
    string? District = null,
    string? Commune = null,
    int? Year = null,
    double? MinConfidence = null,
    int? FromYear = null,
    int? ToYear = null,
    string? Segment = null,
    string? Source = null,
    PlaceFilter? ProvinceIn = null,
    PlaceFilter? DistrictIn = null,
    PlaceFilter? CommuneIn = null,
    IReadOnlyList<Metric>? Metrics = null)
{
    public const string WholeOrganisation = "none";

    public static FigureQuery All { get; } = new();
}

/// <summary>Figures whose name key is one of <see cref="Keys"/> or whose code is one of <see cref="Codes"/>;
/// <see cref="Label"/> says in messages what was asked for.</summary>
public sealed record PlaceFilter(string Label, IReadOnlyList<string> Keys, IReadOnlyList<string> Codes);

/// <summary>A figure as stored, with its article's identity (every <see cref="Figure"/> field, flattened).</summary>
public sealed record StoredFigure(
    long Id,
    long ArticleId,
    Metric Metric,
    string? Segment,
    decimal Value,
    decimal? ValueMax,
    Qualifier Qualifier,
    bool PerYear,
    string? Period,
    int? PeriodStartYear,
    int? PeriodEndYear,
    string? Province,
    string? District,
    string? Commune,
    string? Unit,
    string? ProvinceCode,
    string? DistrictCode,
    string? CommuneCode,
    string Evidence,
    int EvidenceStart,
    int EvidenceLength,
    int ValueStart,
    double Confidence,
    string? MinerVersion,
    string ArticleUrl,
    string ArticleTitle,
    DateTimeOffset? Published)
{
    public Locality Locality => new(Province, District, Commune, Unit, ProvinceCode, DistrictCode, CommuneCode);

    /// <summary>The figure as the miner emitted it (value round-tripped through a REAL column).</summary>
    public Figure ToFigure() => new(
        Metric, Segment, Value, ValueMax, Qualifier, PerYear, Period, Locality,
        Evidence, EvidenceStart, EvidenceLength, ValueStart, Confidence);
}

/// <summary>
/// What the sources say for one metric at one key. Sources that disagree are shown side by side, never averaged:
/// <see cref="Value"/> is the value most figures state (ties: the most confident), <see cref="DistinctValues"/> all of them.
/// </summary>
public sealed record MetricCell(decimal Value, bool Conflict, IReadOnlyList<decimal> DistinctValues, int Figures);

/// <summary>
/// One organisation and period in a comparison table. A span period (a term, "2015-2020") is its own row rather than
/// being split into years, because a term total is not a yearly value; yearly rates (<see cref="PerYear"/>) are kept
/// apart from totals for the same reason. Only whole-organisation figures (no segment) are compared.
/// </summary>
public sealed record LocalityYearRow(
    string? Province,
    string? District,
    string? Commune,
    string? Unit,
    int? StartYear,
    int? EndYear,
    bool PerYear,
    MetricCell? NewMembers,
    MetricCell? NewMembersTarget,
    MetricCell? TotalMembers,
    int SourceArticles)
{
    /// <summary>"2016", "2015-2020", or "" when no period is known.</summary>
    public string Years => (StartYear, EndYear) switch
    {
        (null, _) or (_, null) => string.Empty,
        var (s, e) when s == e => s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var (s, e) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s}-{e}"),
    };
}

/// <summary>Counts for a status line; failures are fetches with an error class.</summary>
public sealed record StoreStats(
    long Articles,
    long Figures,
    long Fetches,
    long FailedFetches,
    IReadOnlyDictionary<string, long> FailuresByErrorClass);

/// <summary>A full-text hit; <see cref="Snippet"/> marks matched words with [ and ].</summary>
public sealed record SearchHit(long ArticleId, string Url, string Title, DateTimeOffset? Published, string Snippet, double Rank);

public enum ExportFormat
{
    Csv,
    Jsonl,
    /// <summary>A self-contained SQLite file: the figures table (export columns), the articles they came from, the codebook.</summary>
    Sqlite,
    /// <summary>Apache Parquet with typed columns (the export's columns), for pandas, R arrow, DuckDB and Spark.</summary>
    Parquet,
}

using System.Globalization;
using System.Reflection;
using System.Text;
using NewsMiner.Mining;

namespace NewsMiner.Storage;

/// <summary>What an export was made from, for its codebook.</summary>
public sealed record CodebookInfo(string Filter, int SchemaVersion, DateTimeOffset CreatedAt);

/// <summary>
/// The codebook written beside every export (<c>figures.csv</c> → <c>figures.csv.codebook.md</c>) and stored inside a
/// SQLite dataset: column meanings, metric definitions, segment labels, the period format and the versions that made it,
/// so a file handed to someone else still says what its numbers mean.
/// </summary>
public static class Codebook
{
    /// <summary>Meaning of each export column, in export order; every column of <see cref="FigureExport.Columns"/> has one.</summary>
    public static IReadOnlyList<(string Column, string Type, string Meaning)> Columns { get; } =
    [
        ("id", "integer", "Figure id in the source database (stable within it, not across databases)"),
        ("metric", "text", "What is counted; see Metrics"),
        ("segment", "text or empty", "Sub-group the count is restricted to; empty = the whole organisation; see Segments"),
        ("value", "number", "The number as stated, parsed (8.201 -> 8201, 23,75 -> 23.75); the lower end of a range"),
        ("value_max", "number or empty", "Upper end when the text gives a range"),
        ("qualifier", "text", "exact, more_than (hơn, trên), nearly (gần), about (khoảng), at_least (ít nhất), range"),
        ("per_year", "true/false", "The text gives a yearly rate (mỗi năm, bình quân mỗi năm)"),
        ("period", "text or empty", "Time the figure holds for; see Period format"),
        ("period_start_year", "integer or empty", "First calendar year of the period"),
        ("period_end_year", "integer or empty", "Last calendar year of the period"),
        ("province", "text or empty", "Province of the organisation, official name without its type word"),
        ("district", "text or empty", "District (before July 2025) of the organisation"),
        ("commune", "text or empty", "Commune, ward or township of the organisation"),
        ("unit", "text or empty", "A party organisation below or beside the administrative levels (an agency, a school, an enterprise)"),
        ("province_code", "text or empty", "Official GSO code of the province; pre- and post-2025 codes can coincide"),
        ("district_code", "text or empty", "Official GSO code of the district"),
        ("commune_code", "text or empty", "Official GSO code of the commune"),
        ("confidence", "number 0..1", "The miner's own belief that the figure is right"),
        ("evidence", "text", "The sentence the figure was read from, after text normalisation"),
        ("evidence_start", "integer", "Character offset (UTF-16) of the evidence in the article's normalised text"),
        ("evidence_length", "integer", "Length of the evidence in characters"),
        ("value_start", "integer", "Character offset of the number itself in the article's normalised text"),
        ("article_id", "integer", "Article id in the source database"),
        ("article_url", "text", "Canonical URL of the article the figure was read from"),
        ("article_title", "text", "Title of that article"),
        ("published", "timestamp or empty", "Publication time of the article, ISO 8601 with offset"),
        ("miner_version", "text or empty", "Version of the miner that produced the figure"),
    ];

    /// <summary>Definitions of the metrics (figure schema v1 plus the miner's own).</summary>
    public static IReadOnlyList<(Metric Metric, string Definition)> Metrics { get; } =
    [
        (Metric.NewMembers, "People actually admitted to the Party (kết nạp đảng viên mới)"),
        (Metric.NewMembersTarget, "Admissions planned, assigned or aimed for (chỉ tiêu, kế hoạch, phấn đấu)"),
        (Metric.TargetAttainmentPct, "Percent of an admissions target reached"),
        (Metric.TotalMembers, "Party members of the organisation at a time (a stock)"),
        (Metric.PartyCells, "Number of party cells (chi bộ)"),
        (Metric.GrassrootsOrgs, "Number of grassroots party organisations (tổ chức cơ sở đảng)"),
        (Metric.AwarenessTrainees, "People taught in courses on awareness of the Party (bồi dưỡng nhận thức về Đảng)"),
        (Metric.NewMemberTrainees, "New members taught in the course for new members"),
        (Metric.MemberSharePct, "Percent of the organisation's members who are in the segment"),
        (Metric.NewMemberSharePct, "Percent of the people admitted who are in the segment (not in figure schema v1)"),
    ];

    /// <summary>Segment labels of figure schema v1.</summary>
    public static IReadOnlyList<(string Label, string Meaning)> Segments { get; } =
    [
        ("khu_dan_cu", "Residential areas (thôn, xóm, tổ dân phố)"),
        ("hoc_sinh", "School pupils"),
        ("sinh_vien", "Students"),
        ("dan_toc_thieu_so", "Ethnic minorities"),
        ("ton_giao", "Religious believers"),
        ("doanh_nghiep", "Enterprises, private ones included"),
        ("nu", "Women"),
        ("doan_vien", "Youth union members, youth age"),
        ("luc_luong_vu_trang", "Armed forces, militia, police"),
        ("truong_thon", "Village or residential-group heads"),
    ];

    public static IReadOnlyList<(string Form, string Meaning)> PeriodFormats { get; } =
    [
        ("YYYY", "A calendar year (2016)"),
        ("YYYY-YYYY", "A span of whole years or a term (2015-2020)"),
        ("YYYY-MM/YYYY-MM", "A span of months (2017-01/2017-11: the first 11 months of 2017)"),
        ("YYYY-MM-DD", "A stock at a date, usually the publication date (2017-02-24)"),
        ("empty", "Nothing in the text or the publication date placed the figure in time"),
    ];

    public static string PathFor(string exportPath) => exportPath + ".codebook.md";

    public static string ToolVersion =>
        typeof(Codebook).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Codebook).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string Render(string exportFile, ExportFormat format, CodebookInfo info, long rows)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"# Codebook for {exportFile}\n\n");
        sb.Append(inv, $"- format: {format.ToString().ToLowerInvariant()}{(format == ExportFormat.Csv ? " (RFC 4180, UTF-8, CRLF; empty field = no value)" : "")}\n");
        sb.Append(inv, $"- rows: {rows} (one per figure; no row limit)\n");
        sb.Append(inv, $"- filter: {info.Filter}\n");
        sb.Append(inv, $"- created: {info.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv)}\n");
        sb.Append(inv, $"- NewsMiner version: {ToolVersion}\n");
        sb.Append(inv, $"- database schema version: {info.SchemaVersion}; figure schema: v1\n");
        sb.Append("- miner version of each figure: column miner_version\n\n");
        sb.Append("## Columns\n\n| column | type | meaning |\n|---|---|---|\n");
        foreach (var (c, t, m) in Columns) sb.Append(inv, $"| {c} | {t} | {m} |\n");
        sb.Append("\n## Metrics\n\n| metric | definition |\n|---|---|\n");
        foreach (var (m, d) in Metrics) sb.Append(inv, $"| {m.ToSchemaName()} | {d} |\n");
        sb.Append("\n## Segments\n\n| segment | meaning |\n|---|---|\n");
        foreach (var (l, m) in Segments) sb.Append(inv, $"| {l} | {m} |\n");
        sb.Append("\n## Period format\n\n| form | meaning |\n|---|---|\n");
        foreach (var (f, m) in PeriodFormats) sb.Append(inv, $"| {f} | {m} |\n");
        sb.Append("\nSources that disagree are separate rows here; `newsminer compare` shows them side by side as conflicts.\n");
        return sb.ToString();
    }

    /// <summary>Writes the codebook next to <paramref name="exportPath"/> through a temporary file, like the export itself.</summary>
    public static async Task WriteBesideAsync(string exportPath, ExportFormat format, CodebookInfo info, long rows, CancellationToken ct)
    {
        var path = PathFor(exportPath);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, Render(Path.GetFileName(exportPath), format, info, rows), new UTF8Encoding(false), ct).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            FigureExport.TryDelete(temp);
            throw;
        }
    }
}

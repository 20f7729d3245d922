using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMiner.SampleSite;

/// <summary>
/// The gold file of the sample site (data/sample-site/manifest.json): every article with the figures it states in
/// figure-schema v1 form, the numbers that must not become figures, and the planted conflict pairs. Metric,
/// qualifier and segment stay schema strings here so this project needs no reference to the pipeline.
/// </summary>
public static class SampleSiteManifest
{
    public const string ResourceName = SampleSiteContent.ResourcePrefix + "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static SampleManifest Load()
    {
        using var stream = typeof(SampleSiteManifest).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FileNotFoundException("Embedded sample-site manifest not found", ResourceName);
        return JsonSerializer.Deserialize<SampleManifest>(stream, Options)
            ?? throw new InvalidDataException("Sample-site manifest is empty");
    }
}

public sealed record SampleManifest(
    int Version,
    IReadOnlyList<string> StartPaths,
    IReadOnlyList<SampleListing> Listings,
    IReadOnlyList<SampleArticle> Articles,
    IReadOnlyList<SampleConflict> Conflicts,
    IReadOnlyList<SamplePrintView> PrintViews,
    IReadOnlyList<SampleDocument> Documents,
    IReadOnlyList<string> BrokenLinks);

/// <summary>A section listing; <see cref="Pages"/> pages reached by the site's own paging links.</summary>
public sealed record SampleListing(string Path, int Pages);

/// <param name="Kind">Site kind: "baotinh", "congthongtin", "huyen" or "baothainguyen".</param>
/// <param name="Published">Publication date as printed on the page (local time, GMT+7).</param>
/// <param name="Province">Province of the publishing site.</param>
public sealed record SampleArticle(
    string Path,
    string Kind,
    string Title,
    DateOnly Published,
    string? Author,
    string Province,
    IReadOnlyList<SampleFigure> Figures,
    IReadOnlyList<SampleNegative> Negatives);

/// <summary>A gold figure (figure-schema v1 fields, without confidence).</summary>
public sealed record SampleFigure(
    string Metric,
    string? Segment,
    decimal Value,
    decimal? ValueMax,
    string Qualifier,
    bool PerYear,
    string? Period,
    SampleLocality Locality,
    string Evidence);

public sealed record SampleLocality(string? Province, string? District, string? Commune, string? Unit);

/// <summary>A number in the text that must not become a figure, and why.</summary>
public sealed record SampleNegative(string Text, string Why);

/// <param name="Kind">"agree" (same value in both articles) or "disagree" (different values).</param>
public sealed record SampleConflict(
    string Kind,
    string Metric,
    string Period,
    SampleLocality Locality,
    IReadOnlyList<string> Paths,
    IReadOnlyList<decimal> Values);

/// <summary>A print view whose &lt;link rel="canonical"&gt; points at <see cref="Canonical"/>.</summary>
public sealed record SamplePrintView(string Path, string Canonical);

/// <summary>A non-HTML file linked from an article.</summary>
public sealed record SampleDocument(string Path, string ContentType);

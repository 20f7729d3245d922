namespace NewsMiner.Extraction;

/// <summary>
/// An article as the Extraction stage hands it on. <see cref="Text"/> is normalised (see Text.VietnameseText.Normalize),
/// paragraphs separated by "\n\n"; every offset stored downstream points into it.
/// </summary>
public sealed record Article(
    string? Url,
    string? CanonicalUrl,
    string Title,
    DateTimeOffset? Published,
    DatePublishedSource PublishedSource,
    string? Author,
    string Text,
    string Language);

/// <summary>Where the publication date came from, kept for provenance.</summary>
public enum DatePublishedSource
{
    None,
    MetaTag,
    JsonLd,
    TimeElement,
    DateLine,
    Url,
    Supplied,
}

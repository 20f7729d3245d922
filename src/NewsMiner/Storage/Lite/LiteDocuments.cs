using System.Globalization;
using System.IO.Compression;
using System.Text;
using LiteDB;

namespace NewsMiner.Storage.Lite;

// The document shapes of the LiteDB store, version 1 (LiteStore.ShapeVersion). A change of shape adds a step to
// LiteStore's migrations and bumps the version; a file of a newer version is refused, never read half-understood.
// Property names are the field names on disk: rename none without a migration.

internal static class Collections
{
    public const string Meta = "meta";
    public const string Articles = "articles";
    public const string ArticleUrls = "article_urls";
    public const string Bands = "article_bands";
    public const string Figures = "figures";
    public const string Fetches = "fetches";
    public const string Sources = "sources";
    public const string Frontier = "frontier";
    public const string Runs = "source_runs";

    public static readonly string[] All = [Meta, Articles, ArticleUrls, Bands, Figures, Fetches, Sources, Frontier, Runs];
}

/// <summary>Marks a LiteDB file as a NewsMiner store (so a foreign LiteDB file is refused) and says who wrote it.</summary>
internal sealed class MetaDoc
{
    [BsonId] public string Id { get; set; } = "store";
    public string App { get; set; } = "newsminer";
    public int Shape { get; set; }
    public string? CreatedAt { get; set; }
}

internal sealed class ArticleDoc
{
    [BsonId] public long Id { get; set; }
    public string CanonicalUrl { get; set; } = "";
    public string? Url { get; set; }
    public string? SiteHost { get; set; }
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string PublishedSource { get; set; } = "";
    public string? Author { get; set; }
    /// <summary>The text, Brotli-compressed: a 5 KB article otherwise takes an 8 KB page of its own.</summary>
    public byte[] TextZ { get; set; } = [];
    public string? ContentHash { get; set; }
    public string? ExtractorVersion { get; set; }
    public string? Language { get; set; }
    public string? FetchedAt { get; set; }
    public string? StoredAt { get; set; }
    /// <summary>Rises with every save: the search index catches up on the articles above the highest it holds.</summary>
    public long Seq { get; set; }

    [BsonIgnore] public string Text => TextCodec.Unpack(TextZ);

    /// <summary>The highest <see cref="Seq"/> in the file, read from the end of its index; 0 when there is no article.</summary>
    public static long LastSeq(ILiteCollection<ArticleDoc> articles) =>
        articles.Find(Query.All(nameof(Seq), Query.Descending), 0, 1).FirstOrDefault()?.Seq ?? 0;
}

internal sealed class ArticleUrlDoc
{
    [BsonId] public string Url { get; set; } = "";
    public long ArticleId { get; set; }
}

/// <summary>
/// One near-duplicate band key and the articles last saved with it, newest first, at most
/// <see cref="Crawling.NearDuplicates.MaxArticlesPerBand"/>: a key shared by hundreds marks a template, not a copy, and
/// one document per key makes a lookup one query for all of an article's keys.
/// </summary>
internal sealed class BandDoc
{
    [BsonId] public long Key { get; set; }
    public long[] Recent { get; set; } = [];
}

internal sealed class FigureDoc
{
    [BsonId] public long Id { get; set; }
    public long ArticleId { get; set; }
    public string Metric { get; set; } = "";
    public string? Segment { get; set; }
    public decimal Value { get; set; }
    public decimal? ValueMax { get; set; }
    public string Qualifier { get; set; } = "";
    public bool PerYear { get; set; }
    public string? Period { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public string? Province { get; set; }
    public string? District { get; set; }
    public string? Commune { get; set; }
    public string? Unit { get; set; }
    public string? ProvinceCode { get; set; }
    public string? DistrictCode { get; set; }
    public string? CommuneCode { get; set; }
    public string? ProvinceKey { get; set; }
    public string? DistrictKey { get; set; }
    public string? CommuneKey { get; set; }
    public string Evidence { get; set; } = "";
    public int EvidenceStart { get; set; }
    public int EvidenceLength { get; set; }
    public int ValueStart { get; set; }
    public double Confidence { get; set; }
    public string? MinerVersion { get; set; }
    /// <summary>"metric|province code" and "metric|province key": compare asks for one metric in one province, and
    /// these indexes read only that slice (the metric index alone read a quarter of a million-figure store).</summary>
    public string? MetricByCode { get; set; }
    public string? MetricByKey { get; set; }
    /// <summary>The article's identity, copied: a save replaces all of an article's figures, so they never go stale, and
    /// compare and export then read no article (loading each with its text was most of a comparison's time).</summary>
    public string ArticleUrl { get; set; } = "";
    public string ArticleTitle { get; set; } = "";
    public string? Published { get; set; }
    public string? SiteHost { get; set; }

    public static string Slot(string metric, string place) => metric + "|" + place;
}

internal sealed class FetchDoc
{
    [BsonId] public long Id { get; set; }
    public string Url { get; set; } = "";
    public string FetchedAt { get; set; } = "";
    public int Status { get; set; }
    public string? ErrorClass { get; set; }
    public string? Message { get; set; }
    public string? ContentHash { get; set; }
    public long DurationMs { get; set; }
}

internal sealed class SourceDoc
{
    [BsonId] public long Id { get; set; }
    public string StartUrl { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Province { get; set; }
}

/// <summary>One URL of the crawl frontier; <see cref="Claim"/> orders the queued URLs of a host for claiming.</summary>
internal sealed class FrontierDoc
{
    [BsonId] public string Url { get; set; } = "";
    public string Host { get; set; } = "";
    public string? Source { get; set; }
    public int Depth { get; set; }
    public string State { get; set; } = "queued";
    /// <summary>Insertion order, as SQLite's rowid was: claims go by depth, then discovery order.</summary>
    public long Seq { get; set; }
    public long? RevisitMs { get; set; }
    public long DiscoveredMs { get; set; }
    public long NextAttemptMs { get; set; }
    public long? LeasedMs { get; set; }
    public long? FetchedMs { get; set; }
    public int Attempts { get; set; }
    public int? Status { get; set; }
    public string? ErrorClass { get; set; }
    public string? Message { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public string? ContentHash { get; set; }
    public string? FinalUrl { get; set; }
    /// <summary>"host\u0001depth\u0001seq" while queued, else null: one index answers "next URL of this host".</summary>
    public string? Claim { get; set; }
    /// <summary>When a finished URL with a revisit interval falls due again, else null.</summary>
    public long? RevisitDue { get; set; }

    /// <summary>Recomputes the derived index keys after a change of state.</summary>
    public FrontierDoc Keyed()
    {
        Claim = State == "queued" ? ClaimPrefix(Host) + Depth.ToString("D6", CultureInfo.InvariantCulture) + "\u0001" + Seq.ToString("D15", CultureInfo.InvariantCulture) : null;
        RevisitDue = State is "done" or "failed" && RevisitMs is { } r ? (FetchedMs ?? 0) + r : null;
        return this;
    }

    public static string ClaimPrefix(string host) => host + "\u0001";
}

internal sealed class RunDoc
{
    [BsonId] public long Id { get; set; }
    public string Source { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? FinishedAt { get; set; }
    public long Pages { get; set; }
    public long NewArticles { get; set; }
    public long Failures { get; set; }
    public Dictionary<string, long> FailuresByClass { get; set; } = [];
    public string? LastNewArticleAt { get; set; }
}

/// <summary>Article texts are stored compressed (Brotli, a fast level): the store is about a third of the raw text.</summary>
internal static class TextCodec
{
    public static byte[] Pack(string text)
    {
        var raw = Encoding.UTF8.GetBytes(text);
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, packed, out var written, quality: 4, window: 22))
            throw new InvalidOperationException("Brotli could not compress an article text");
        return packed[..written];
    }

    public static string Unpack(byte[] packed)
    {
        if (packed.Length == 0) return "";
        using var input = new MemoryStream(packed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

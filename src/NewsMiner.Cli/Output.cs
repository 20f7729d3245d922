using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Cli;

/// <summary>How the CLI prints: invariant numbers, Vietnamese left unescaped in JSON, aligned plain tables.</summary>
public static class Output
{
    public static JsonWriterOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>8201, not 8201.000: decimals lose trailing zeros so JSON matches the schema's plain numbers.</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Number(decimal value) => Plain(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>One figure in exactly the shape of figure-schema v1 (plus offsets and codes when asked).</summary>
    public static string FigureJson(Figure f, bool provenance)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("metric", f.Metric.ToSchemaName());
            WriteNullable(w, "segment", f.Segment);
            w.WriteNumber("value", Plain(f.Value));
            if (f.ValueMax is { } max) w.WriteNumber("value_max", Plain(max)); else w.WriteNull("value_max");
            w.WriteString("qualifier", f.Qualifier.ToSchemaName());
            w.WriteBoolean("per_year", f.PerYear);
            WriteNullable(w, "period", f.Period);
            w.WriteStartObject("locality");
            WriteNullable(w, "province", f.Locality.Province);
            WriteNullable(w, "district", f.Locality.District);
            WriteNullable(w, "commune", f.Locality.Commune);
            WriteNullable(w, "unit", f.Locality.Unit);
            if (provenance)
            {
                WriteNullable(w, "province_code", f.Locality.ProvinceCode);
                WriteNullable(w, "district_code", f.Locality.DistrictCode);
                WriteNullable(w, "commune_code", f.Locality.CommuneCode);
            }
            w.WriteEndObject();
            w.WriteString("evidence", f.Evidence);
            w.WriteNumber("confidence", f.Confidence);
            if (provenance)
            {
                w.WriteNumber("evidence_start", f.EvidenceStart);
                w.WriteNumber("evidence_length", f.EvidenceLength);
                w.WriteNumber("value_start", f.ValueStart);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ArticleJson(Article a, string? error = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            WriteNullable(w, "url", a.Url);
            WriteNullable(w, "canonical_url", a.CanonicalUrl);
            w.WriteString("title", a.Title);
            WriteNullable(w, "published", a.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            w.WriteString("published_source", a.PublishedSource.ToString());
            WriteNullable(w, "author", a.Author);
            w.WriteString("language", a.Language);
            w.WriteString("text", a.Text);
            if (error is not null) w.WriteString("error", error);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    /// <summary>A plain text table: header, rule, rows; columns padded to the widest cell.</summary>
    public static void Table(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
            for (var i = 0; i < widths.Length && i < row.Count; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        for (var r = 0; r < all.Count; r++)
        {
            var cells = all[r].Select((c, i) => rightAligned?.Contains(i) == true ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
            if (r == 0) output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMiner.Mining;
using NewsMiner.Text;

namespace NewsMiner.Storage;

/// <summary>
/// Writes figures for researchers: CSV (RFC 4180: CRLF, quotes doubled, fields with comma/quote/line break quoted,
/// UTF-8, optional BOM so Excel reads Vietnamese correctly) or JSONL (one object per line, Vietnamese unescaped).
/// Rows are streamed into a temporary file beside the target and renamed at the end, so a failed export never leaves a
/// truncated file where a complete one is expected.
/// </summary>
public static class FigureExport
{
    /// <summary>The column table: names are a stable contract for downstream scripts; append, never rename.</summary>
    internal static readonly (string Name, Func<StoredFigure, object?> Get)[] Table =
    [
        ("id", f => f.Id),
        ("metric", f => f.Metric.ToSchemaName()),
        ("segment", f => f.Segment),
        ("value", f => f.Value),
        ("value_max", f => f.ValueMax),
        ("qualifier", f => f.Qualifier.ToSchemaName()),
        ("per_year", f => f.PerYear),
        ("period", f => f.Period),
        ("period_start_year", f => f.PeriodStartYear),
        ("period_end_year", f => f.PeriodEndYear),
        ("province", f => f.Province),
        ("district", f => f.District),
        ("commune", f => f.Commune),
        ("unit", f => f.Unit),
        ("province_code", f => f.ProvinceCode),
        ("district_code", f => f.DistrictCode),
        ("commune_code", f => f.CommuneCode),
        ("confidence", f => f.Confidence),
        ("evidence", f => f.Evidence),
        ("evidence_start", f => f.EvidenceStart),
        ("evidence_length", f => f.EvidenceLength),
        ("value_start", f => f.ValueStart),
        ("article_id", f => f.ArticleId),
        ("article_url", f => f.ArticleUrl),
        ("article_title", f => f.ArticleTitle),
        ("published", f => f.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        ("miner_version", f => f.MinerVersion),
    ];

    public static IReadOnlyList<string> Columns { get; } = Table.Select(c => c.Name).ToArray();

    /// <summary>One figure as the JSON object a JSONL export line holds (also what query --json prints).</summary>
    public static string JsonLine(StoredFigure f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions)) WriteJsonRow(json, f);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One figure as a CSV record (no line break); the header is <see cref="CsvHeader"/>.</summary>
    public static string CsvLine(StoredFigure f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return string.Join(',', Table.Select(c => CsvField(CsvText(c.Get(f)))));
    }

    public static string CsvHeader => string.Join(',', Table.Select(c => CsvField(c.Name)));

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static void WriteJsonRow(Utf8JsonWriter json, StoredFigure f)
    {
        json.WriteStartObject();
        foreach (var (name, get) in Table) WriteJsonValue(json, name, get(f));
        json.WriteEndObject();
    }

    /// <summary>Writes <paramref name="rows"/> to <paramref name="outPath"/>; returns the number of rows written.</summary>
    /// <param name="excelBom">CSV only: start with a UTF-8 BOM. JSONL never gets one (JSON parsers reject it).</param>
    /// <exception cref="StoreException">The folder is missing or not writable; no file is left behind.</exception>
    public static Task<long> WriteAsync(
        IAsyncEnumerable<StoredFigure> rows, ExportFormat format, string outPath, bool excelBom, CancellationToken ct) =>
        WriteAsync(rows, format, outPath, excelBom, null, ct);

    /// <summary>As above; with <paramref name="codebook"/> a codebook file (<see cref="Codebook.PathFor"/>) is written beside the export.</summary>
    public static async Task<long> WriteAsync(
        IAsyncEnumerable<StoredFigure> rows, ExportFormat format, string outPath, bool excelBom, CodebookInfo? codebook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        var full = Path.GetFullPath(outPath);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) throw new StoreException($"Cannot write {full}: folder {folder} does not exist");
        if (Directory.Exists(full)) throw new StoreException($"Cannot write {full}: it is a folder");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long count;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                count = format switch
                {
                    ExportFormat.Csv => await WriteCsvAsync(rows, stream, excelBom, ct).ConfigureAwait(false),
                    ExportFormat.Jsonl => await WriteJsonlAsync(rows, stream, ct).ConfigureAwait(false),
                    ExportFormat.Sqlite => -1,
                    ExportFormat.Parquet => await ParquetExport.WriteAsync(rows, stream, ct).ConfigureAwait(false),
                    _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
                };
                await stream.FlushAsync(ct).ConfigureAwait(false);
            }
            if (format == ExportFormat.Sqlite) count = await DatasetExport.WriteAsync(rows, temp, codebook, ct).ConfigureAwait(false);
            if (codebook is not null) await Codebook.WriteBesideAsync(full, format, codebook, count, ct).ConfigureAwait(false);
            File.Move(temp, full, overwrite: true);
            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new StoreException($"Cannot write {full}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<StoredFigure> rows, Stream stream, bool bom, CancellationToken ct)
    {
        await using var w = new StreamWriter(stream, new UTF8Encoding(bom), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await w.WriteLineAsync(string.Join(',', Table.Select(c => CsvField(c.Name)))).ConfigureAwait(false);
        long count = 0;
        var line = new StringBuilder();
        await foreach (var f in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            line.Clear();
            for (var i = 0; i < Table.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(CsvField(CsvText(Table[i].Get(f))));
            }
            await w.WriteLineAsync(line, ct).ConfigureAwait(false);
            count++;
        }
        await w.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }

    private static async Task<long> WriteJsonlAsync(IAsyncEnumerable<StoredFigure> rows, Stream stream, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);
        long count = 0;
        await foreach (var f in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            WriteJsonRow(json, f);
            await json.FlushAsync(ct).ConfigureAwait(false);
            await stream.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
            stream.WriteByte((byte)'\n');
            count++;
        }
        return count;
    }

    private static void WriteJsonValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string s: json.WriteString(name, s); break;
            case bool b: json.WriteBoolean(name, b); break;
            case int i: json.WriteNumber(name, i); break;
            case long l: json.WriteNumber(name, l); break;
            case decimal d: json.WriteNumber(name, d); break;
            case double d: json.WriteNumber(name, d); break;
            default: throw new InvalidOperationException($"Column {name} has unsupported type {value.GetType()}");
        }
    }

    internal static string CsvText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string CsvField(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error is the one worth reporting; a leftover temp file is named so it is recognisable.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

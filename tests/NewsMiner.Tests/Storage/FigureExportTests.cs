using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsMiner.Mining;
using NewsMiner.Storage;
using NewsMiner.Text;
using Xunit;
using static NewsMiner.Tests.Storage.StoreSamples;

namespace NewsMiner.Tests.Storage;

public sealed class FigureExportTests : IDisposable
{
    private const string Url = "https://baodaklak.vn/chinh-tri/ea-kar-ket-nap-12345.html";
    private readonly TempFolder _dir = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private async Task<INewsStore> StoreWithFiguresAsync()
    {
        var store = await NewsStores.OpenAsync(_dir.File("news.db"), _ct);
        await store.SaveArticleAsync(Article(Url, title: "Ea Kar: \"vượt\" chỉ tiêu, kết nạp\r\nđảng viên"), Figures(), Provenance(Url), _ct);
        return store;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Csv_reads_back_as_the_query_rows(bool bom)
    {
        await using var store = await StoreWithFiguresAsync();
        var path = _dir.File("figures.csv");
        var written = await store.ExportAsync(FigureQuery.All, ExportFormat.Csv, path, bom, _ct);

        var bytes = await File.ReadAllBytesAsync(path, _ct);
        Assert.Equal(bom, bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        Assert.EndsWith("\r\n", text);
        var records = Rfc4180.Parse(text);
        Assert.Equal(FigureExport.Columns, records[0]);
        var rows = records.Skip(1).Select(r => FromColumns(name => EmptyAsNull(r[Index(records[0], name)]))).ToList();

        var expected = await store.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync();
        Assert.Equal(expected.Count, written);
        Assert.Equal(expected, rows);
        Assert.Contains("\"Ea Kar: \"\"vượt\"\" chỉ tiêu, kết nạp\r\nđảng viên\"", text);
    }

    [Fact]
    public async Task Jsonl_reads_back_as_the_query_rows()
    {
        await using var store = await StoreWithFiguresAsync();
        var path = _dir.File("figures.jsonl");
        var q = new FigureQuery(Year: 2017);
        var written = await store.ExportAsync(q, ExportFormat.Jsonl, path, excelBom: true, _ct);

        var bytes = await File.ReadAllBytesAsync(path, _ct);
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Đắk Lắk", text);
        Assert.DoesNotContain("\\u", text);
        var lines = text.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var rows = lines[..^1].Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            Assert.Equal(FigureExport.Columns, o.EnumerateObject().Select(p => p.Name));
            return FromColumns(name => o.GetProperty(name) switch
            {
                { ValueKind: JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { ValueKind: JsonValueKind.True } => "true",
                { ValueKind: JsonValueKind.False } => "false",
                var n => n.GetRawText(),
            });
        }).ToList();

        var expected = await store.QueryFiguresAsync(q, _ct).ToListAsync();
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Count, written);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Export_into_missing_folder_throws_and_leaves_no_file()
    {
        await using var store = await StoreWithFiguresAsync();
        var folder = _dir.File("missing");
        var path = Path.Combine(folder, "out.csv");
        var e = await Assert.ThrowsAsync<StoreException>(() => store.ExportAsync(FigureQuery.All, ExportFormat.Csv, path, false, _ct));
        Assert.Contains(path, e.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Export_below_a_file_throws_and_leaves_no_file()
    {
        await using var store = await StoreWithFiguresAsync();
        var file = _dir.File("plain.txt");
        await File.WriteAllTextAsync(file, "x", _ct);
        var path = Path.Combine(file, "out.jsonl");
        await Assert.ThrowsAsync<StoreException>(() => store.ExportAsync(FigureQuery.All, ExportFormat.Jsonl, path, false, _ct));
        Assert.Equal("x", await File.ReadAllTextAsync(file, _ct));
        // The store's own companions (its log, lock and owner files) aside, only the two files are there.
        Assert.Equal(new[] { file, _dir.File("news.db") }.Order(StringComparer.Ordinal), Directory.GetFiles(_dir.Path).Where(f => f == _dir.File("news.db") || !Path.GetFileName(f).StartsWith("news", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Failure_while_streaming_keeps_the_previous_export_and_no_temp_file()
    {
        var path = _dir.File("out.csv");
        await File.WriteAllTextAsync(path, "cũ", _ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => FigureExport.WriteAsync(Failing(), ExportFormat.Csv, path, false, _ct));
        Assert.Equal("cũ", await File.ReadAllTextAsync(path, _ct));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Empty_export_writes_only_the_header()
    {
        var path = _dir.File("empty.csv");
        Assert.Equal(0, await FigureExport.WriteAsync(AsyncEnumerable.Empty<StoredFigure>(), ExportFormat.Csv, path, false, _ct));
        Assert.Equal(string.Join(',', FigureExport.Columns) + "\r\n", await File.ReadAllTextAsync(path, _ct));
    }

    private static async IAsyncEnumerable<StoredFigure> Failing()
    {
        await Task.Yield();
        yield return Sample(1);
        throw new InvalidOperationException("cơ sở dữ liệu bị khóa");
    }

    private static StoredFigure Sample(long id) => new(id, 1, Metric.NewMembers, null, 3, null, Qualifier.Exact, false, "2016", 2016, 2016,
        "Đắk Lắk", null, null, null, "66", null, null, "kết nạp 3 đảng viên", 0, 19, 8, 0.5, null, "https://a.vn/1", "Tin", null);

    private static int Index(IReadOnlyList<string> header, string name)
    {
        var i = header.ToList().IndexOf(name);
        Assert.True(i >= 0, $"column {name} missing");
        return i;
    }

    private static string? EmptyAsNull(string s) => s.Length == 0 ? null : s;

    /// <summary>Rebuilds a stored figure from exported text columns, parsing each the way a researcher's script would.</summary>
    private static StoredFigure FromColumns(Func<string, string?> col)
    {
        var inv = CultureInfo.InvariantCulture;
        decimal? Dec(string n) => col(n) is { } s ? decimal.Parse(s, NumberStyles.Float, inv) : null;
        int? Int(string n) => col(n) is { } s ? int.Parse(s, inv) : null;
        Assert.True(MetricNames.TryParse(col("metric")!, out var metric));
        Assert.True(QualifierNames.TryParse(col("qualifier")!, out var qualifier));
        return new StoredFigure(
            long.Parse(col("id")!, inv), long.Parse(col("article_id")!, inv), metric, col("segment"), Dec("value")!.Value,
            Dec("value_max"), qualifier, bool.Parse(col("per_year")!), col("period"), Int("period_start_year"),
            Int("period_end_year"), col("province"), col("district"), col("commune"), col("unit"), col("province_code"),
            col("district_code"), col("commune_code"), col("evidence")!, Int("evidence_start")!.Value,
            Int("evidence_length")!.Value, Int("value_start")!.Value, double.Parse(col("confidence")!, inv),
            col("miner_version"), col("article_url")!, col("article_title")!,
            col("published") is { } p ? DateTimeOffset.Parse(p, inv) : null);
    }
}

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.</summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"bare quote at {i}");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length) throw new FormatException("last record lacks CRLF");
            if (text[i] == ',') { i++; continue; }
            if (text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"bare line break at {i}");
            i += 2;
            records.Add([.. fields]);
            fields.Clear();
        }
        if (records.Select(r => r.Length).Distinct().Count() > 1) throw new FormatException("records differ in field count");
        return records;
    }
}

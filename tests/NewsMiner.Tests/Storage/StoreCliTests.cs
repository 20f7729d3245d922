using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.VisualBasic.FileIO;
using NewsMiner.Cli;
using NewsMiner.Storage;
using NewsMiner.Tests.Cli;
using Xunit;
using static NewsMiner.Tests.Storage.ComparePlant;

namespace NewsMiner.Tests.Storage;

/// <summary>compare, export, query and search through the command line, on a planted database.</summary>
public sealed class StoreCliTests : IDisposable
{
    private const string TrickyUrl = "https://baodaklak.vn/chinh-tri/ea-kar-12345.html";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> PlantAsync()
    {
        var db = _dir.File("plant.db");
        await using var store = await NewsStores.OpenAsync(db, CancellationToken.None);
        await FillAsync(store, CancellationToken.None);
        // A title and evidence with quotes, commas and a line break, for the CSV quoting round trip.
        await store.SaveArticleAsync(StoreSamples.Article(TrickyUrl, title: "Ea Kar: \"vượt\" chỉ tiêu, kết nạp\r\nđảng viên"),
            StoreSamples.Figures(), StoreSamples.Provenance(TrickyUrl), CancellationToken.None);
        return db;
    }

    [Fact]
    public async Task Compare_prints_rows_with_sources_conflicts_and_the_roll_up()
    {
        var db = await PlantAsync();
        var r = await CliRunner.RunAsync("compare", "--db", db, "--metric", "new_members", "--province", "Thái Nguyên", "--from", "2015", "--to", "2024");
        Assert.True(r.ExitCode == 0, r.Error);
        var phuLuong = r.Out.Split("\n").First(l => l.Contains("Phú Lương") && l.Contains(" 2016 "));
        Assert.Contains(UrlA, phuLuong);
        Assert.Contains(UrlB, phuLuong);
        Assert.Contains("CONFLICT 200 (1 src) | 210 (1 src)", r.Out);
        Assert.Contains("Roll-up", r.Out);
        Assert.Matches(@"Thái Nguyên\s+2016\s+1500\s+220\s+2\s+Đại Từ", r.Out);
        Assert.DoesNotContain("2013", r.Out);

        var csv = await CliRunner.RunAsync("compare", "--db", db, "--metric", "new_members", "--province", "19", "--from", "2015", "--to", "2024", "--csv", "--rate", "per100");
        Assert.True(csv.ExitCode == 0, csv.Error);
        var rows = ReadCsv(csv.Out);
        Assert.Equal(4, rows.Count(x => x["row_kind"] == "locality"));
        Assert.Equal("1500", rows.Single(x => x["row_kind"] == "reported" && x["period"] == "2016")["value"]);
        Assert.Equal("220", rows.Single(x => x["row_kind"] == "sum_of_parts" && x["period"] == "2016")["value"]);
        var daiTu = rows.Single(x => x["district"] == "Đại Từ");
        Assert.Equal(("true", "", "200 | 210"), (daiTu["conflict"], daiTu["value"], daiTu["all_values"]));
        Assert.Equal("2", rows.Single(x => x["district"] == "Phú Lương" && x["period"] == "2016")["rate"]);

        var json = await CliRunner.RunAsync("compare", "--db", db, "--metric", "new_members", "--province", "Thái Nguyên", "--json", "--rate", "pct_target");
        using var doc = JsonDocument.Parse(json.Out);
        var first = doc.RootElement.GetProperty("rows").EnumerateArray().First(x => x.GetProperty("district").GetString() == "Phú Lương");
        Assert.Equal(120m, first.GetProperty("rate").GetProperty("value").GetDecimal());
        Assert.Equal(2, first.GetProperty("values")[0].GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Csv_and_jsonl_exports_read_back_as_exactly_the_query_json_rows()
    {
        var db = await PlantAsync();
        var query = await CliRunner.RunAsync("query", "--db", db, "--json");
        Assert.True(query.ExitCode == 0, query.Error);
        var expected = query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Flatten).ToList();
        Assert.Equal(17, expected.Count);

        var csvPath = _dir.File("all.csv");
        var csv = await CliRunner.RunAsync("export", "--db", db, "--format", "csv", "--bom", "--out", csvPath);
        Assert.True(csv.ExitCode == 0, csv.Error);
        using (var parser = new TextFieldParser(csvPath, System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false })
        {
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            var actual = new List<Dictionary<string, string>>();
            while (!parser.EndOfData) actual.Add(header.Zip(parser.ReadFields()!).ToDictionary(p => p.First, p => p.Second));
            Assert.Equal(expected, actual);
        }
        Assert.Contains("| evidence_start |", await File.ReadAllTextAsync(Codebook.PathFor(csvPath)));

        var jsonlPath = _dir.File("all.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--db", db, "--format", "jsonl", "--out", jsonlPath)).ExitCode);
        Assert.Equal(expected, (await File.ReadAllLinesAsync(jsonlPath)).Select(Flatten).ToList());
        Assert.True(File.Exists(Codebook.PathFor(jsonlPath)));
    }

    [Fact]
    public async Task Parquet_export_reads_back_with_typed_columns_as_exactly_the_query_rows_and_has_its_codebook()
    {
        var db = await PlantAsync();
        var query = await CliRunner.RunAsync("query", "--db", db, "--json");
        var expected = query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Flatten).ToList();
        var path = _dir.File("figures.parquet");
        var r = await CliRunner.RunAsync("export", "--db", db, "--format", "parquet", "--out", path);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("format: parquet", await File.ReadAllTextAsync(Codebook.PathFor(path)));

        await using var file = File.OpenRead(path);
        await using var reader = await Parquet.ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(FigureExport.Columns, fields.Select(f => f.Name));
        // Typed, not text: counts are decimals, years and offsets integers, per_year a boolean, published a timestamp.
        Assert.Equal(typeof(decimal), fields.Single(f => f.Name == "value").ClrType);
        Assert.Equal(typeof(int), fields.Single(f => f.Name == "period_start_year").ClrType);
        Assert.Equal(typeof(bool), fields.Single(f => f.Name == "per_year").ClrType);
        Assert.Equal(typeof(DateTime), fields.Single(f => f.Name == "published").ClrType);
        var rows = new List<Dictionary<string, string>>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var columns = new List<(string Name, string[] Values)>();
            foreach (var field in fields) columns.Add((field.Name, await ReadColumnAsync(group, field)));
            for (var i = 0; i < group.RowCount; i++) rows.Add(columns.ToDictionary(c => c.Name, c => c.Values[i]));
        }
        Assert.Equal(expected, rows);
    }

    /// <summary>A Parquet column as the text the JSON rows carry, so the two can be compared value for value.</summary>
    private static async Task<string[]> ReadColumnAsync(Parquet.ParquetRowGroupReader group, Parquet.Schema.DataField field)
    {
        var n = (int)group.RowCount;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        switch (field.ClrType)
        {
            case var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>):
            {
                var values = new string?[n];
                await group.ReadAsync(field, values.AsMemory()!);
                return values.Select(v => v ?? "").ToArray();
            }
            case var t when t == typeof(decimal):
            {
                var values = new decimal?[n];
                await group.ReadAsync<decimal>(field, values.AsMemory());
                return values.Select(v => v is { } d ? (d / 1.000000000000000000000000000000000m).ToString(inv) : "").ToArray();
            }
            case var t when t == typeof(int):
            {
                var values = new int?[n];
                await group.ReadAsync<int>(field, values.AsMemory());
                return values.Select(v => v?.ToString(inv) ?? "").ToArray();
            }
            case var t when t == typeof(long):
            {
                var values = new long?[n];
                await group.ReadAsync<long>(field, values.AsMemory());
                return values.Select(v => v?.ToString(inv) ?? "").ToArray();
            }
            case var t when t == typeof(double):
            {
                var values = new double?[n];
                await group.ReadAsync<double>(field, values.AsMemory());
                return values.Select(v => v is { } d ? JsonSerializer.Serialize(d) : "").ToArray();
            }
            case var t when t == typeof(bool):
            {
                var values = new bool?[n];
                await group.ReadAsync<bool>(field, values.AsMemory());
                return values.Select(v => v is { } b ? (b ? "true" : "false") : "").ToArray();
            }
            case var t when t == typeof(DateTime):
            {
                var values = new DateTime?[n];
                await group.ReadAsync<DateTime>(field, values.AsMemory());
                // The JSON rows give the Vietnam time of day; the file holds the instant in UTC.
                return values.Select(v => v is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7))
                    .ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv) : "").ToArray();
            }
            default:
                throw new InvalidOperationException($"unexpected column type {field.ClrType} of {field.Name}");
        }
    }

    [Fact]
    public async Task Sqlite_dataset_holds_every_row_its_articles_and_the_codebook()
    {
        var db = await PlantAsync();
        var path = _dir.File("dataset.sqlite");
        var r = await CliRunner.RunAsync("export", "--db", db, "--format", "sqlite", "--out", path, "--metric", "new_members");
        Assert.True(r.ExitCode == 0, r.Error);
        var query = await CliRunner.RunAsync("query", "--db", db, "--json", "--metric", "new_members");
        var expected = query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Flatten).ToList();
        await using var conn = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await conn.OpenAsync();
        await using var cmd = new SqliteCommand("SELECT * FROM figures ORDER BY id", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var actual = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            actual.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? "" : SqliteText(reader.GetName(i), reader.GetValue(i))));
        }
        Assert.Equal(expected, actual);
        await using var count = new SqliteCommand("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM codebook WHERE section = 'metric')", conn);
        await using var c = await count.ExecuteReaderAsync();
        await c.ReadAsync();
        Assert.Equal(3, c.GetInt64(0));
        Assert.Equal(Enum.GetValues<NewsMiner.Mining.Metric>().Length, c.GetInt64(1));
        Assert.Contains("--metric new_members", await File.ReadAllTextAsync(Codebook.PathFor(path)));
    }

    [Fact]
    public async Task Unwritable_export_path_is_an_error_and_leaves_no_file()
    {
        var db = await PlantAsync();
        var blocker = _dir.File("plain-file");
        await File.WriteAllTextAsync(blocker, "x");
        foreach (var format in new[] { "csv", "jsonl", "sqlite" })
        {
            foreach (var target in new[] { _dir.File(Path.Combine("missing", "out." + format)), Path.Combine(blocker, "out." + format) })
            {
                var r = await CliRunner.RunAsync("export", "--db", db, "--format", format, "--out", target);
                Assert.Equal(ExitCodes.BadInput, r.ExitCode);
                Assert.Single(r.ErrorLines);
                Assert.False(File.Exists(target));
                Assert.False(File.Exists(Codebook.PathFor(target)));
            }
        }
        Assert.DoesNotContain(Directory.GetFiles(_dir.Path, "*", System.IO.SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("compare", "--metric", "new_membres", "new_members")]
    [InlineData("query", "--province", "Thai Nguyen x", "Thái Nguyên")]
    [InlineData("export", "--district", "Phú Lươngg", "Phú Lương")]
    public async Task Unknown_metric_or_place_lists_the_nearest_names(string command, string option, string value, string nearest)
    {
        var db = await PlantAsync();
        var args = new List<string> { command, "--db", db, option, value };
        if (command == "export") args.AddRange(["--format", "csv", "--out", _dir.File("x.csv")]);
        var r = await CliRunner.RunAsync([.. args]);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains("nearest", line);
        Assert.Contains(nearest, line);
        Assert.False(File.Exists(_dir.File("x.csv")));
    }

    [Fact]
    public async Task Search_prints_articles_with_highlighted_snippets()
    {
        var db = await PlantAsync();
        var r = await CliRunner.RunAsync("search", "--db", db, "kết nạp", "--limit", "2");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("[kết] [nạp]", r.Out);
        Assert.Contains("2 article(s)", r.Out);
        var none = await CliRunner.RunAsync("search", "--db", db, "không có từ này");
        Assert.Contains("0 article(s)", none.Out);
    }

    /// <summary>A JSON row as column → text; query --json's nested "locality" (figure-schema v1) is lifted to columns.</summary>
    private static Dictionary<string, string> Flatten(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        var fields = doc.RootElement.EnumerateObject().SelectMany(p => p.Name == "locality" && p.Value.ValueKind == JsonValueKind.Object
            ? p.Value.EnumerateObject().Select(l => (l.Name, l.Value))
            : [(p.Name, p.Value)]);
        return fields.ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => p.Value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        });
    }

    [Fact]
    public async Task Query_json_prints_each_figure_in_the_schema_shape_with_provenance_beside_it()
    {
        var db = await PlantAsync();
        var query = await CliRunner.RunAsync("query", "--db", db, "--json");
        Assert.True(query.ExitCode == 0, query.Error);
        foreach (var line in query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            // figure-schema v1, as mine --json prints it: locality nested, no flat place columns.
            Assert.Equal(JsonValueKind.Object, row.GetProperty("locality").ValueKind);
            Assert.True(row.GetProperty("locality").TryGetProperty("district", out _));
            Assert.False(row.TryGetProperty("province", out _));
            foreach (var field in new[] { "metric", "segment", "value", "value_max", "qualifier", "per_year", "period", "evidence", "confidence" })
                Assert.True(row.TryGetProperty(field, out _), field);
            foreach (var field in new[] { "id", "article_id", "article_url", "article_title", "published", "evidence_start", "miner_version" })
                Assert.True(row.TryGetProperty(field, out _), field);
        }
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData) rows.Add(header.Zip(parser.ReadFields()!).ToDictionary(p => p.First, p => p.Second));
        return rows;
    }

    // The dataset stores booleans as 0/1 and numbers as REAL; print them the way the JSON rows do.
    private static string SqliteText(string column, object value) => (column, value) switch
    {
        ("per_year", long l) => l != 0 ? "true" : "false",
        (_, double d) when column is "value" or "value_max" => ((decimal)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        (_, double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}

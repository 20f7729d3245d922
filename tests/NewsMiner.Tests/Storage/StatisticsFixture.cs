using NewsMiner.Extraction;
using NewsMiner.Mining;
using NewsMiner.Storage;
using Npgsql;
using Xunit;

namespace NewsMiner.Tests.Storage;

/// <summary>Skips when no PostgreSQL is reachable: NEWSMINER_PG is exported by .ci/run after it starts one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresSchema.Variable)))
        {
            Skip = $"PostgreSQL not available: set {PostgresSchema.Variable}=\"Host=...;Username=...;Password=...;Database=...\" (.ci/run installs and starts one)";
        }
    }
}

/// <summary>A fresh schema in the NEWSMINER_PG database per test, dropped afterwards, so tests run side by side.</summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    public const string Variable = "NEWSMINER_PG";

    private readonly string _admin;
    private readonly string _schema;

    private PostgresSchema(string admin, string schema, string connectionString)
    {
        _admin = admin;
        _schema = schema;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable) ?? throw new InvalidOperationException($"{Variable} is not set");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
        return new PostgresSchema(admin, schema, cs);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A planted comparison set in Thái Nguyên (codes from the gazetteer), written for these tests: two articles that agree
/// on Phú Lương, disagree on Đại Từ, a province total reported beside its districts, members and a target for rates.
/// </summary>
public static class ComparePlant
{
    public static readonly Locality Province = new("Thái Nguyên", null, null, null, "19");
    public static readonly Locality PhuLuong = new("Thái Nguyên", "Phú Lương", null, null, "19", "168");
    public static readonly Locality DaiTu = new("Thái Nguyên", "Đại Từ", null, null, "19", "171");
    public static readonly Locality DinhHoa = new("Thái Nguyên", "Định Hóa", null, null, "19", "167");

    public const string UrlA = "https://baothainguyen.vn/xay-dung-dang/tong-ket-2016-a.html";
    public const string UrlB = "https://baothainguyen.vn/xay-dung-dang/tong-ket-2016-b.html";

    public static async Task FillAsync(INewsStore store, CancellationToken ct)
    {
        var a = new List<(Metric, decimal, string, Locality)>
        {
            (Metric.NewMembers, 120, "2016", PhuLuong),
            (Metric.NewMembers, 200, "2016", DaiTu),
            (Metric.NewMembers, 1500, "2016", Province),
            (Metric.TotalMembers, 6000, "2016", PhuLuong),
            (Metric.NewMembersTarget, 100, "2016", PhuLuong),
            (Metric.NewMembers, 90, "2013", DinhHoa),
        };
        var b = new List<(Metric, decimal, string, Locality)>
        {
            (Metric.NewMembers, 120, "2016", PhuLuong),
            (Metric.NewMembers, 210, "2016", DaiTu),
            (Metric.NewMembers, 100, "2016", DinhHoa),
            (Metric.NewMembers, 130, "2017", PhuLuong),
            (Metric.NewMembers, 130, "2017", PhuLuong),
        };
        await SaveAsync(store, UrlA, "Thái Nguyên tổng kết công tác phát triển đảng viên", a, ct);
        await SaveAsync(store, UrlB, "Các huyện báo cáo kết quả kết nạp đảng viên", b, ct);
    }

    private static async Task SaveAsync(INewsStore store, string url, string title, List<(Metric Metric, decimal Value, string Period, Locality Where)> items, CancellationToken ct)
    {
        var sentences = items.Select(i => Sentence(i.Metric, i.Value, i.Period, i.Where)).ToList();
        var text = string.Join("\n\n", sentences);
        var figures = new List<Figure>();
        var at = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (metric, value, period, where) = items[i];
            var number = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            figures.Add(new Figure(metric, null, value, null, NewsMiner.Text.Qualifier.Exact, false, period, where, sentences[i], at, sentences[i].Length,
                at + sentences[i].IndexOf(number, StringComparison.Ordinal), 0.85));
            at += sentences[i].Length + 2;
        }
        var article = new Article(url, url, title, new DateTimeOffset(2018, 1, 15, 9, 0, 0, TimeSpan.FromHours(7)), DatePublishedSource.MetaTag,
            null, text, "vi");
        await store.SaveArticleAsync(article, figures, new ArticleProvenance(url, "baothainguyen.vn", "h:" + url, "extract-t", "miner-t", null), ct);
    }

    private static string Sentence(Metric metric, decimal value, string period, Locality where)
    {
        var org = where.District is { } d ? $"Đảng bộ huyện {d}" : $"Đảng bộ tỉnh {where.Province}";
        var n = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return metric switch
        {
            Metric.NewMembers => $"Trong năm {period}, {org} đã kết nạp {n} đảng viên mới.",
            Metric.TotalMembers => $"Tính đến cuối năm {period}, {org} có tổng cộng {n} đảng viên.",
            _ => $"Năm {period}, {org} đặt chỉ tiêu kết nạp {n} quần chúng ưu tú vào Đảng.",
        };
    }
}

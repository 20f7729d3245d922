using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMiner.Crawling;
using NewsMiner.Storage;

namespace NewsMiner.Bench;

/// <summary>
/// Fetch + parse + store throughput through the database frontier, politeness off, over a generated loopback site
/// (listings of 50 links, article pages of about 4 KB of text), and the process's peak working set.
/// Args: [pages (default 20000)] [concurrency (default 8)].
/// </summary>
public sealed class CrawlBenchmark : IBenchmark
{
    private const int PerListing = 50;

    public string Name => "crawl";

    public string Description => "crawl a generated loopback site into SQLite: pages/s and peak memory (args: pages concurrency)";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var articles = pages - (pages + PerListing) / (PerListing + 1);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/ds", (int? p) => Results.Content(Listing(p ?? 0, articles), "text/html; charset=utf-8"));
        app.MapGet("/bai/{n:int}", (int n) => Results.Content(Article(n), "text/html; charset=utf-8"));
        await app.StartAsync(ct);
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        var db = Path.Combine(Path.GetTempPath(), $"newsminer-crawl-bench-{Environment.ProcessId}.db");
        try
        {
            await using var store = await NewsStore.OpenAsync(db, ct);
            var options = new CrawlOptions
            {
                DelayMs = 0, RespectRobots = false, MaxPages = pages + 10, MaxConcurrency = concurrency, ConnectionsPerHost = concurrency,
                // The generated site's 400 listing pages (/ds?p=N) are one URL pattern; the trap limit is for sites you do not know.
                Traps = TrapLimits.Default with { MaxUrlsPerPattern = int.MaxValue },
            };
            var sources = new[] { new CrawlSource("bench", "Nghệ An", [new Uri(baseUrl, "/ds")]) };
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var report = await NewsPipeline.CreateDefault().CrawlAsync(store, sources, options, null, ct);
            watch.Stop();
            var handled = report.PagesFetched + report.Failures;
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            var t = report.Timings;
            string PerPage(TimeSpan span) => (span.TotalMicroseconds / Math.Max(handled, 1)).ToString("F0", CultureInfo.InvariantCulture);
            Console.WriteLine($"per page (µs): fetch+decode {PerPage(t.Fetch)} (overlapping requests), waiting for the crawler {PerPage(t.Crawler)}, " +
                $"extract {PerPage(t.Extract)}, mine {PerPage(t.Mine)}, store+frontier {PerPage(t.Store)}; wall {PerPage(watch.Elapsed)}");
            Console.WriteLine($"cpu {cpu.TotalSeconds:F1} s over {watch.Elapsed.TotalSeconds:F1} s wall = {cpu / watch.Elapsed:F2} cores " +
                $"(the loopback server runs in this process too); {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            Console.WriteLine($"crawl: {handled} pages ({report.ArticlesStored} articles stored, {report.Failures} failures) in {watch.Elapsed.TotalSeconds:F1} s " +
                $"= {handled / watch.Elapsed.TotalSeconds:F0} pages/s; peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MB; concurrency {concurrency}");
            if (report.Failures > 0)
            {
                Console.WriteLine("failures: " + string.Join(", ", report.FailuresByClass.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")));
                await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT url, error_class, message FROM fetches WHERE error_class IS NOT NULL LIMIT 3";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) Console.WriteLine($"  {r.GetString(0)}: {r.GetString(1)}: {r.GetString(2)}");
            }
            Console.WriteLine($"command: dotnet run -c Release --project bench/NewsMiner.Bench -- crawl {pages} {concurrency}");
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
        return 0;
    }

    /// <summary>The 1-minute load average (Linux), since other processes on a shared machine skew the numbers.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string Listing(int page, int articles)
    {
        var links = Enumerable.Range(page * PerListing, PerListing).Where(n => n < articles).Select(n => $"<li><a href=\"/bai/{n}\">Bài {n}</a></li>");
        var next = (page + 1) * PerListing < articles ? $"<a href=\"/ds?p={page + 1}\">Trang sau</a>" : "";
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Danh sách {page}</title></head><body><ul>{string.Concat(links)}</ul>{next}</body></html>";
    }

    // Sentences written for the benchmark; each article draws its own mix and numbers, so bodies differ the way real
    // articles on one topic do (and the near-duplicate check keeps each one) rather than being copies of one template.
    private static readonly string[] Sentences =
    [
        "Chi bộ thôn {0} duy trì sinh hoạt định kỳ vào ngày {1} hằng tháng, nội dung sinh hoạt bám sát nhiệm vụ của địa phương.",
        "Trong năm {2}, Đảng bộ xã số {0} kết nạp {3} đảng viên mới, phần lớn là đoàn viên thanh niên và người lao động trẻ.",
        "Ban Thường vụ giao chỉ tiêu phát triển {4} đảng viên cho các chi bộ trực thuộc và kiểm tra tiến độ mỗi quý.",
        "Hiện toàn Đảng bộ có {5} đảng viên sinh hoạt ở {6} chi bộ, trong đó có các chi bộ nhà trường và trạm y tế.",
        "Đồng chí Bí thư nhấn mạnh việc tạo nguồn phải gắn với phong trào thi đua lao động sản xuất ở từng khu dân cư.",
        "Lớp bồi dưỡng nhận thức về Đảng khóa {0} có {7} học viên theo học trong năm ngày tại trung tâm chính trị huyện.",
        "Nhiều hộ đảng viên đi đầu chuyển đổi cây trồng, hiến đất làm đường liên thôn và giúp đỡ hộ nghèo vươn lên.",
        "Công tác kiểm tra, giám sát được tiến hành thường xuyên, kịp thời chấn chỉnh những thiếu sót ở cơ sở.",
        "Cấp ủy chú trọng bồi dưỡng quần chúng ưu tú là người dân tộc thiểu số, người có uy tín trong cộng đồng.",
        "Kết quả đánh giá cuối năm có {8} chi bộ hoàn thành tốt nhiệm vụ, không có chi bộ yếu kém.",
        "Hội nghị cũng thảo luận phương hướng nhiệm vụ năm tới, tập trung nâng cao chất lượng sinh hoạt chi bộ.",
        "Các đoàn thể chính trị - xã hội phối hợp giới thiệu đoàn viên, hội viên ưu tú để Đảng xem xét bồi dưỡng.",
        "Đảng ủy xã số {0} đã trao tặng huy hiệu Đảng cho {9} đảng viên cao tuổi Đảng nhân dịp kỷ niệm ngày thành lập.",
        "Những khó khăn còn lại là nguồn phát triển đảng viên ở các thôn vùng sâu còn ít do thanh niên đi làm ăn xa.",
        "Cuối buổi, hội nghị biểu quyết thông qua nghị quyết với sự nhất trí cao của các đại biểu dự họp.",
        "Bên cạnh đó, việc quản lý đảng viên đi làm ăn xa được thực hiện qua sổ theo dõi và liên hệ định kỳ với gia đình.",
    ];

    private static string Article(int n)
    {
        var body = new System.Text.StringBuilder($"<p>Bản tin số {n} của Ban Tuyên giáo.</p>");
        for (var i = 0; i < 12; i++)
        {
            var sentence = Sentences[(n * 7 + i * 5 + n / 16) % Sentences.Length];
            body.Append("<p>").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence,
                n, 1 + (n + i) % 28, 2015 + n % 10, 5 + n % 37, 10 + n % 53, 200 + n % 911, 8 + n % 41, 20 + n % 67, 3 + n % 19, 2 + n % 23)).Append("</p>");
        }
        return $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Tin {n}</title></head><body><nav><a href=\"/ds\">Trang chủ</a></nav><article>"
            + $"<h1>Đảng bộ xã số {n} tổng kết công tác xây dựng Đảng năm 2023</h1><p>Thứ Hai, 15/01/2024, 08:00 [GMT+7]</p>"
            + body + "</article></body></html>";
    }
}

using System.Diagnostics;
using System.Text;
using NewsMiner.Mining;
using NewsMiner.Mining.Localities;
using NewsMiner.Text;

namespace NewsMiner.Bench;

/// <summary>
/// Time to mine one article of about 1,500 words (issue target: under 5 ms), with the cost of its parts: number
/// parsing, place finding, sentence splitting. The article is built from sentences written for this benchmark.
/// </summary>
public sealed class MineBenchmark : IBenchmark
{
    public string Name => "mine";
    public string Description => "ms to mine a 1,500-word article, and the cost of numbers, places and sentences";

    private static readonly string[] Sentences =
    [
        "Năm 2022, Đảng bộ huyện Đại Từ đã kết nạp được 215 đảng viên mới, đạt 107,5% chỉ tiêu được giao.",
        "Trong đó, xã Hùng Sơn kết nạp 12 đảng viên, xã Tân Linh 9 đảng viên, thị trấn Hùng Sơn 7 đảng viên.",
        "Toàn huyện hiện có 9.870 đảng viên sinh hoạt tại 412 chi bộ thuộc 56 tổ chức cơ sở đảng.",
        "Huyện ủy đã mở 6 lớp bồi dưỡng nhận thức về Đảng cho 512 quần chúng ưu tú và 4 lớp cho 230 đảng viên mới.",
        "Giai đoạn 2023-2025, huyện phấn đấu mỗi năm kết nạp từ 200 đảng viên trở lên.",
        "Công trình nhà văn hóa có tổng mức đầu tư hơn 3,5 tỷ đồng, diện tích khoảng 1.200 m2.",
        "Theo Nghị quyết số 12-NQ/HU ngày 5/3/2021, các chi bộ thôn phải rà soát nguồn kết nạp hằng quý.",
        "Đảng viên nữ chiếm 38,5%, đảng viên là người dân tộc thiểu số chiếm gần 42% tổng số đảng viên.",
        "Trang thông tin có 1.234 lượt truy cập trong ngày, tổng số 3.456.789 lượt từ khi hoạt động.",
        "Nhân dịp này, Huyện ủy trao Huy hiệu 40 năm tuổi Đảng cho 25 đồng chí.",
    ];

    public Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var words = 0;
        while (words < 1500)
        {
            foreach (var s in Sentences)
            {
                sb.Append(s).Append(words % 5 == 0 ? "\n\n" : " ");
                words += s.Split(' ').Length;
            }
        }
        var text = VietnameseText.Normalize(sb.ToString());
        var miner = FigureMiner.CreateDefault();
        var places = new LocalityResolver(Gazetteer.Default);
        var context = new MiningContext(new DateOnly(2023, 3, 1), "Thái Nguyên", "Đại Từ vượt chỉ tiêu kết nạp đảng viên");
        var figures = miner.Mine(text, context).Figures.Count;

        double Measure(Action action)
        {
            // Past tiered JIT compilation before measuring: run for a second first.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 3000) action();
            var runs = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                runs.Add(sw.Elapsed.TotalMilliseconds);
            }
            runs.Sort();
            return runs[runs.Count / 2];
        }

        var first = Measure(() => miner.Mine(text, context));
        var mine = Measure(() => miner.Mine(text, context));
        Console.WriteLine($"mine, first measurement after warm-up: {first:F3} ms; second: {mine:F3} ms");
        var numbers = Measure(() => VietnameseNumberParser.Default.FindAll(text));
        var placesMs = Measure(() => places.FindPlaces(text, new LocalityContext(context.Published, context.SiteProvince)));
        var sentences = Measure(() => SentenceSplitter.Split(text));
        Console.WriteLine($"article: {words} words, {text.Length} chars, {figures} figures");
        Console.WriteLine($"mine (whole article), median of 200: {mine:F3} ms   (target < 5 ms)");
        Console.WriteLine($"  numbers {numbers:F3} ms, places {placesMs:F3} ms, sentences {sentences:F3} ms");
        if (args.Contains("--scaling"))
        {
            foreach (var factor in new[] { 1, 2, 4 })
            {
                var big = string.Join("\n\n", Enumerable.Repeat(text, factor));
                Console.WriteLine($"  scaling x{factor}: {Measure(() => miner.Mine(big, context)):F3} ms");
            }
        }
        Console.WriteLine("command: dotnet run -c Release --project bench/NewsMiner.Bench -- mine");
        return Task.FromResult(0);
    }
}

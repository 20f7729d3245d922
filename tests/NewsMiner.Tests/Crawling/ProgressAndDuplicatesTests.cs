using NewsMiner.Crawling;
using Xunit;
using static NewsMiner.Tests.Crawling.FullPathCrawl;

namespace NewsMiner.Tests.Crawling;

/// <summary>The progress line and its ETA, the near-duplicate fingerprint, and the bundled sources.</summary>
public class ProgressAndDuplicatesTests
{
    [Theory]
    [InlineData(true, true, ProgressMode.Quiet)]
    [InlineData(true, false, ProgressMode.Quiet)]
    [InlineData(false, true, ProgressMode.Live)]
    [InlineData(false, false, ProgressMode.Periodic)]
    public void Progress_is_live_on_a_terminal_periodic_otherwise_and_silent_when_quiet(bool quiet, bool terminal, ProgressMode expected)
    {
        var mode = CrawlProgress.Choose(quiet, terminal);
        Assert.Equal(expected, mode);
        if (mode != ProgressMode.Quiet) Assert.True(CrawlProgress.Interval(mode) > TimeSpan.Zero);
    }

    [Fact]
    public void A_log_file_gets_fewer_lines_than_a_terminal() =>
        Assert.True(CrawlProgress.Interval(ProgressMode.Periodic) > CrawlProgress.Interval(ProgressMode.Live));

    [Theory]
    [InlineData(90L, 10.0, "9 s")]
    [InlineData(0L, 10.0, "0 s")]
    [InlineData(600L, 2.0, "5 min")]
    [InlineData(601L, 2.0, "6 min")]
    [InlineData(36_000L, 2.5, "4 h 00 min")]
    [InlineData(40_000L, 2.5, "4 h 26 min")]
    [InlineData(100L, 0.0, "-")]
    [InlineData(null, 3.0, "-")]
    [InlineData(long.MaxValue, 0.001, "-")]
    public void Eta_is_the_queue_at_the_current_rate(long? queued, double rate, string expected) =>
        Assert.Equal(expected, CrawlProgress.Eta(queued, rate));

    [Theory]
    [InlineData(100, 40L, 20, 10, "crawl: 100 fetched, 40 queued, 20 failed, 7 articles, 12.0 pages/s, ETA 4 s")]
    [InlineData(0, null, 0, 10, "crawl: 0 fetched, ? queued, 0 failed, 7 articles, 0.0 pages/s, ETA -")]
    [InlineData(3, 0L, 0, 2, "crawl: 3 fetched, 0 queued, 0 failed, 7 articles, 1.5 pages/s, ETA 0 s")]
    public void Progress_line_shows_fetched_queued_failed_rate_and_eta(long fetched, long? queued, long failed, int seconds, string expected) =>
        Assert.Equal(expected, CrawlProgress.Format(fetched, queued, failed, 7, TimeSpan.FromSeconds(seconds)));

    private static string Text(int seed) => string.Join("\n", Paragraphs(seed));

    public static TheoryData<string, string, bool> Pairs => new()
    {
        // a, b, one article?
        { Text(1), Text(1), true },
        { Text(1), Text(1) + "\nTheo Báo Hà Nam điện tử.", true },
        { "In bài\n" + Text(2) + "\nĐóng cửa sổ", Text(2), true },
        { Text(3).ToUpperInvariant(), Text(3), true },
        { Text(4), Text(5), false },
        { Text(4), string.Join("\n", Paragraphs(4).Take(2)) + "\n" + string.Join("\n", Paragraphs(6).Skip(2)), false },
        // A copy that adds a dated credit line is still the article; a templated notice with other figures is not.
        { Text(7), Text(7) + "\nCập nhật ngày 12/4/2024.", true },
        { Notice("Đông", 12, 3), Notice("Tây", 15, 4), false },
        { Notice("Đông", 12, 3), Notice("Đông", 12, 3) + " Theo Báo Hà Nam.", true },
        // Figures of one notice that all occur somewhere in another do not make them one article.
        { Notice("Đông", 3, 1), Notice("Đông", 1, 3), false },
    };

    /// <summary>A templated notice: only the village and the figures change from one to the next.</summary>
    private static string Notice(string village, int admitted, int branches) =>
        string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"Trong đợt {i + 1}, Đảng ủy xã thôn {village} đã tổ chức lễ kết nạp {admitted} đảng viên mới tại {branches} chi bộ trực thuộc, "
            + "các đồng chí được kết nạp đều là quần chúng ưu tú đã qua lớp bồi dưỡng nhận thức về Đảng và được chi bộ giới thiệu. "));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Near_identical_texts_share_a_band_and_pass_the_resemblance_test(string a, string b, bool same)
    {
        var (sa, sb) = (NearDuplicates.Shingles(a), NearDuplicates.Shingles(b));
        var resemblance = NearDuplicates.Resemblance(sa, sb);
        Assert.Equal(same, NearDuplicates.SameArticle(a, b));
        Assert.Equal(NearDuplicates.SameArticle(a, b), NearDuplicates.SameArticle(b, a));
        var shared = NearDuplicates.BandKeys(sa).Intersect(NearDuplicates.BandKeys(sb)).Any();
        if (same) Assert.True(shared, $"resemblance {resemblance:F2} but no shared band: the copy would never be looked at");
    }

    [Fact]
    public void Band_keys_are_stable_across_processes_and_absent_for_stubs()
    {
        var keys = NearDuplicates.BandKeys(NearDuplicates.Shingles(Text(9)));
        Assert.Equal(16, keys.Count);
        Assert.Equal(keys, NearDuplicates.BandKeys(NearDuplicates.Shingles(Text(9))));
        Assert.Empty(NearDuplicates.BandKeys(NearDuplicates.Shingles("Chi bộ thôn Đông họp bàn việc kết nạp đảng viên.")));
        Assert.True(NearDuplicates.Shingles(Text(9)).Count >= NearDuplicates.MinShingles);
    }

    [Fact]
    public void The_bundled_sources_load_without_a_path()
    {
        var sources = SourceCatalog.LoadBundled();
        Assert.NotNull(sources);
        Assert.True(sources.Count >= 30);
        Assert.All(sources, s => Assert.NotEmpty(s.StartUrls));
    }
}

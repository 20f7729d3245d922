using System.Globalization;

namespace NewsMiner.Crawling;

/// <summary>How a crawl shows its progress: one line rewritten in place, a plain line now and then, or nothing.</summary>
public enum ProgressMode
{
    Quiet,
    Live,
    Periodic,
}

/// <summary>The crawl's progress line: fetched / queued / failed / rate / ETA, and when to print it.</summary>
public static class CrawlProgress
{
    /// <summary>A terminal is redrawn often; a log file gets a line only every few seconds so it stays readable.</summary>
    public static readonly TimeSpan LiveEvery = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan PeriodicEvery = TimeSpan.FromSeconds(5);

    public static ProgressMode Choose(bool quiet, bool toTerminal) => quiet ? ProgressMode.Quiet : toTerminal ? ProgressMode.Live : ProgressMode.Periodic;

    public static TimeSpan Interval(ProgressMode mode) => mode == ProgressMode.Live ? LiveEvery : PeriodicEvery;

    /// <param name="queued">URLs waiting in the frontier; null while not known yet.</param>
    /// <param name="elapsed">Time since the crawl started; the rate counts fetched and failed pages alike.</param>
    public static string Format(long fetched, long? queued, long failed, long articles, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var rate = (fetched + failed) / seconds;
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv,
            $"crawl: {fetched} fetched, {(queued is { } q ? q.ToString(inv) : "?")} queued, {failed} failed, {articles} articles, {rate:F1} pages/s, ETA {Eta(queued, rate)}");
    }

    /// <summary>Time to fetch what is queued at the current rate, e.g. "45 s", "12 min", "3 h 05 min"; "-" when unknown.</summary>
    public static string Eta(long? queued, double pagesPerSecond)
    {
        if (queued is not { } q || pagesPerSecond <= 0 || double.IsNaN(pagesPerSecond)) return "-";
        if (q == 0) return "0 s";
        var seconds = q / pagesPerSecond;
        if (seconds > TimeSpan.FromDays(99).TotalSeconds) return "-";
        var t = TimeSpan.FromSeconds(Math.Ceiling(seconds));
        var inv = CultureInfo.InvariantCulture;
        if (t < TimeSpan.FromMinutes(1)) return string.Create(inv, $"{(int)t.TotalSeconds} s");
        if (t < TimeSpan.FromHours(1)) return string.Create(inv, $"{(int)Math.Ceiling(t.TotalMinutes)} min");
        return string.Create(inv, $"{(int)t.TotalHours} h {t.Minutes:00} min");
    }
}

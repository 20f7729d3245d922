using System.Text;

namespace NewsMiner.Crawling;

/// <summary>
/// Decides, for one crawl run, whether a link a source would follow looks like a crawler trap (see
/// <see cref="TrapLimits"/>), counts what it cut per source and reason, and says so once per source and reason
/// through <see cref="CrawlOptions.Notices"/>. Used by the crawler loop only, so it needs no locking.
/// </summary>
internal sealed class TrapGuard(TrapLimits limits, IProgress<CrawlNotice>? notices, TimeProvider time)
{
    private readonly Dictionary<(string Source, string Pattern), int> _perPattern = [];
    private readonly Dictionary<(string Source, string Reason), int> _cut = [];

    /// <summary>Links cut so far, per source (empty name: links of no source) and reason.</summary>
    public IReadOnlyDictionary<(string Source, string Reason), int> Cut => _cut;

    /// <returns>Null when the link may be followed, else the reason it is cut (the link is then counted).</returns>
    public string? Check(Uri canonical, int depth, CrawlScope? scope)
    {
        var reason = Reason(canonical, depth, scope);
        if (reason is not null) Count(canonical, scope?.Name ?? "", reason);
        return reason;
    }

    private string? Reason(Uri url, int depth, CrawlScope? scope)
    {
        if (url.AbsoluteUri.Length > limits.MaxUrlLength) return TrapLimits.UrlTooLong;
        if (depth > (scope?.MaxDepth is { } set && set != int.MaxValue ? set : limits.DefaultMaxDepth)) return TrapLimits.TooDeep;
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > limits.MaxPathSegments) return TrapLimits.PathTooLong;
        if (segments.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > limits.MaxSegmentRepeats)) return TrapLimits.RepeatedSegment;
        if (url.Query.Length <= 1) return null;
        var parameters = url.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (parameters.Length > limits.MaxQueryParameters) return TrapLimits.TooManyParameters;
        if (scope is not null && scope.ArticlePatterns.Concat(scope.ListingPatterns).Any(p => p.IsMatch(url.AbsoluteUri))) return null;
        var key = (scope?.Name ?? "", Pattern(url));
        var seen = _perPattern[key] = _perPattern.GetValueOrDefault(key) + 1;
        return seen > limits.MaxUrlsPerPattern ? TrapLimits.PatternLimit : null;
    }

    /// <summary>The run's counts, one notice per source and reason, for the summary.</summary>
    public void ReportTotals()
    {
        if (notices is null) return;
        foreach (var ((source, reason), count) in _cut)
        {
            notices.Report(new CrawlNotice(CrawlNoticeKind.LinksCut, "", source.Length == 0 ? null : source,
                $"{(source.Length == 0 ? "" : source + ": ")}{count} link(s) cut ({Explain(reason)})", time.GetUtcNow())
            {
                Reason = reason, Count = count, Total = true,
            });
        }
    }

    private void Count(Uri url, string source, string reason)
    {
        var count = _cut[(source, reason)] = _cut.GetValueOrDefault((source, reason)) + 1;
        if (count > 1 || notices is null) return;
        var example = url.AbsoluteUri.Length > 120 ? url.AbsoluteUri[..120] + "…" : url.AbsoluteUri;
        notices.Report(new CrawlNotice(CrawlNoticeKind.LinksCut, Crawler.HostKey(url.Host), source.Length == 0 ? null : source,
            $"{(source.Length == 0 ? "" : source + ": ")}links cut as a crawler trap ({Explain(reason)}), e.g. {example}", time.GetUtcNow())
        {
            Reason = reason, Count = count,
        });
    }

    private string Explain(string reason) => reason switch
    {
        TrapLimits.UrlTooLong => $"URL longer than {limits.MaxUrlLength} characters",
        TrapLimits.TooDeep => "deeper than the source's depth limit",
        TrapLimits.PathTooLong => $"more than {limits.MaxPathSegments} path segments",
        TrapLimits.RepeatedSegment => $"a path segment repeated more than {limits.MaxSegmentRepeats} times",
        TrapLimits.TooManyParameters => $"more than {limits.MaxQueryParameters} query parameters",
        TrapLimits.PatternLimit => $"more than {limits.MaxUrlsPerPattern} URLs of one pattern in this run",
        _ => reason,
    };

    /// <summary>
    /// Host and path with digit runs as '#', the query dropped: what a calendar (?ngay=…) or a facet (?loai=…&amp;gia=…)
    /// keeps constant while its URLs never run dry. Only URLs with a query are counted against it.
    /// </summary>
    internal static string Pattern(Uri url)
    {
        var sb = new StringBuilder(url.Host).Append(':').Append(url.Port);
        var inDigits = false;
        foreach (var c in url.AbsolutePath)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits) sb.Append('#');
                inDigits = true;
                continue;
            }
            inDigits = false;
            sb.Append(c);
        }
        return sb.Append('?').ToString();
    }
}

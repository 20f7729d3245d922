namespace NewsMiner.Crawling;

/// <summary>The catalogue of <see cref="FetchFailure.ErrorClass"/> values; stored as-is, so never rename one.</summary>
public static class FetchErrorClass
{
    public const string Dns = "dns";
    public const string Connect = "connect";
    public const string Tls = "tls";
    public const string Timeout = "timeout";
    public const string Reset = "reset";
    public const string Http4xx = "http_4xx";
    public const string Http5xx = "http_5xx";
    public const string TooLarge = "too_large";
    public const string NotHtml = "not_html";
    public const string RedirectLoop = "redirect_loop";
    public const string TooManyRedirects = "too_many_redirects";
    public const string BadUrl = "bad_url";
    public const string Empty = "empty";
    public const string RobotsDenied = "robots_denied";
    public const string LegacyEncoding = "legacy_encoding";
    public const string LeakedError = "leaked_error";

    /// <summary>A body that could not be read as sent: corrupt compression, cut short, broken chunked framing.</summary>
    public const string BadBody = "bad_body";

    /// <summary>A redirect to a host the URL's source does not crawl; never followed.</summary>
    public const string OffSiteRedirect = "off_site_redirect";

    /// <summary>Failures worth another attempt later: the server or the path to it may recover.</summary>
    public static bool IsTransient(string errorClass, int? status) =>
        errorClass is Timeout or Reset or BadBody or Connect or Http5xx || (errorClass == Http4xx && status is 429 or 408);

    /// <summary>Faults of one page (the host answered, or may have): retried fewer times, never held against the host.</summary>
    public static bool IsPageFault(string errorClass) => errorClass is Timeout or Reset or BadBody;

    /// <summary>Failures that say the host itself is unreachable; enough different URLs failing so open its circuit breaker.</summary>
    public static bool IsConnectionLevel(string errorClass) => errorClass is Dns or Connect or Tls;

    public static IReadOnlyList<string> All { get; } =
        [Dns, Connect, Tls, Timeout, Reset, Http4xx, Http5xx, TooLarge, NotHtml, RedirectLoop, TooManyRedirects, BadUrl, Empty, RobotsDenied, LegacyEncoding, LeakedError, BadBody, OffSiteRedirect];
}

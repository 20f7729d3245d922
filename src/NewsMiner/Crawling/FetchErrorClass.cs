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

    public static IReadOnlyList<string> All { get; } =
        [Dns, Connect, Tls, Timeout, Reset, Http4xx, Http5xx, TooLarge, NotHtml, RedirectLoop, TooManyRedirects, BadUrl, Empty];
}

using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using NewsMiner.Crawling;
using Xunit;

namespace NewsMiner.Tests.Crawling;

public class UrlRulesTests
{
    [Theory]
    [InlineData("HTTP://BaoTinh.VN:80/tin-tuc/a.html#binh-luan", "http://baotinh.vn/tin-tuc/a.html")]
    [InlineData("https://baotinh.vn:443/", "https://baotinh.vn/")]
    [InlineData("https://baotinh.vn:8443/a", "https://baotinh.vn:8443/a")]
    [InlineData("https://baotinh.vn", "https://baotinh.vn/")]
    [InlineData("https://baotinh.vn/a?utm_source=zalo&id=7&fbclid=XyZ&gclid=1", "https://baotinh.vn/a?id=7")]
    [InlineData("https://baotinh.vn/a?UTM_Medium=x", "https://baotinh.vn/a")]
    [InlineData("https://baotinh.vn/a?page=2&cat=5", "https://baotinh.vn/a?cat=5&page=2")]
    [InlineData("https://baotinh.vn/a?b=2&a=1&b=1", "https://baotinh.vn/a?a=1&b=2&b=1")]
    [InlineData("https://baotinh.vn/a?", "https://baotinh.vn/a")]
    [InlineData("https://baotinh.vn/a?utm_campaign=x#top", "https://baotinh.vn/a")]
    public void Canonicalize_gives_one_spelling(string input, string expected) =>
        Assert.Equal(expected, Crawler.Canonicalize(new Uri(input)).AbsoluteUri);

    [Fact]
    public void Canonicalize_is_idempotent_and_rejects_relative_urls()
    {
        var once = Crawler.Canonicalize(new Uri("HTTPS://Tinh.gov.vn:443/x?z=1&utm_id=2&a=3#f"));
        Assert.Equal(once, Crawler.Canonicalize(once));
        Assert.Throws<ArgumentException>(() => Crawler.Canonicalize(new Uri("/x", UriKind.Relative)));
    }

    public static TheoryData<string> TrackingNames() => [.. UrlCanonicalizer.TrackingParameters];

    [Theory]
    [MemberData(nameof(TrackingNames))]
    public void Every_tracking_parameter_in_the_table_is_stripped(string name) =>
        Assert.Equal("https://tinh.vn/x?id=1", Crawler.Canonicalize(new Uri($"https://tinh.vn/x?id=1&{name}=abc")).AbsoluteUri);

    public static TheoryData<string> TrackingPrefixes() => [.. UrlCanonicalizer.TrackingParameterPrefixes];

    [Theory]
    [MemberData(nameof(TrackingPrefixes))]
    public void Every_tracking_prefix_in_the_table_is_stripped(string prefix) =>
        Assert.Equal("https://tinh.vn/x?id=1", Crawler.Canonicalize(new Uri($"https://tinh.vn/x?{prefix}term=a&id=1")).AbsoluteUri);

    public static TheoryData<string> SkippedExtensions() => [.. LinkExtractor.NonPageExtensions];

    [Theory]
    [MemberData(nameof(SkippedExtensions))]
    public void Every_non_page_extension_in_the_table_is_skipped(string extension)
    {
        Assert.False(LinkExtractor.IsPageCandidate(new Uri($"https://tinh.vn/files/van-ban{extension}")));
        Assert.False(LinkExtractor.IsPageCandidate(new Uri($"https://tinh.vn/files/VAN-BAN{extension.ToUpperInvariant()}?v=2")));
    }

    [Theory]
    [InlineData("https://tinh.vn/tin-tuc/bai-viet-12345.html", true)]
    [InlineData("https://tinh.vn/tin-tuc/bai-viet.htm", true)]
    [InlineData("https://tinh.vn/Pages/tin.aspx?ItemID=9", true)]
    [InlineData("https://tinh.vn/index.php?id=3", true)]
    [InlineData("https://tinh.vn/chuyen-muc/", true)]
    [InlineData("mailto:toasoan@tinh.vn", false)]
    [InlineData("javascript:void(0)", false)]
    [InlineData("tel:0912345678", false)]
    [InlineData("ftp://tinh.vn/a.html", false)]
    public void Page_candidates(string url, bool expected) =>
        Assert.Equal(expected, LinkExtractor.IsPageCandidate(new Uri(url)));

    [Fact]
    public void Links_resolve_against_base_and_skip_non_pages()
    {
        const string html = """
            <html><head><base href="/chuyen-muc/"></head><body>
            <a href="bai-mot.html#doan-2">một</a> <a href="/tin/hai">hai</a> <a href=" https://khac.vn/ba ">ba</a>
            <a href="mailto:a@b.vn">thư</a> <a href="javascript:;">js</a> <a href="anh.JPG">ảnh</a> <a href="">rỗng</a> <a>không</a>
            </body></html>
            """;
        var links = LinkExtractor.Extract(html, new Uri("https://tinh.vn/tin/trang.html")).Select(u => u.AbsoluteUri).ToList();
        Assert.Equal(["https://tinh.vn/chuyen-muc/bai-mot.html#doan-2", "https://tinh.vn/tin/hai", "https://khac.vn/ba"], links);
    }

    [Fact]
    public void Error_catalogue_values_are_distinct_snake_case()
    {
        Assert.Equal(FetchErrorClass.All.Count, FetchErrorClass.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(FetchErrorClass.RobotsDenied, FetchErrorClass.All);
        Assert.All(FetchErrorClass.All, c => Assert.Matches("^[a-z0-9_]+$", c));
    }

    public static TheoryData<Exception, string> ClassifiedExceptions() => new()
    {
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host", new SocketException((int)SocketError.HostNotFound)), FetchErrorClass.Dns },
        { new HttpRequestException("x", new SocketException((int)SocketError.HostNotFound)), FetchErrorClass.Dns },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), FetchErrorClass.Connect },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "ssl", new AuthenticationException("bad cert")), FetchErrorClass.Tls },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "ssl"), FetchErrorClass.Tls },
        { new TaskCanceledException("timeout"), FetchErrorClass.Timeout },
        { new IOException("reset", new SocketException((int)SocketError.ConnectionReset)), FetchErrorClass.Reset },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), FetchErrorClass.Reset },
        { new IOException("unexpected end"), FetchErrorClass.Reset },
        { new InvalidOperationException("invalid request URI"), FetchErrorClass.BadUrl },
    };

    [Theory]
    [MemberData(nameof(ClassifiedExceptions))]
    public void Exceptions_map_to_error_classes(Exception exception, string expected) =>
        Assert.Equal(expected, Crawler.Classify(exception));

    [Theory]
    [InlineData("windows-1258", 1258)]
    [InlineData("WINDOWS-1258", 1258)]
    [InlineData("cp1258", 1258)]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("utf-8", 65001)]
    [InlineData("\"utf-8\"", 65001)]
    public void Charset_labels_resolve(string label, int codePage) =>
        Assert.Equal(codePage, HtmlDecoding.Resolve(label)?.CodePage);

    [Fact]
    public void Unknown_charset_label_resolves_to_nothing() => Assert.Null(HtmlDecoding.Resolve("khong-co-bang-ma"));

    public static TheoryData<string, int> AliasRows()
    {
        var rows = new TheoryData<string, int>();
        foreach (var (label, codePage) in HtmlDecoding.LabelToCodePage) rows.Add(label, codePage);
        return rows;
    }

    [Theory]
    [MemberData(nameof(AliasRows))]
    public void Every_charset_alias_names_an_available_code_page(string label, int codePage) =>
        Assert.Equal(codePage, HtmlDecoding.Resolve(label)?.CodePage);

    // Windows-1258 keeps tones as combining marks, so the text is spelled in that decomposed form to be encodable.
    private const string Cp1258Spelling = "\u0110a\u0309ng vi\u00EAn m\u01A1\u0301i";
    private const string Expected = "Đảng viên mới";

    [Theory]
    [InlineData("bom")]
    [InlineData("header")]
    [InlineData("meta")]
    [InlineData("http-equiv")]
    [InlineData("header-wins-over-meta")]
    [InlineData("default")]
    public void Decoding_order_is_bom_header_meta_default(string source)
    {
        var cp1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        var (bytes, header) = source switch
        {
            "bom" => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"<p>{Expected}</p>")], "windows-1258"),
            "header" => (cp1258.GetBytes($"<p>{Cp1258Spelling}</p>"), "windows-1258"),
            "meta" => (cp1258.GetBytes($"<head><meta charset=\"windows-1258\"></head><p>{Cp1258Spelling}</p>"), null),
            "http-equiv" => (cp1258.GetBytes($"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><p>{Cp1258Spelling}</p>"), null),
            "header-wins-over-meta" => (Encoding.UTF8.GetBytes($"<meta charset=\"windows-1258\"><p>{Expected}</p>"), "utf-8"),
            _ => (Encoding.UTF8.GetBytes($"<p>{Expected}</p>"), (string?)null),
        };
        var text = HtmlDecoding.Decode(bytes, header);
        Assert.Contains(Expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFEFF", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "text/html", "utf-8", true)]
    [InlineData("text/html;charset=UTF-8;", "text/html", "UTF-8", true)]
    [InlineData("text/html;; charset=windows-1258", "text/html", "windows-1258", true)]
    [InlineData("TEXT/HTML; Charset=\"windows-1258", "text/html", "windows-1258", true)]
    [InlineData("text/html; charset=", "text/html", null, true)]
    [InlineData("text/html, text/html", "text/html", null, true)]
    [InlineData("application/xhtml+xml;", "application/xhtml+xml", null, true)]
    [InlineData("application/pdf;", "application/pdf", null, false)]
    [InlineData("text html", null, null, false)]
    [InlineData("", null, null, false)]
    public void Content_type_is_read_leniently(string raw, string? mediaType, string? charset, bool isHtml)
    {
        using var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", raw);
        var header = ContentTypeHeader.From(content.Headers);
        Assert.Equal((mediaType, charset, isHtml), (header.MediaType, header.Charset, header.IsHtml));
    }
}

using System.Text;
using System.Text.RegularExpressions;
using NewsMiner.Crawling;

namespace NewsMiner.Extraction;

/// <summary>
/// Turns saved page bytes into text as a browser without an HTTP header would: BOM, then a charset declared in a
/// &lt;meta&gt; within the first 1024 bytes, else UTF-8 when the bytes are valid UTF-8, else windows-1252 (the
/// default browsers use for undeclared Western pages). Output is NFC.
/// </summary>
public static partial class PageDecoder
{
    private const int PrescanBytes = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset = null)
    {
        var encoding = Sniff(bytes, headerCharset, out var skip);
        string text;
        if (encoding is not null) text = encoding.GetString(bytes[skip..]);
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8 and nothing declared where browsers look: old pages put scripts before their meta tag, so
                // look as far as the crawler does before falling back to windows-1252.
                var late = LateDeclaration(bytes);
                text = (late ?? CodePagesEncodingProvider.Instance.GetEncoding(1252)!).GetString(bytes);
            }
        }
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static Encoding? LateDeclaration(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, HtmlDecoding.MetaPrescanBytes)]);
        var meta = MetaCharset().Match(head);
        return meta.Success && HtmlDecoding.Resolve(meta.Groups[1].Value) is { CodePage: not (1200 or 1201 or 65001) } e ? e : null;
    }

    /// <summary>The declared encoding (BOM, header, meta), or null when nothing is declared.</summary>
    private static Encoding? Sniff(ReadOnlySpan<byte> bytes, string? headerCharset, out int skip)
    {
        skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
            return Encoding.UTF8;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            skip = 2;
            return Encoding.Unicode;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            skip = 2;
            return Encoding.BigEndianUnicode;
        }
        if (HtmlDecoding.Resolve(headerCharset) is { } fromHeader) return fromHeader;
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var meta = MetaCharset().Match(head);
        if (!meta.Success) return null;
        var declared = HtmlDecoding.Resolve(meta.Groups[1].Value);
        // An ASCII prescan cannot have found a UTF-16 declaration honestly; the HTML standard reads it as UTF-8.
        return declared is { CodePage: 1200 or 1201 } ? Encoding.UTF8 : declared;
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}

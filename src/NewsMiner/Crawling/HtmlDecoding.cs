using System.Text;
using System.Text.RegularExpressions;

namespace NewsMiner.Crawling;

/// <summary>
/// Turns body bytes into text the way browsers do, in the order BOM, HTTP charset, &lt;meta&gt; charset, UTF-8.
/// Legacy code pages come from <see cref="CodePagesEncodingProvider"/> directly: registering the provider would
/// change process-wide state from a library.
/// </summary>
internal static partial class HtmlDecoding
{
    /// <summary>How far into the body the &lt;meta&gt; prescan looks (the HTML standard says 1024; old portals put long scripts first).</summary>
    internal const int MetaPrescanBytes = 4096;

    /// <summary>
    /// Labels the HTML standard maps to another encoding: pages that say latin1 or ascii are in practice windows-1252.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, int> LabelToCodePage = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["iso-8859-1"] = 1252,
        ["iso8859-1"] = 1252,
        ["latin1"] = 1252,
        ["l1"] = 1252,
        ["us-ascii"] = 1252,
        ["ascii"] = 1252,
        ["cp1258"] = 1258,
        ["x-cp1258"] = 1258,
    };

    public static string Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        var (encoding, skip) = Detect(body, headerCharset);
        var text = encoding.GetString(body[skip..]);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <returns>The encoding and the number of BOM bytes to skip.</returns>
    public static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);

        if (Resolve(headerCharset) is { } fromHeader) return (Overrule(fromHeader, body), 0);

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaPrescanBytes)]);
        var meta = MetaCharset().Match(head);
        // A page cannot be UTF-16 if its ASCII prescan found the declaration; the standard reads that label as UTF-8.
        if (meta.Success && Resolve(meta.Groups[1].Value) is { } fromMeta)
            return (fromMeta.CodePage is 1200 or 1201 ? Encoding.UTF8 : Overrule(fromMeta, body), 0);

        return (Encoding.UTF8, 0);
    }

    /// <summary>
    /// Vietnamese portals often keep a server default of iso-8859-1 / windows-1252 while serving UTF-8. Such a label
    /// cannot be right for Vietnamese text, and a body with multi-byte sequences that is valid UTF-8 throughout is,
    /// in practice, never text in a single-byte code page; so the body wins over the label.
    /// </summary>
    private static Encoding Overrule(Encoding declared, ReadOnlySpan<byte> body) =>
        declared.CodePage is 1252 or 28591 or 20127 && body.ContainsAnyInRange((byte)0x80, (byte)0xFF) && System.Text.Unicode.Utf8.IsValid(body)
            ? Encoding.UTF8
            : declared;

    public static Encoding? Resolve(string? label)
    {
        label = label?.Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(label)) return null;
        if (LabelToCodePage.TryGetValue(label, out var codePage)) return CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            // Not built into .NET (e.g. windows-1258); fall through to the legacy code pages.
        }
        return CodePagesEncodingProvider.Instance.GetEncoding(label);
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}

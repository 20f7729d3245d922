namespace NewsMiner.Crawling;

/// <summary>
/// Recognises a body that is not text whatever its Content-Type says (an image, a PDF, an archive served as
/// text/html), so it is refused as not_html instead of being parsed into a page of garbage.
/// </summary>
internal static class BinarySniff
{
    /// <summary>How much of the body is looked at; a text page has no control bytes at its start.</summary>
    private const int SniffBytes = 1024;

    /// <summary>Share of control bytes (NUL and other C0 codes but tab, line breaks, form feed, escape) that marks binary data.</summary>
    private const double ControlShare = 0.10;

    private static readonly (string Name, byte[] Magic)[] Signatures =
    [
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("a JPEG image", [0xFF, 0xD8, 0xFF]),
        ("a GIF image", "GIF8"u8.ToArray()),
        ("a PDF document", "%PDF-"u8.ToArray()),
        ("a ZIP archive (or an Office document)", [0x50, 0x4B, 0x03, 0x04]),
        ("a gzip stream", [0x1F, 0x8B]),
        ("an old Office document", [0xD0, 0xCF, 0x11, 0xE0]),
    ];

    /// <returns>What the body looks like when it is binary ("a PNG image", "binary data"), else null.</returns>
    public static string? Describe(ReadOnlySpan<byte> body)
    {
        foreach (var (name, magic) in Signatures)
            if (body.StartsWith(magic)) return name;
        // UTF-16 text has a NUL in every other byte; it comes with a BOM, which decoding honours.
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return null;
        var head = body[..Math.Min(body.Length, SniffBytes)];
        if (head.IsEmpty) return null;
        var control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) control++;
        return control > head.Length * ControlShare ? "binary data" : null;
    }
}

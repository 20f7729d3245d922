using System.Reflection;

namespace NewsMiner.SampleSite;

/// <summary>
/// Maps request paths to the embedded files of data/sample-site (resource names "sample-site/&lt;relative path&gt;").
/// URL shapes mirror the imitated sites: directory URLs with a trailing slash (index.html), extensionless article
/// URLs (a ".html" file), NukeViet "/page-N" listings (a "page-N.html" file) and "?page=N" listings (a file with
/// "-page-N" before its extension).
/// </summary>
public sealed class SampleSiteContent
{
    public const string ResourcePrefix = "sample-site/";
    public const string HtmlContentType = "text/html; charset=utf-8";

    // The gold file rides along in the same folder but is not part of the site a crawler should see.
    private const string ManifestName = "manifest.json";

    private static readonly Assembly Owner = typeof(SampleSiteContent).Assembly;

    private static readonly (string Extension, string ContentType)[] ContentTypes =
    [
        (".html", HtmlContentType),
        (".htm", HtmlContentType),
        (".aspx", HtmlContentType),
        (".pdf", "application/pdf"),
        (".txt", "text/plain; charset=utf-8"),
        (".gif", "image/gif"),
        (".css", "text/css; charset=utf-8"),
    ];

    private readonly HashSet<string> _files;

    private SampleSiteContent(HashSet<string> files) => _files = files;

    /// <summary>Site-relative paths of every served file ("baotinh/index.html", "robots.txt", ...).</summary>
    public IReadOnlyCollection<string> Files => _files;

    public static SampleSiteContent Load()
    {
        var files = Owner.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..].Replace('\\', '/'))
            .Where(n => n != ManifestName)
            .ToHashSet(StringComparer.Ordinal);
        return new SampleSiteContent(files);
    }

    /// <summary>The file that answers <paramref name="path"/> (page <paramref name="page"/> of a listing), or null for 404.</summary>
    public string? Resolve(string path, int page)
    {
        var rel = Uri.UnescapeDataString(path).TrimStart('/');
        if (rel.Contains("..", StringComparison.Ordinal)) return null;
        IEnumerable<string> candidates = rel.Length == 0 || rel.EndsWith('/')
            ? [rel + "index.html"]
            : [rel, rel + ".html", rel + "/index.html"];
        foreach (var candidate in candidates)
        {
            var name = page == 1 ? candidate : WithPage(candidate, page);
            if (_files.Contains(name)) return name;
        }
        return null;
    }

    // Embedded resources are memory-backed streams, so a synchronous copy does no real I/O.
    public byte[] Read(string file)
    {
        using var stream = Owner.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new FileNotFoundException("Embedded sample-site file not found", file);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string ContentTypeOf(string file)
    {
        foreach (var (extension, type) in ContentTypes)
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return type;
        }
        return "application/octet-stream";
    }

    private static string WithPage(string file, int page)
    {
        var slash = file.LastIndexOf('/');
        var dot = file.LastIndexOf('.');
        return dot > slash ? $"{file[..dot]}-page-{page}{file[dot..]}" : $"{file}-page-{page}";
    }
}

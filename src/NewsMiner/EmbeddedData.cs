using System.Reflection;

namespace NewsMiner;

/// <summary>Reads the data files (data/language, data/gazetteer, data/sites, models) that ship inside the library.</summary>
public static class EmbeddedData
{
    private static readonly Assembly Owner = typeof(EmbeddedData).Assembly;

    /// <param name="path">Path under the repository root with forward slashes, e.g. "data/language/numbers.json".</param>
    public static Stream Open(string path) =>
        Owner.GetManifestResourceStream(path.Replace('\\', '/'))
        ?? throw new FileNotFoundException($"Embedded data file not found: {path}", path);

    public static string ReadText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> List(string prefix) =>
        Owner.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}

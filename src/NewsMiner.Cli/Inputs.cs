using NewsMiner.Crawling;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner.Cli;

/// <summary>Reading what the user points at (a file, stdin or a URL) and checking option values, with one-line errors.</summary>
public static class Inputs
{
    public sealed record Document(string Content, bool IsHtml, Uri? Url, string Name);

    public static async Task<Document> ReadAsync(string input, CancellationToken ct)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var crawler = new Crawler(new CrawlOptions { StartUrls = [uri], DelayMs = 0, MaxPages = 1 });
            var outcome = await crawler.FetchOneAsync(uri, ct).ConfigureAwait(false);
            return outcome switch
            {
                FetchedPage page when string.IsNullOrWhiteSpace(page.Html) => throw new UserError($"{input}: empty page"),
                FetchedPage page => new Document(page.Html, true, page.FinalUrl, input),
                FetchFailure f => throw new UserError($"{input}: {f.ErrorClass}: {f.Message}"),
                _ => throw new UserError($"{input}: nothing fetched"),
            };
        }
        string content;
        if (input == "-")
        {
            content = await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
        }
        else
        {
            if (!File.Exists(input)) throw new UserError($"{input}: no such file");
            content = await File.ReadAllTextAsync(input, ct).ConfigureAwait(false);
        }
        if (string.IsNullOrWhiteSpace(content)) throw new UserError($"{input}: the file is empty");
        return new Document(content, LooksLikeHtml(input, content), null, input);
    }

    public static bool LooksLikeHtml(string name, string content)
    {
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)) return true;
        var head = content.AsSpan(0, Math.Min(content.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p>", StringComparison.OrdinalIgnoreCase);
    }

    public static Metric? ParseMetric(string? value)
    {
        if (value is null) return null;
        if (MetricNames.TryParse(value, out var metric)) return metric;
        var nearest = MetricNames.All.OrderBy(n => Distance(n, value)).Take(3);
        throw new UserError($"unknown metric '{value}'; nearest: {string.Join(", ", nearest)}");
    }

    public static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new UserError($"{option} '{value}': expected a date as YYYY-MM-DD");
    }

    /// <summary>
    /// Opens an existing database for reading: a SQLite file, or a PostgreSQL connection string ("Host=...;Database=..."
    /// or a postgres:// URL; see <see cref="NewsStores.IsPostgres"/>). A missing file is an error that names it, and no
    /// file is created; a PostgreSQL database must already hold a NewsMiner schema of this version.
    /// </summary>
    public static Task<INewsStore> OpenExistingAsync(string db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (NewsStores.IsPostgres(db)) return NewsStores.OpenExistingAsync(db, ct);
        if (!File.Exists(db)) throw new UserError($"{db}: no such database (run `newsminer crawl` or `newsminer demo` first, or pass --db)");
        return NewsStores.OpenExistingAsync(db, ct);
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }
}

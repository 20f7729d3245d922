using System.CommandLine;
using System.Globalization;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>`newsminer status`: per source, the last run, pages, new articles, failed URLs by class, last new article.</summary>
public static class StatusCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("status", "Show per source: last run, pages, new articles, failures by class, URLs still queued and when due, last new article.");
        command.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(CliApp.DbOption)!;
            if (!NewsStore.IsPostgres(path) && !File.Exists(path)) throw new UserError($"{path}: no such database");
            await using var store = await NewsStore.OpenAsync(path, ct).ConfigureAwait(false);
            await using var frontier = await DurableFrontier.OpenAsync(store, ct).ConfigureAwait(false);
            var rows = await frontier.StatusAsync(ct).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                io.Out.WriteLine("No crawl has run on this database yet.");
                return ExitCodes.Ok;
            }
            static string T(DateTimeOffset? t) => t?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            foreach (var s in rows)
            {
                var failures = s.FailedUrlsByClass.Count == 0 ? "none" : string.Join(", ", s.FailedUrlsByClass.Select(f => $"{f.Key} {f.Value}"));
                var lastRunFailures = s.LastRunFailuresByClass.Count == 0 ? "none"
                    : string.Join(", ", s.LastRunFailuresByClass.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"));
                io.Out.WriteLine($"{s.Source}: last run {T(s.LastRunStarted)}{(s.LastRunFinished is null ? " (unfinished)" : "")}, " +
                    $"{s.LastRunPages} page(s), {s.LastRunNewArticles} new article(s), failed {lastRunFailures}; all runs {s.TotalPages} page(s), {s.TotalNewArticles} new; " +
                    $"failed URLs: {failures}; {CrawlSummary.Queued(s.Queue)}; last new article {T(s.LastNewArticleAt)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

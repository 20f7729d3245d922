using System.CommandLine;
using System.Globalization;

namespace NewsMiner.Cli.Commands;

/// <summary>newsminer search: full-text search over stored articles, so researchers can read what the miner missed.</summary>
public static class SearchCommand
{
    public static Command Create(CliIo io)
    {
        var words = new Argument<string>("words") { Description = "Words that must all occur, e.g. kết nạp (either tone placement matches; a word typed without diacritics matches with or without them; \"quoted words\" in a row)" };
        var limit = new Option<int>("--limit") { Description = "At most this many articles, best first", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Search article titles and texts; matched words are shown in [brackets].") { words, limit };
        command.SetAction(async (r, ct) =>
        {
            var max = r.GetValue(limit);
            if (max <= 0) throw new UserError($"--limit {max}: expected a positive number");
            await using var store = await StoreAccess.OpenExistingAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var count = 0;
            await foreach (var hit in store.SearchAsync(r.GetValue(words)!, max, ct).ConfigureAwait(false))
            {
                count++;
                var date = hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
                io.Out.WriteLine($"{date}  {hit.Title}");
                io.Out.WriteLine($"    {hit.Url}");
                io.Out.WriteLine($"    {hit.Snippet.ReplaceLineEndings(" ")}");
            }
            io.Out.WriteLine($"{count} article(s)");
            return ExitCodes.Ok;
        });
        return command;
    }
}

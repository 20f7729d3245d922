using System.CommandLine;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>newsminer reindex: builds the full-text index beside the store anew from its articles (it is derived data).</summary>
public static class ReindexCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("reindex", "Rebuild the full-text search index from the stored articles (LiteDB: the FILE.search folder beside the store).");
        command.SetAction(async (r, ct) =>
        {
            var db = r.GetValue(CliApp.DbOption)!;
            if (!NewsStores.IsPostgres(db) && !File.Exists(db)) throw new UserError($"{db}: no such database (run `newsminer crawl` or `newsminer demo` first, or pass --db)");
            await using var store = await NewsStores.OpenAsync(db, ct).ConfigureAwait(false);
            var count = await store.ReindexAsync(ct).ConfigureAwait(false);
            io.Out.WriteLine($"Indexed {count} article(s) of {store.Path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

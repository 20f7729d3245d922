using System.CommandLine;
using NewsMiner.Storage;
using NewsMiner.Storage.Lite;

namespace NewsMiner.Cli.Commands;

/// <summary>newsminer import-store OLD.db: moves a SQLite store of the previous release into a new LiteDB store (--db).</summary>
public static class ImportStoreCommand
{
    public static Command Create(CliIo io)
    {
        var old = new Argument<string>("old") { Description = "The SQLite store written by the release before LiteDB (it is only read)" };
        var command = new Command("import-store",
            "Move a SQLite store of the previous release (articles, URLs, figures, fetches, sources, frontier, runs) into a new store, the --db file.") { old };
        command.SetAction(async (r, ct) =>
        {
            var from = r.GetValue(old)!;
            var db = r.GetValue(CliApp.DbOption)!;
            if (!File.Exists(from)) throw new UserError($"{from}: no such file");
            if (!NewsStores.IsPostgres(db) && Path.GetFullPath(db) == Path.GetFullPath(from)) throw new UserError($"{db}: give a new --db path for the imported store");
            // The old file is checked before the new one is created, so a wrong argument leaves nothing behind.
            await SqliteImport.CheckAsync(from, ct).ConfigureAwait(false);
            await using var store = await NewsStores.OpenAsync(db, ct).ConfigureAwait(false);
            var report = await SqliteImport.RunAsync(from, store, ct).ConfigureAwait(false);
            io.Out.WriteLine($"Imported {from} into {store.Path}: {report.Articles} article(s), {report.Urls} URL(s), {report.Figures} figure(s), " +
                $"{report.Fetches} fetch(es), {report.Sources} source(s), {report.FrontierUrls} frontier URL(s), {report.Runs} run(s)");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using NewsMiner.Crawling;
using NewsMiner.SampleSite;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class DemoCommand
{
    /// <summary>The demo's own database, so a demo never overwrites research data in newsminer.db.</summary>
    public const string DemoDatabase = "newsminer-demo.db";

    public static Command Create(CliIo io)
    {
        var command = new Command("demo",
            $"Serve the bundled sample site on loopback, crawl it into a fresh database ({DemoDatabase} unless --db is given), and compare localities.");
        command.SetAction(async (r, ct) =>
        {
            var dbResult = r.GetResult(CliApp.DbOption);
            var explicitDb = dbResult is not null && !dbResult.Implicit;
            var db = explicitDb ? r.GetValue(CliApp.DbOption)! : DemoDatabase;
            var postgres = NewsStores.IsPostgres(db);
            if (explicitDb && !postgres && File.Exists(db)) throw new UserError($"{db}: already exists; the demo builds a fresh database, so give a new path");
            if (!postgres) DeleteDatabase(db);

            await using var server = await SampleSiteServer.StartAsync(ct).ConfigureAwait(false);
            io.Out.WriteLine($"Sample site serving on {server.BaseAddress}");
            var manifest = SampleSiteManifest.Load();
            var sources = manifest.Articles
                .GroupBy(a => a.Kind)
                .Select(g => new CrawlSource(g.Key, g.First().Province,
                    server.StartUrls.Where(u => u.AbsolutePath.StartsWith("/" + g.Key + "/", StringComparison.Ordinal)).ToList()))
                .Where(s => s.StartUrls.Count > 0)
                .ToList();
            var options = new CrawlOptions { StartUrls = server.StartUrls, DelayMs = 0, MaxPages = 500 };

            await using var store = await NewsStores.OpenAsync(db, ct).ConfigureAwait(false);
            // A PostgreSQL database cannot be deleted like a file: the demo only fills an empty one.
            if (postgres && (await store.StatsAsync(ct).ConfigureAwait(false)).Articles > 0)
                throw new UserError($"{store.Path}: already holds articles; the demo builds a fresh database, so give an empty one");
            await CrawlCommand.RunAsync(io, store, sources, options, quiet: true, ct).ConfigureAwait(false);
            io.Out.WriteLine();
            var rows = await store.CompareAsync(FigureQuery.All, ct).ConfigureAwait(false);
            CompareTable.Print(io.Out, rows);
            var localities = rows.Select(x => (x.Province, x.District, x.Commune, x.Unit)).Distinct().Count();
            io.Out.WriteLine();
            io.Out.WriteLine($"{localities} localities. Try: newsminer query --db {(postgres ? "\"" + db + "\"" : db)} --metric new_members --json");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void DeleteDatabase(string db)
    {
        // The file and LiteDB's log beside it (FILE-log.EXT); the .lock file stays, as a lock file must.
        var log = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", Path.GetFileNameWithoutExtension(db) + "-log" + Path.GetExtension(db));
        foreach (var path in new[] { db, log })
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }
}

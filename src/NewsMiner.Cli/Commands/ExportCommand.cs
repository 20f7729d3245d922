using System.CommandLine;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class ExportCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new FilterOptions();
        var format = new Option<string>("--format") { Description = "csv, jsonl, parquet (typed columns) or sqlite (a self-contained dataset file)", Required = true };
        var output = new Option<string>("--out") { Description = "File to write (written whole or not at all); its codebook goes to <file>.codebook.md", Required = true };
        var bom = new Option<bool>("--bom") { Description = "Start the CSV with a UTF-8 byte-order mark (for Excel)" };
        var command = new Command("export", "Export figures with provenance as CSV (RFC 4180, UTF-8), JSON Lines or a SQLite dataset, with a codebook; no row limit.")
        {
            format, output, bom,
        };
        filters.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            var kind = r.GetValue(format)!.ToLowerInvariant() switch
            {
                "csv" => ExportFormat.Csv,
                "jsonl" or "json-lines" => ExportFormat.Jsonl,
                "sqlite" => ExportFormat.Sqlite,
                "parquet" => ExportFormat.Parquet,
                var other => throw new UserError($"--format '{other}': expected csv, jsonl, parquet or sqlite"),
            };
            var query = filters.Read(r);
            await using var store = await StoreAccess.OpenExistingAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var path = r.GetValue(output)!;
            var rows = await store.ExportWithCodebookAsync(query, kind, path, r.GetValue(bom), filters.Describe(r), ct).ConfigureAwait(false);
            io.Out.WriteLine($"Wrote {rows} figure(s) to {path} (codebook: {Codebook.PathFor(path)})");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class QueryCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new FilterOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per figure, with provenance (the JSONL export's rows)" };
        var csv = new Option<bool>("--csv") { Description = "CSV with the export's columns (RFC 4180)" };
        var command = new Command("query", "List stored figures, filtered; every row keeps its article URL and evidence sentence.") { json, csv };
        filters.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            var query = filters.Read(r);
            if (r.GetValue(json) && r.GetValue(csv)) throw new UserError("give --json or --csv, not both");
            await using var store = await StoreAccess.OpenExistingAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var count = 0;
            var rows = new List<IReadOnlyList<string>>();
            if (r.GetValue(csv)) io.Out.Write(FigureExport.CsvHeader + "\r\n");
            await foreach (var f in store.QueryFiguresAsync(query, ct).ConfigureAwait(false))
            {
                count++;
                if (r.GetValue(json))
                {
                    io.Out.WriteLine(StoredFigureJson.Write(f));
                }
                else if (r.GetValue(csv))
                {
                    io.Out.Write(FigureExport.CsvLine(f) + "\r\n");
                }
                else
                {
                    rows.Add([
                        f.Metric.ToSchemaName(), f.Segment ?? "", Output.Number(f.Value) + (f.ValueMax is { } m ? "-" + Output.Number(m) : ""),
                        f.Period ?? "", f.Province ?? "", f.District ?? "", f.Commune ?? "", f.Unit ?? "", f.ArticleUrl,
                    ]);
                }
            }
            if (!r.GetValue(json) && !r.GetValue(csv))
            {
                Output.Table(io.Out, ["metric", "segment", "value", "period", "province", "district", "commune", "unit", "article"], rows, new HashSet<int> { 2 });
                io.Out.WriteLine($"{count} figure(s)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The JSON row shape of query --json: exactly a JSONL export line, so the two can be compared row for row.</summary>
public static class StoredFigureJson
{
    public static string Write(StoredFigure f) => FigureExport.JsonLine(f);
}

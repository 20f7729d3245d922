using System.CommandLine;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class QueryCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new FilterOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per figure in the shape of figure-schema v1 (as mine --json), with its provenance beside it" };
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

/// <summary>
/// The JSON row shape of query --json: a figure as figure-schema v1 (as mine --json prints it, locality nested) with
/// the provenance fields beside it. The values are the JSONL export's, so lifting "locality" gives an export row.
/// </summary>
public static class StoredFigureJson
{
    private static readonly string[] SchemaFields = ["metric", "segment", "value", "value_max", "qualifier", "per_year", "period", "locality", "evidence", "confidence"];
    private static readonly string[] LocalityFields = ["province", "district", "commune", "unit", "province_code", "district_code", "commune_code"];
    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(StoredFigure f)
    {
        var flat = System.Text.Json.Nodes.JsonNode.Parse(FigureExport.JsonLine(f))!.AsObject();
        var shaped = new System.Text.Json.Nodes.JsonObject();
        foreach (var name in SchemaFields)
        {
            if (name != "locality")
            {
                shaped[name] = flat[name]?.DeepClone();
                continue;
            }
            var locality = new System.Text.Json.Nodes.JsonObject();
            foreach (var field in LocalityFields) locality[field] = flat[field]?.DeepClone();
            shaped["locality"] = locality;
        }
        // Provenance beside the figure, in the export's column order.
        foreach (var (name, value) in flat)
        {
            if (!shaped.ContainsKey(name) && !LocalityFields.Contains(name)) shaped[name] = value?.DeepClone();
        }
        return shaped.ToJsonString(Options);
    }
}

using System.CommandLine;
using NewsMiner.Mining;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

public static class QueryCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new FilterOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per figure, with provenance" };
        var command = new Command("query", "List stored figures, filtered; every row keeps its article URL and evidence sentence.") { json };
        filters.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            var query = filters.Read(r);
            await using var store = await Inputs.OpenExistingAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var count = 0;
            var rows = new List<IReadOnlyList<string>>();
            await foreach (var f in store.QueryFiguresAsync(query, ct).ConfigureAwait(false))
            {
                count++;
                if (r.GetValue(json))
                {
                    io.Out.WriteLine(StoredFigureJson.Write(f));
                }
                else
                {
                    rows.Add([
                        f.Metric.ToSchemaName(), f.Segment ?? "", Output.Number(f.Value) + (f.ValueMax is { } m ? "-" + Output.Number(m) : ""),
                        f.Period ?? "", f.Province ?? "", f.District ?? "", f.Commune ?? "", f.Unit ?? "", f.ArticleUrl,
                    ]);
                }
            }
            if (!r.GetValue(json))
            {
                Output.Table(io.Out, ["metric", "segment", "value", "period", "province", "district", "commune", "unit", "article"], rows, new HashSet<int> { 2 });
                io.Out.WriteLine($"{count} figure(s)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The JSON row shape of query --json; the same column names as the CSV and JSONL exports.</summary>
public static class StoredFigureJson
{
    public static string Write(StoredFigure f)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, Output.JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("id", f.Id);
            w.WriteString("metric", f.Metric.ToSchemaName());
            Output.WriteNullable(w, "segment", f.Segment);
            w.WriteNumber("value", Output.Plain(f.Value));
            if (f.ValueMax is { } max) w.WriteNumber("value_max", Output.Plain(max)); else w.WriteNull("value_max");
            w.WriteString("qualifier", NewsMiner.Text.QualifierNames.ToSchemaName(f.Qualifier));
            w.WriteBoolean("per_year", f.PerYear);
            Output.WriteNullable(w, "period", f.Period);
            Output.WriteNullable(w, "province", f.Province);
            Output.WriteNullable(w, "district", f.District);
            Output.WriteNullable(w, "commune", f.Commune);
            Output.WriteNullable(w, "unit", f.Unit);
            Output.WriteNullable(w, "province_code", f.ProvinceCode);
            Output.WriteNullable(w, "district_code", f.DistrictCode);
            Output.WriteNullable(w, "commune_code", f.CommuneCode);
            w.WriteNumber("confidence", f.Confidence);
            w.WriteString("evidence", f.Evidence);
            w.WriteNumber("evidence_start", f.EvidenceStart);
            w.WriteNumber("evidence_length", f.EvidenceLength);
            w.WriteString("article_url", f.ArticleUrl);
            w.WriteString("article_title", f.ArticleTitle);
            Output.WriteNullable(w, "published", f.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

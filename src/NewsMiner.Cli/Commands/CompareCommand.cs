using System.CommandLine;
using NewsMiner.Storage;

namespace NewsMiner.Cli.Commands;

/// <summary>
/// newsminer compare: one row per organisation and period for one metric, every value traced to its articles; conflicts
/// shown with all values; optional rates; rankings per period; roll-ups of reported parent figures beside the children's sum.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliIo io)
    {
        var filters = new FilterOptions();
        var group = new Option<string>("--group") { Description = "Compare districts (default), communes or provinces", DefaultValueFactory = _ => "district" };
        var rate = new Option<string?>("--rate") { Description = "per100 (new members per 100 members) or pct_target (% of the target)" };
        var json = new Option<bool>("--json") { Description = "One JSON document: rows with their sources, and roll-ups" };
        var csv = new Option<bool>("--csv") { Description = "CSV (RFC 4180): locality rows, then labelled roll-up rows" };
        var command = new Command("compare", "Compare organisations year by year for one metric, with sources, conflicts, rates, ranks and roll-ups.")
        {
            group, rate, json, csv,
        };
        filters.AddTo(command);
        command.SetAction(async (r, ct) =>
        {
            var query = filters.Read(r);
            if (query.Metric is not { } metric) throw new UserError("compare needs --metric (e.g. --metric new_members)");
            var level = r.GetValue(group)!.ToLowerInvariant() switch
            {
                "district" => CompareLevel.District,
                "commune" => CompareLevel.Commune,
                "province" => CompareLevel.Province,
                var other => throw new UserError($"--group '{other}': expected district, commune or province"),
            };
            var kind = r.GetValue(rate)?.ToLowerInvariant() switch
            {
                null => CompareRate.None,
                "per100" => CompareRate.Per100Members,
                "pct_target" => CompareRate.PctOfTarget,
                var other => throw new UserError($"--rate '{other}': expected per100 or pct_target"),
            };
            if (kind != CompareRate.None && metric != NewsMiner.Mining.Metric.NewMembers)
            {
                throw new UserError("--rate applies to --metric new_members");
            }
            if (r.GetValue(json) && r.GetValue(csv)) throw new UserError("give --json or --csv, not both");
            await using var store = await StoreAccess.OpenExistingAsync(r.GetValue(CliApp.DbOption)!, ct).ConfigureAwait(false);
            var result = await store.CompareStatisticsAsync(new CompareRequest(metric, query with { Metric = null }, level, kind), ct).ConfigureAwait(false);
            if (r.GetValue(json)) CompareTable.WriteJson(io.Out, result);
            else if (r.GetValue(csv)) CompareTable.WriteCsv(io.Out, result);
            else CompareTable.Print(io.Out, result);
            return ExitCodes.Ok;
        });
        return command;
    }
}

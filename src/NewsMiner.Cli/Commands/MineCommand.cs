using System.CommandLine;

namespace NewsMiner.Cli.Commands;

public static class MineCommand
{
    public static Command Create(CliIo io)
    {
        var input = new Argument<string>("input") { Description = "An HTML or plain-text article file, an http(s) URL, or - for standard input" };
        var url = new Option<string?>("--url") { Description = "The article's URL, for provenance" };
        var published = new Option<string?>("--published") { Description = "Publication date YYYY-MM-DD (overrides the date found in the page)" };
        var province = new Option<string?>("--province") { Description = "The publishing site's province, used when the text names none" };
        var json = new Option<bool>("--json") { Description = "One JSON object per figure, in the shape of figure-schema v1" };
        var provenance = new Option<bool>("--provenance") { Description = "With --json: add official codes and character offsets" };
        var explain = new Option<bool>("--explain") { Description = "Also list every number not taken as a figure, with the reason" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Mine with the rules alone (no classifier), to see what the rules decide" };
        var command = new Command("mine", "Mine the party-membership figures an article states.") { input, url, published, province, json, provenance, explain, rulesOnly };
        command.SetAction(async (r, ct) =>
        {
            var doc = await Inputs.ReadAsync(r.GetValue(input)!, ct).ConfigureAwait(false);
            var date = Inputs.ParseDate(r.GetValue(published), "--published");
            Uri? pageUrl = doc.Url;
            if (r.GetValue(url) is { } u)
            {
                if (!Uri.TryCreate(u, UriKind.Absolute, out pageUrl)) throw new UserError($"--url '{u}': not an absolute URL");
            }
            var pipeline = r.GetValue(rulesOnly)
                ? new NewsPipeline(new Extraction.ArticleExtractor(new Extraction.ExtractionOptions { SalvageAfterTransportError = true }), Mining.FigureMiner.CreateRulesOnly())
                : NewsPipeline.CreateDefault();
            var processed = pipeline.Process(doc.Content, pageUrl, doc.IsHtml, r.GetValue(province), date);
            if (processed.Article is null || processed.Mining is null) throw new UserError($"{doc.Name}: {processed.Error}");
            var figures = processed.Mining.Figures;
            if (r.GetValue(json))
            {
                foreach (var f in figures) io.Out.WriteLine(Output.FigureJson(f, r.GetValue(provenance)));
            }
            else
            {
                io.Out.WriteLine($"{processed.Article.Title}  ({processed.Article.Published:yyyy-MM-dd})");
                Output.Table(io.Out,
                    ["metric", "segment", "value", "qualifier", "period", "province", "district", "commune", "unit"],
                    figures.Select(f => (IReadOnlyList<string>)
                    [
                        f.Metric.ToString(), f.Segment ?? "", Output.Number(f.Value) + (f.ValueMax is { } m ? "-" + Output.Number(m) : "") + (f.PerYear ? "/yr" : ""),
                        f.Qualifier.ToString(), f.Period ?? "", f.Locality.Province ?? "", f.Locality.District ?? "", f.Locality.Commune ?? "", f.Locality.Unit ?? "",
                    ]),
                    new HashSet<int> { 2 });
                io.Out.WriteLine($"{figures.Count} figure(s)");
            }
            if (r.GetValue(explain))
            {
                foreach (var n in processed.Mining.Rejected) io.Error.WriteLine($"  not a figure: '{n.Text}' at {n.Start}: {n.Reason}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using NewsMiner.Extraction;

namespace NewsMiner.Cli.Commands;

public static class ExtractCommand
{
    public static Command Create(CliIo io)
    {
        var input = new Argument<string>("input") { Description = "An http(s) URL, an HTML or plain-text file, or - for standard input" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var explain = new Option<bool>("--explain") { Description = "Also list every block dropped as boilerplate, with the reason" };
        var command = new Command("extract", "Extract an article: title, published (ISO 8601, +07:00), author and main text.") { input, json, explain };
        command.SetAction(async (r, ct) =>
        {
            var doc = await Inputs.ReadAsync(r.GetValue(input)!, ct).ConfigureAwait(false);
            var extractor = new ArticleExtractor();
            var result = doc.IsHtml ? extractor.ExtractHtml(doc.Content, doc.Url) : extractor.ExtractPlainText(doc.Content, doc.Url);
            if (result.Article is not { } article) throw new UserError($"{doc.Name}: {result.Error ?? "no article text found"}");
            if (r.GetValue(json))
            {
                io.Out.WriteLine(Output.ArticleJson(article));
            }
            else
            {
                io.Out.WriteLine("Title:     " + article.Title);
                io.Out.WriteLine("Published: " + (article.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "(unknown)")
                    + $" [{article.PublishedSource}]");
                io.Out.WriteLine("Author:    " + (article.Author ?? "(unknown)"));
                if (article.CanonicalUrl is not null) io.Out.WriteLine("Canonical: " + article.CanonicalUrl);
                io.Out.WriteLine();
                io.Out.WriteLine(article.Text);
            }
            if (r.GetValue(explain))
            {
                io.Error.WriteLine($"dropped {result.Dropped.Count} block(s):");
                foreach (var d in result.Dropped) io.Error.WriteLine($"  [{d.Reason}] {d.Text}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

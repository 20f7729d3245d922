using System.Globalization;
using NewsMiner.Evaluation;
using NewsMiner.Extraction;
using NewsMiner.Mining;

namespace NewsMiner.Cli.Commands;

/// <summary>
/// `eval --gold cases.jsonl`: scores the real-text set. The development part is printed case by case (every miss with
/// its outcome and the text around the number, every extra with its evidence); the sealed part only as totals unless
/// asked, so its errors are not read while the miner is being worked on.
/// </summary>
public static class RealSetReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(CliIo io, string casePath, string? textsDir, string split, bool showCases, FigureMiner miner, bool rulesOnly)
    {
        var cases = LoadCases(casePath);
        var folder = RealCaseSet.ResolveTextFolder(textsDir, casePath)
            ?? throw new UserError($"{casePath}: the texts are not in the repository; give --texts DIR or set {RealCaseSet.TextsVariable}");
        if (!Directory.Exists(folder)) throw new UserError($"{folder}: no such folder (the real texts)");
        var extractor = new ArticleExtractor(new ExtractionOptions { SalvageAfterTransportError = true });
        var evaluation = new RealSetEvaluation(new NewsPipeline(extractor, miner), extractor);

        var results = new List<RealCaseResult>();
        foreach (var c in cases.Where(c => split == "all" || c.Split == split))
        {
            var text = RealCaseSet.ReadText(c, folder);
            if (text.Problem is { } problem) { io.Out.WriteLine($"not scored: {c.Id} ({problem})"); continue; }
            var result = evaluation.Score(c, text.Text!);
            results.Add(result);
            if (showCases || c.Split == RealCaseSet.Development) PrintCase(io, result);
        }
        foreach (var part in new[] { RealCaseSet.Development, RealCaseSet.Sealed })
        {
            var partResults = results.Where(r => r.Case.Split == part).ToList();
            if (partResults.Count == 0) continue;
            io.Out.WriteLine();
            io.Out.WriteLine($"== {part} part ==");
            PrintSummary(io, RealSetEvaluation.Summarize(partResults));
        }
        io.Out.WriteLine($"miner: {(rulesOnly ? "rules only" : "rules + classifier")} ({FigureMiner.Version}); extractor {ArticleExtractor.Version}");
    }

    private static IReadOnlyList<RealCase> LoadCases(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: no such file");
        try { return RealCaseSet.Load(File.ReadAllText(path), path); }
        catch (InvalidDataException e) { throw new UserError(e.Message); }
    }

    private static void PrintCase(CliIo io, RealCaseResult r)
    {
        var s = r.Score.Strict;
        var date = r.Case.Published is { } d ? (r.ExtractedDate == d ? " date ok" : $" date {r.ExtractedDate?.ToString("yyyy-MM-dd", Inv) ?? "none"} (page {d:yyyy-MM-dd})") : "";
        io.Out.WriteLine(string.Create(Inv, $"{r.Case.Id} {r.Case.Site}: {s.TruePositives}/{r.Case.Figures.Count} gold found, {r.Outcomes.Extras.Count} extra{date}"));
        foreach (var miss in r.Outcomes.Misses)
        {
            var at = r.Case.FigureOffsets[IndexOf(r.Case.Figures, miss.Gold)];
            var got = miss.Nearest is { } n ? " got " + FigureScorer.Describe(n) : "";
            io.Out.WriteLine($"  {MissOutcomes.Label(miss.Kind)}: {FigureScorer.Describe(miss.Gold)}{got} | {Around(r.Text, at)}");
        }
        foreach (var e in r.Outcomes.Extras) io.Out.WriteLine("  extra " + FigureScorer.Describe(e) + " | " + e.Evidence);
    }

    private static int IndexOf(IReadOnlyList<GoldFigure> figures, GoldFigure gold)
    {
        for (var i = 0; i < figures.Count; i++) if (ReferenceEquals(figures[i], gold)) return i;
        return -1;
    }

    /// <summary>The text around the gold number (read from the local copy, never stored).</summary>
    private static string Around(string text, int at)
    {
        if (at < 0 || at >= text.Length) return "(no offset)";
        var start = Math.Max(0, at - 70);
        var end = Math.Min(text.Length, at + 50);
        return text[start..end].ReplaceLineEndings(" ");
    }

    private static void PrintSummary(CliIo io, RealSetSummary sum)
    {
        Output.Table(io.Out, ["metric", "gold", "found", "extra", "P", "R", "F1"],
            sum.StrictByMetric.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (IReadOnlyList<string>)
            [
                k.Key, (k.Value.TruePositives + k.Value.FalseNegatives).ToString(Inv), k.Value.TruePositives.ToString(Inv),
                k.Value.FalsePositives.ToString(Inv), k.Value.Precision.ToString("F3", Inv), k.Value.Recall.ToString("F3", Inv), k.Value.F1.ToString("F3", Inv),
            ]), new HashSet<int> { 1, 2, 3, 4, 5, 6 });
        io.Out.WriteLine();
        Output.Table(io.Out, ["outcome", "figures"],
            sum.MissesByKind.Select(k => (IReadOnlyList<string>)[MissOutcomes.Label(k.Key), k.Value.ToString(Inv)])
                .Append(["prediction matching no gold figure", sum.Extras.ToString(Inv)]), new HashSet<int> { 1 });
        io.Out.WriteLine();
        io.Out.WriteLine(string.Create(Inv, $"cases {sum.Cases}, gold figures {sum.Strict.TruePositives + sum.Strict.FalseNegatives}"));
        io.Out.WriteLine(string.Create(Inv, $"strict:  P={sum.Strict.Precision:F3} R={sum.Strict.Recall:F3} F1={sum.Strict.F1:F3}  (tp {sum.Strict.TruePositives}, fp {sum.Strict.FalsePositives}, fn {sum.Strict.FalseNegatives})"));
        io.Out.WriteLine(string.Create(Inv, $"lenient: P={sum.Lenient.Precision:F3} R={sum.Lenient.Recall:F3} F1={sum.Lenient.F1:F3}"));
        io.Out.WriteLine(string.Create(Inv, $"publication day: {sum.DatesRight}/{sum.DatesShown} right ({sum.DateAccuracy:F3}) of the cases that show a date"));
    }
}

using System.CommandLine;
using System.Globalization;
using NewsMiner.Mining;
using NewsMiner.Mining.Classification;
using NewsMiner.Text;

namespace NewsMiner.Cli.Commands;

/// <summary>
/// `newsminer eval`: scores the miner against a gold file in the format of seeds-gold.json (the figure schema's Scoring
/// section: strict and lenient P/R/F1, per metric, every miss and extra with its evidence), and reports the figure
/// classifier: cross-validation on the training data and a held-out comparison of rules alone with rules + classifier.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliIo io)
    {
        var gold = new Option<string?>("--gold") { Description = "Gold figures: seeds-gold.json format, or a real-text case file (.jsonl, texts from --texts or $NEWSMINER_REAL_TEXTS)" };
        var texts = new Option<string?>("--texts") { Description = "Folder of the gold documents' texts (default: <gold folder>/seeds, else the gold folder)" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Mine with the rules alone (no classifier)" };
        var mentions = new Option<string?>("--mentions") { Description = "Held-out labelled mentions (JSONL): compare rules alone with rules + classifier" };
        var showMisses = new Option<bool>("--show-misses") { Description = "With --mentions: print each mention the combined miner gets wrong, with the rules' reason" };
        var classifier = new Option<bool>("--classifier") { Description = "Cross-validate the classifier on --data and print its report" };
        var data = new Option<string>("--data") { Description = "Training data folder for --classifier", DefaultValueFactory = _ => TrainCommand.DefaultData };
        var folds = new Option<int>("--folds") { Description = "Folds for --classifier", DefaultValueFactory = _ => 5 };
        var model = new Option<string?>("--model") { Description = "Use this model file instead of the embedded one (to compare a freshly trained model before shipping it)" };
        var grouped = new Option<bool>("--grouped") { Description = "With --classifier: folds by sentence frame, so no frame is both trained on and scored" };
        var split = new Option<string>("--split") { Description = "With a real-text case file (.jsonl): dev, sealed or all", DefaultValueFactory = _ => RealCaseSet.Development };
        split.AcceptOnlyFromAmong(RealCaseSet.Development, RealCaseSet.Sealed, "all");
        var showCases = new Option<bool>("--show-cases") { Description = "With a real-text case file: print the sealed part case by case too" };
        var command = new Command("eval", "Score the miner on a gold file, and report the figure classifier.") { gold, texts, rulesOnly, mentions, showMisses, classifier, data, folds, model, grouped, split, showCases };
        command.SetAction(async (r, ct) =>
        {
            var did = false;
            var combined = LoadMiner(r.GetValue(model));
            if (r.GetValue(gold) is { } casePath && RealCaseSet.IsCaseFile(casePath))
            {
                RealSetReport.Run(io, casePath, r.GetValue(texts), r.GetValue(split)!, r.GetValue(showCases),
                    r.GetValue(rulesOnly) ? FigureMiner.CreateRulesOnly() : combined, r.GetValue(rulesOnly));
                did = true;
            }
            else if (r.GetValue(gold) is { } goldPath)
            {
                ScoreGold(io, goldPath, r.GetValue(texts), r.GetValue(rulesOnly) ? FigureMiner.CreateRulesOnly() : combined, r.GetValue(rulesOnly));
                did = true;
            }
            if (r.GetValue(mentions) is { } mentionPath)
            {
                await CompareOnMentionsAsync(io, mentionPath, r.GetValue(showMisses), combined, ct).ConfigureAwait(false);
                did = true;
            }
            if (r.GetValue(classifier))
            {
                await CrossValidateAsync(io, r.GetValue(data)!, r.GetValue(folds), r.GetValue(grouped), ct).ConfigureAwait(false);
                did = true;
            }
            if (!did) throw new UserError("eval: give --gold FILE, --mentions FILE or --classifier");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Rules plus the embedded model, or plus the model in <paramref name="modelPath"/>.</summary>
    private static FigureMiner LoadMiner(string? modelPath)
    {
        if (modelPath is null) return FigureMiner.CreateDefault();
        if (!File.Exists(modelPath)) throw new UserError($"{modelPath}: no such file");
        try
        {
            using var stream = File.OpenRead(modelPath);
            var model = MentionModel.Load(stream, FigureClassifier.Featurizers);
            return new FigureMiner(MinerRules.Default, VietnameseNumberParser.Default, new Mining.Localities.LocalityResolver(Mining.Localities.Gazetteer.Default), model);
        }
        catch (InvalidDataException e)
        {
            throw new UserError($"{modelPath}: {e.Message}");
        }
    }

    private static void ScoreGold(CliIo io, string goldPath, string? textsDir, FigureMiner miner, bool rulesOnly)
    {
        if (!File.Exists(goldPath)) throw new UserError($"{goldPath}: no such file");
        IReadOnlyList<GoldDocument> docs;
        try { docs = FigureScorer.LoadGold(File.ReadAllText(goldPath)); }
        catch (System.Text.Json.JsonException e) { throw new UserError($"{goldPath}: not a gold file ({e.Message})"); }
        var folder = Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
        textsDir ??= Directory.Exists(Path.Combine(folder, "seeds")) ? Path.Combine(folder, "seeds") : folder;
        var pipeline = new NewsPipeline(new Extraction.ArticleExtractor(new Extraction.ExtractionOptions { SalvageAfterTransportError = true }),
            miner);

        var strict = Score.Zero;
        var lenient = Score.Zero;
        var byMetric = new Dictionary<string, Score>(StringComparer.Ordinal);
        var inv = CultureInfo.InvariantCulture;
        foreach (var doc in docs)
        {
            var path = Path.Combine(textsDir, doc.Name);
            if (!File.Exists(path)) throw new UserError($"{path}: text of gold document '{doc.Name}' not found (use --texts)");
            var content = File.ReadAllText(path);
            var page = pipeline.Process(content, null, Inputs.LooksLikeHtml(path, content), doc.SiteProvince, doc.Published);
            var figures = page.Mining?.Figures ?? [];
            var s = FigureScorer.Score(doc.Name, figures, doc.Figures);
            strict += s.Strict;
            lenient += s.Lenient;
            foreach (var (metric, score) in s.StrictByMetric) byMetric[metric] = byMetric.GetValueOrDefault(metric, Score.Zero) + score;
            io.Out.WriteLine(string.Create(inv, $"{doc.Name}: strict P={s.Strict.Precision:F3} R={s.Strict.Recall:F3} F1={s.Strict.F1:F3}  ({s.Strict.TruePositives}/{doc.Figures.Count} gold found, {s.Extras.Count} extra)"));
            foreach (var m in s.Misses) io.Out.WriteLine("  miss  " + FigureScorer.Describe(m));
            foreach (var e in s.Extras) io.Out.WriteLine("  extra " + FigureScorer.Describe(e) + " | " + e.Evidence);
        }
        io.Out.WriteLine();
        Output.Table(io.Out, ["metric", "gold", "found", "extra", "P", "R", "F1"],
            byMetric.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (IReadOnlyList<string>)
            [
                k.Key, (k.Value.TruePositives + k.Value.FalseNegatives).ToString(inv), k.Value.TruePositives.ToString(inv), k.Value.FalsePositives.ToString(inv),
                k.Value.Precision.ToString("F3", inv), k.Value.Recall.ToString("F3", inv), k.Value.F1.ToString("F3", inv),
            ]), new HashSet<int> { 1, 2, 3, 4, 5, 6 });
        io.Out.WriteLine();
        io.Out.WriteLine(string.Create(inv, $"strict:  P={strict.Precision:F3} R={strict.Recall:F3} F1={strict.F1:F3}  (tp {strict.TruePositives}, fp {strict.FalsePositives}, fn {strict.FalseNegatives})"));
        io.Out.WriteLine(string.Create(inv, $"lenient: P={lenient.Precision:F3} R={lenient.Recall:F3} F1={lenient.F1:F3}"));
        io.Out.WriteLine($"miner: {(rulesOnly ? "rules only" : "rules + classifier")} ({FigureMiner.Version})");
    }

    /// <summary>
    /// Mention-level comparison: a mention counts as found when the miner emits a figure at that number with the gold
    /// label; precision and recall are over the mentions whose gold label is a metric (not "none").
    /// </summary>
    private static async Task CompareOnMentionsAsync(CliIo io, string path, bool showMisses, FigureMiner combined, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: no such file");
        IReadOnlyList<TrainingRecord> records;
        try { records = MentionDataset.ReadJsonl(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), path); }
        catch (InvalidDataException e) { throw new UserError(e.Message); }
        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, miner) in new[] { ("rules alone", FigureMiner.CreateRulesOnly()), ("rules + classifier", combined) })
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var rec in records)
            {
                var text = VietnameseText.Normalize(rec.Text);
                var mention = VietnameseText.Normalize(rec.Mention);
                var start = MentionDataset.Locate(text, mention, rec.Occurrence);
                var length = mention.Length;
                var result = miner.Mine(text, new MiningContext(rec.Published, rec.Province));
                var predicted = result.Figures.FirstOrDefault(f => f.ValueStart >= start && f.ValueStart < start + length)?.Metric.ToSchemaName() ?? MentionLabels.None;
                if (showMisses && name == "rules + classifier" && predicted != rec.Label)
                {
                    var why = result.Rejected.FirstOrDefault(x => x.Start < start + length && start < x.Start + x.Length)?.Reason ?? "(no rejection recorded)";
                    io.Out.WriteLine($"  {rec.Id}: gold {rec.Label}, got {predicted}; {why} | {rec.Text}");
                }
                if (predicted != MentionLabels.None && predicted == rec.Label) tp++;
                else
                {
                    if (predicted != MentionLabels.None) fp++;
                    if (rec.Label != MentionLabels.None) fn++;
                }
            }
            var score = new Score(tp, fp, fn);
            io.Out.WriteLine(string.Create(inv, $"{name,-20} precision {score.Precision:F3}  recall {score.Recall:F3}  F1 {score.F1:F3}  ({records.Count} mentions; tp {tp}, fp {fp}, fn {fn})"));
        }
    }

    private static async Task CrossValidateAsync(CliIo io, string folder, int folds, bool grouped, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new UserError($"{folder}: no such folder");
        if (folds < 2) throw new UserError($"--folds {folds}: use 2 or more");
        var records = await MentionDataset.ReadFolderAsync(folder, ct).ConfigureAwait(false);
        var mentions = MentionDataset.ToLabelled(records, null); // the shipped model's configuration: no rule-opinion feature
        var trainer = new MentionModelTrainer(FigureClassifier.Featurizer);
        io.Out.Write(CrossValidation.Format(grouped
            ? CrossValidation.RunGrouped(mentions, TemplateGroups.Assign(records), trainer, folds)
            : CrossValidation.Run(mentions, trainer, folds)));
    }
}

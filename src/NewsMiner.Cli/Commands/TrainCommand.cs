using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using NewsMiner.Mining;
using NewsMiner.Mining.Classification;

namespace NewsMiner.Cli.Commands;

/// <summary>
/// `newsminer train`: cross-validates the ML.NET trainers on labelled mentions, keeps the best, and writes its model
/// byte for byte reproducibly.
/// </summary>
public static class TrainCommand
{
    public const string DefaultData = "data/training";

    /// <summary>Thresholds the miner uses (0.6/0.7/0.9/0.97) and their neighbours, for the precision/recall curve.</summary>
    private static readonly double[] CurveThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97];

    private sealed record Settings(string Folder, string OutPath, int Folds, bool WithRules, MentionTrainerOptions Options, bool Stratified,
        MentionFeaturizer Featurizer, MentionTrainerKind? Trainer);

    public static Command Create(CliIo io)
    {
        var data = new Option<string>("--data") { Description = $"Folder of labelled mentions, *.jsonl, read recursively (default: {DefaultData})", DefaultValueFactory = _ => DefaultData };
        var output = new Option<string>("--out") { Description = $"Model file to write (default: {FigureClassifier.ModelPath})", DefaultValueFactory = _ => FigureClassifier.ModelPath };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds; 0 skips cross-validation and trains --trainer (default: 5)", DefaultValueFactory = _ => 5 };
        // The shipped model is trained without the rules' opinion: where the miner asks it (numbers the rules left
        // undecided) that opinion is always "none", and a model trained with it only echoes the rules.
        var withRules = new Option<bool>("--with-rules") { Description = "Also use the rule-based miner's opinion as a feature (not the shipped model)" };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation of the maximum-entropy trainers (default: 1)", DefaultValueFactory = _ => new MentionTrainerOptions().L2 };
        // Training sentences are frames filled several times; plain k-fold grades a copy against its siblings and looks
        // near perfect. Folds by frame are the honest default.
        var stratified = new Option<bool>("--stratified") { Description = "Cross-validate with stratified folds over mentions instead of folds by sentence frame" };
        var lexicon = new Option<bool>("--lexicon") { Description = "Also use the miner's word lists (figure-rules.json) by kind as features (not the shipped model)" };
        var subwords = new Option<bool>("--subwords") { Description = "Also use o200k_base subword tokens (Microsoft.ML.Tokenizers) next to the number as features" };
        var trainer = new Option<string>("--trainer") { Description = "lbfgs, sdca, lightgbm, or auto: the best by cross-validation (with --folds 0: " + MentionModelTrainer.NameOf(MentionModelTrainer.DefaultKind) + ")", DefaultValueFactory = _ => "auto" };
        var command = new Command("train", "Train the figure classifier on labelled mentions; print each trainer's cross-validated quality; write the best model.")
            { data, output, folds, withRules, l2, stratified, lexicon, subwords, trainer };
        command.SetAction(async (r, ct) =>
        {
            var featurizer = r.GetValue(lexicon) ? MentionFeaturizer.WithLexicon : r.GetValue(subwords) ? MentionFeaturizer.WithSubwords : FigureClassifier.Featurizer;
            var settings = new Settings(r.GetValue(data)!, r.GetValue(output)!, r.GetValue(folds), r.GetValue(withRules),
                new MentionTrainerOptions(L2: r.GetValue(l2)), r.GetValue(stratified), featurizer, ParseTrainer(r.GetValue(trainer)!));
            return await RunAsync(io, settings, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static MentionTrainerKind? ParseTrainer(string name) => name switch
    {
        "auto" => null,
        "lbfgs" => MentionTrainerKind.Lbfgs,
        "sdca" => MentionTrainerKind.Sdca,
        "lightgbm" => MentionTrainerKind.LightGbm,
        _ => throw new UserError($"--trainer {name}: use auto, lbfgs, sdca or lightgbm"),
    };

    private static async Task<int> RunAsync(CliIo io, Settings s, CancellationToken ct)
    {
        Validate(s);
        var (records, mentions) = await LoadAsync(s, ct).ConfigureAwait(false);
        PrintData(io, s.Folder, mentions);
        var kind = s.Trainer ?? MentionModelTrainer.DefaultKind;
        if (s.Folds >= 2) kind = ChooseByCrossValidation(io, s, records, mentions, ct);
        ct.ThrowIfCancellationRequested();
        var model = new MentionModelTrainer(s.Featurizer, kind, s.Options).Train(mentions);
        await WriteAsync(io, s.OutPath, model, ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static void Validate(Settings s)
    {
        if (s.Folds is 1 or < 0) throw new UserError($"--folds {s.Folds}: use 0 (no cross-validation) or 2 and more");
        if (!(s.Options.L2 >= 0) || float.IsInfinity(s.Options.L2)) throw new UserError($"--l2 {s.Options.L2.ToString(CultureInfo.InvariantCulture)}: must be 0 or more");
        if (!Directory.Exists(s.Folder)) throw new UserError($"{s.Folder}: no such folder");
        var outDir = Path.GetDirectoryName(Path.GetFullPath(s.OutPath))!;
        if (!Directory.Exists(outDir)) throw new UserError($"{s.OutPath}: folder {outDir} does not exist");
    }

    private static async Task<(IReadOnlyList<TrainingRecord>, IReadOnlyList<LabelledMention>)> LoadAsync(Settings s, CancellationToken ct)
    {
        try
        {
            var records = await MentionDataset.ReadFolderAsync(s.Folder, ct).ConfigureAwait(false);
            var rules = s.WithRules ? new MinerRuleOpinions(FigureMiner.CreateRulesOnly()) : null;
            var mentions = MentionDataset.ToLabelled(records, rules);
            if (mentions.Select(m => m.Label).Distinct(StringComparer.Ordinal).Count() < 2)
                throw new UserError($"{s.Folder}: the data needs at least two different labels");
            return (records, mentions);
        }
        catch (InvalidDataException e)
        {
            throw new UserError(e.Message);
        }
    }

    private static void PrintData(CliIo io, string folder, IReadOnlyList<LabelledMention> mentions)
    {
        var inv = CultureInfo.InvariantCulture;
        io.Out.WriteLine(string.Create(inv, $"{mentions.Count} labelled mentions ({mentions.Count(m => m.Weak)} weak) from {folder}"));
        foreach (var g in mentions.GroupBy(m => m.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            io.Out.WriteLine(string.Create(inv, $"  {g.Key,-24} {g.Count(),6}"));
    }

    /// <summary>
    /// Cross-validates each candidate trainer on the same folds, prints one line each, and returns the one with the
    /// best macro-F1 (ties to the earlier, cheaper one) after printing its full report and threshold curve.
    /// </summary>
    private static MentionTrainerKind ChooseByCrossValidation(CliIo io, Settings s, IReadOnlyList<TrainingRecord> records,
        IReadOnlyList<LabelledMention> mentions, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var minSupport = mentions.GroupBy(m => m.Label, StringComparer.Ordinal).Min(g => g.Count());
        if (minSupport < s.Folds) io.Error.WriteLine($"newsminer: warning: a label has only {minSupport} mentions, fewer than {s.Folds} folds");
        io.Out.WriteLine();
        int[]? groups = null;
        if (!s.Stratified)
        {
            groups = TemplateGroups.Assign(records);
            var sizes = groups.GroupBy(g => g).Select(g => g.Count()).ToList();
            io.Out.WriteLine(string.Create(inv, $"{sizes.Count} sentence frames (largest {sizes.Max()} mentions)"));
        }
        IReadOnlyList<MentionTrainerKind> candidates = s.Trainer is { } only ? [only] : Enum.GetValues<MentionTrainerKind>();
        var trials = TrainerSelection.Run(mentions, groups, s.Featurizer, s.Options, s.Folds, candidates, t =>
            io.Out.WriteLine(string.Create(inv, $"{MentionModelTrainer.NameOf(t.Kind),-9} {s.Folds}-fold {(groups is null ? "stratified" : "grouped")} macro-F1 {t.Evaluation.MacroF1:0.000}  accuracy {t.Evaluation.Accuracy:0.000}  {Calibration(t)}  ({t.Elapsed.TotalSeconds:0.0} s)")), ct);
        var (chosen, evaluation, _) = TrainerSelection.Best(trials);
        io.Out.WriteLine(string.Create(inv, $"chosen: {MentionModelTrainer.NameOf(chosen)} (best macro-F1 among the trainers calibrated at the miner's thresholds)"));
        io.Out.WriteLine();
        io.Out.Write(CrossValidation.Format(evaluation));
        io.Out.WriteLine();
        io.Out.WriteLine("metric answers at or above a threshold (out of fold): threshold  precision  recall");
        foreach (var (t, p, rc) in CrossValidation.ThresholdCurve(evaluation, CurveThresholds))
            io.Out.WriteLine(string.Create(inv, $"  {t,4:0.00}  {p:0.000}  {rc:0.000}"));
        if (s.WithRules)
        {
            var rulesAlone = CrossValidation.RulesAlone(mentions);
            io.Out.WriteLine(string.Create(inv, $"rules alone on the same {rulesAlone.Scored} mentions (silent = none): accuracy {rulesAlone.Accuracy:0.000}   macro-F1 {rulesAlone.MacroF1:0.000}"));
        }
        return chosen;
    }

    /// <summary>"precision at 0.70/0.90/0.97: 0.925/0.956/0.984, calibrated" for one trial's line.</summary>
    private static string Calibration(TrainerTrial t)
    {
        var inv = CultureInfo.InvariantCulture;
        var thresholds = string.Join('/', TrainerSelection.MinerThresholds.Select(x => x.ToString("0.00", inv)));
        var precisions = string.Join('/', TrainerSelection.MinerThresholds.Select(x => t.PrecisionAt(x) is { } p ? p.ToString("0.000", inv) : "-"));
        return $"precision at {thresholds}: {precisions}, {(t.Calibrated ? "calibrated" : "NOT calibrated")}";
    }

    private static async Task WriteAsync(CliIo io, string outPath, MentionModel model, CancellationToken ct)
    {
        var bytes = model.ToBytes();
        // A temporary file and a rename: an interrupted run never leaves half a model behind.
        var temp = outPath + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct).ConfigureAwait(false);
        File.Move(temp, outPath, overwrite: true);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        io.Out.WriteLine();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outPath}: {bytes.Length} bytes, {model.Trainer}, {model.Labels.Count} labels, features {model.Featurizer.Signature}, sha256 {sha}"));
    }
}

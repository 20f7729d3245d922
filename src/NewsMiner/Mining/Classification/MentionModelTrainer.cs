using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace NewsMiner.Mining.Classification;

/// <summary>The ML.NET multiclass trainers `newsminer train` chooses among by cross-validation.</summary>
public enum MentionTrainerKind
{
    /// <summary>Maximum entropy (softmax regression) by L-BFGS.</summary>
    Lbfgs,

    /// <summary>Maximum entropy by stochastic dual coordinate ascent.</summary>
    Sdca,

    /// <summary>Gradient-boosted trees (LightGBM), softmax over the classes.</summary>
    LightGbm,
}

/// <summary>
/// Settings. Regularisation strengths are ML.NET's (on the sum of weighted losses); weak (rule-made) labels count
/// <see cref="WeakWeight"/> of a hand label.
/// </summary>
public sealed record MentionTrainerOptions(
    float L2 = 0.3f,
    float L1 = 0f,
    double WeakWeight = 0.5,
    int LbfgsIterations = 100,
    float LbfgsTolerance = 1e-5f,
    int LbfgsHistory = 8,
    int MinimumFeatureCount = 1,
    int SdcaIterations = 60,
    float? SdcaL2 = null,
    int LightGbmIterations = 50);

/// <summary>
/// Fits a <see cref="MentionModel"/> with ML.NET. Deterministic: a fixed seed and one thread per trainer (L-BFGS gave
/// other weights on 2 threads than on 1), labels mapped to keys in ordinal order, so the same data gives the same bytes.
/// </summary>
public sealed class MentionModelTrainer(MentionFeaturizer featurizer, MentionTrainerKind kind = MentionModelTrainer.DefaultKind,
    MentionTrainerOptions? options = null) : IMentionClassifierTrainer
{
    /// <summary>The seed of every MLContext: SDCA shuffles and LightGBM samples from it.</summary>
    public const int Seed = 20160101;

    /// <summary>What `newsminer train` ships when it is not asked to cross-validate (the trainer cross-validation picked on data/training).</summary>
    public const MentionTrainerKind DefaultKind = MentionTrainerKind.Sdca;

    public MentionFeaturizer Featurizer { get; } = featurizer ?? throw new ArgumentNullException(nameof(featurizer));
    public MentionTrainerKind Kind { get; } = kind;
    public MentionTrainerOptions Options { get; } = options ?? new MentionTrainerOptions();

    public static string NameOf(MentionTrainerKind kind) => kind switch
    {
        MentionTrainerKind.Lbfgs => "lbfgs",
        MentionTrainerKind.Sdca => "sdca",
        MentionTrainerKind.LightGbm => "lightgbm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static MLContext NewContext() => new(seed: Seed);

    IMentionClassifier IMentionClassifierTrainer.Train(IReadOnlyList<LabelledMention> data) => Train(data);

    public MentionModel Train(IReadOnlyList<LabelledMention> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Select(d => d.Label).Distinct(StringComparer.Ordinal).Count() < 2)
            throw new ArgumentException("training data needs at least two different labels", nameof(data));
        var rows = data.Select(d => MentionRow.Of(Featurizer, d.Context, d.Label, d.Weak ? (float)Options.WeakWeight : 1f)).ToList();
        // A context per model: its random source then starts from the seed for every model, whatever trained before.
        var ml = NewContext();
        var view = ml.Data.LoadFromEnumerable(rows, MentionRow.Schema(Featurizer));
        // Of the 2^bits hashed slots only those the training data fills are kept: the trainers' dense weight vectors
        // (and the L-BFGS history) then cover tens of thousands of slots, not a quarter million. The cache keeps the
        // selected rows in memory for the trainers' many passes (a third of the CPU time without it).
        var pipeline = ml.Transforms.Conversion
            .MapValueToKey(nameof(MentionRow.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(nameof(MentionRow.Features), count: Options.MinimumFeatureCount))
            .AppendCacheCheckpoint(ml)
            .Append(Estimator(ml));
        return new MentionModel(ml, pipeline.Fit(view), Featurizer, NameOf(Kind));
    }

    private IEstimator<ITransformer> Estimator(MLContext ml) => Kind switch
    {
        MentionTrainerKind.Lbfgs => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(MentionRow.Label),
            FeatureColumnName = nameof(MentionRow.Features),
            ExampleWeightColumnName = nameof(MentionRow.Weight),
            L2Regularization = Options.L2,
            L1Regularization = Options.L1,
            MaximumNumberOfIterations = Options.LbfgsIterations,
            OptimizationTolerance = Options.LbfgsTolerance,
            HistorySize = Options.LbfgsHistory,
            NumberOfThreads = 1,
        }),
        MentionTrainerKind.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(MentionRow.Label),
            FeatureColumnName = nameof(MentionRow.Features),
            ExampleWeightColumnName = nameof(MentionRow.Weight),
            MaximumNumberOfIterations = Options.SdcaIterations,
            L2Regularization = Options.SdcaL2,
            NumberOfThreads = 1,
        }),
        MentionTrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = nameof(MentionRow.Label),
            FeatureColumnName = nameof(MentionRow.Features),
            ExampleWeightColumnName = nameof(MentionRow.Weight),
            NumberOfIterations = Options.LightGbmIterations,
            NumberOfThreads = 1,
            Seed = Seed,
            Deterministic = true,
            UseSoftmax = true,
            Silent = true,
        }),
        _ => throw new InvalidOperationException($"unknown trainer {Kind}"),
    };
}

/// <summary>One candidate trainer's cross-validation: its report and how long it took.</summary>
public sealed record TrainerTrial(MentionTrainerKind Kind, ClassifierEvaluation Evaluation, TimeSpan Elapsed)
{
    /// <summary>
    /// Whether the miner's thresholds keep their meaning with this trainer: out of fold, the metric answers at or above
    /// each threshold the miner acts on are right at least that often (an answer taken at 0.97 is right 97 % of the time).
    /// </summary>
    public bool Calibrated => TrainerSelection.MinerThresholds.All(t => PrecisionAt(t) is not { } p || p >= t);

    /// <summary>Out-of-fold precision of the metric answers at or above <paramref name="threshold"/>; null when none is.</summary>
    public double? PrecisionAt(double threshold)
    {
        var taken = (Evaluation.Predictions ?? []).Where(p => p.Predicted != MentionLabels.None && p.Probability >= threshold).ToList();
        return taken.Count == 0 ? null : (double)taken.Count(p => p.Predicted == p.Gold) / taken.Count;
    }
}

/// <summary>
/// Which ML.NET trainer to ship: each candidate cross-validated on the same folds; the best macro-F1 among those whose
/// probabilities are calibrated at the miner's thresholds wins (a model that is often wrong at 0.97 would overrule
/// confident rules wrongly, however good its macro-F1).
/// </summary>
public static class TrainerSelection
{
    /// <summary>The probabilities at which FigureMiner lets the classifier name, change or overrule a figure.</summary>
    public static IReadOnlyList<double> MinerThresholds { get; } =
        [FigureMiner.ClassifierThreshold, FigureMiner.ClassifierOverride, FigureMiner.ClassifierOverruleFarCue];

    /// <summary>
    /// Cross-validates each of <paramref name="kinds"/> (folds by sentence frame when <paramref name="groups"/> is given,
    /// else stratified), in order; <paramref name="progress"/> hears each result as it comes.
    /// </summary>
    public static IReadOnlyList<TrainerTrial> Run(IReadOnlyList<LabelledMention> mentions, IReadOnlyList<int>? groups, MentionFeaturizer featurizer,
        MentionTrainerOptions options, int folds, IReadOnlyList<MentionTrainerKind> kinds, Action<TrainerTrial>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(kinds);
        var trials = new List<TrainerTrial>(kinds.Count);
        foreach (var kind in kinds)
        {
            ct.ThrowIfCancellationRequested();
            var trainer = new MentionModelTrainer(featurizer, kind, options);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var e = groups is null ? CrossValidation.Run(mentions, trainer, folds) : CrossValidation.RunGrouped(mentions, groups, trainer, folds);
            var trial = new TrainerTrial(kind, e, clock.Elapsed);
            progress?.Invoke(trial);
            trials.Add(trial);
        }
        return trials;
    }

    /// <summary>
    /// The calibrated trial with the best macro-F1 (when none is calibrated, the best of all); a tie goes to the earlier
    /// (cheaper) trainer.
    /// </summary>
    public static TrainerTrial Best(IReadOnlyList<TrainerTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0) throw new ArgumentException("no trial to choose from", nameof(trials));
        var pool = trials.Any(t => t.Calibrated) ? trials.Where(t => t.Calibrated).ToList() : trials;
        var best = pool[0];
        foreach (var t in pool.Skip(1))
        {
            if (t.Evaluation.MacroF1 > best.Evaluation.MacroF1) best = t;
        }
        return best;
    }
}

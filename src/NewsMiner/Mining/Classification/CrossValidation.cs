using System.Globalization;
using System.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>Precision, recall and F1 of one label over the held-out predictions.</summary>
public sealed record ClassScore(string Label, int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Cross-validated results. <see cref="Confusion"/>[gold][predicted] counts held-out mentions, indexed like
/// <see cref="Labels"/>. Only hand labels are scored; weak (rule-made) labels are trained on but never graded.
/// </summary>
public sealed record ClassifierEvaluation(
    IReadOnlyList<string> Labels,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    int Folds,
    ulong Seed,
    int Trained,
    int WeakTrained,
    bool Grouped = false,
    IReadOnlyList<OutOfFoldPrediction>? Predictions = null)
{
    public int Scored => Confusion.Sum(r => r.Sum());

    public double Accuracy => Scored == 0 ? 0 : (double)Enumerable.Range(0, Labels.Count).Sum(i => Confusion[i][i]) / Scored;

    public IReadOnlyList<ClassScore> PerClass => Enumerable.Range(0, Labels.Count)
        .Select(i => new ClassScore(Labels[i], Confusion[i].Sum(), Confusion.Sum(r => r[i]), Confusion[i][i]))
        .ToList();

    /// <summary>Mean F1 over the labels that occur in the scored gold.</summary>
    public double MacroF1
    {
        get
        {
            var present = PerClass.Where(c => c.Support > 0).ToList();
            return present.Count == 0 ? 0 : present.Average(c => c.F1);
        }
    }
}

/// <summary>A scored mention's gold label and what a model that never saw its fold answered, with that answer's probability.</summary>
public sealed record OutOfFoldPrediction(string Gold, string Predicted, double Probability);

/// <summary>Stratified, seeded k-fold cross-validation of any <see cref="IMentionClassifierTrainer"/>.</summary>
public static class CrossValidation
{
    public const ulong DefaultSeed = 20160101;

    public static ClassifierEvaluation Run(IReadOnlyList<LabelledMention> data, IMentionClassifierTrainer trainer, int folds = 5, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        return RunWithFolds(data, AssignFolds(data.Select(d => d.Label).ToList(), folds, seed), trainer, folds, seed, grouped: false);
    }

    /// <summary>
    /// Cross-validation where every member of a group (one sentence frame: see <see cref="TemplateGroups"/>) falls in the
    /// same fold. Filled-in copies of a frame then never grade each other, which is what makes plain k-fold look too good.
    /// </summary>
    public static ClassifierEvaluation RunGrouped(IReadOnlyList<LabelledMention> data, IReadOnlyList<int> groups, IMentionClassifierTrainer trainer,
        int folds = 5, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (groups.Count != data.Count) throw new ArgumentException("one group per mention", nameof(groups));
        return RunWithFolds(data, AssignGroupFolds(groups, folds, seed), trainer, folds, seed, grouped: true);
    }

    /// <summary>
    /// Fold of each example when whole groups are dealt: groups in a seeded shuffle, largest first, each to the fold that
    /// holds the fewest examples so far (ties to the lowest fold), so folds stay close in size.
    /// </summary>
    public static int[] AssignGroupFolds(IReadOnlyList<int> groups, int folds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var members = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var rng = new SplitMix64(seed);
        for (var i = members.Length - 1; i > 0; i--)
        {
            var j = (int)(rng.Next() % (ulong)(i + 1));
            (members[i], members[j]) = (members[j], members[i]);
        }
        var order = members.Select((m, i) => (m, i)).OrderByDescending(t => t.m.Length).ThenBy(t => t.i).Select(t => t.m);
        var size = new int[folds];
        var foldOf = new int[groups.Count];
        foreach (var group in order)
        {
            var fold = 0;
            for (var f = 1; f < folds; f++)
            {
                if (size[f] < size[fold]) fold = f;
            }
            foreach (var m in group) foldOf[m] = fold;
            size[fold] += group.Length;
        }
        return foldOf;
    }

    private static ClassifierEvaluation RunWithFolds(IReadOnlyList<LabelledMention> data, int[] foldOf, IMentionClassifierTrainer trainer, int folds, ulong seed, bool grouped)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var labels = data.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        for (var fold = 0; fold < folds; fold++)
        {
            var left = data.Where((_, i) => foldOf[i] != fold).Select(t => t.Label).Distinct(StringComparer.Ordinal).Count();
            if (left < 2 && foldOf.Contains(fold)) throw new InvalidOperationException($"fold {fold}: too few labels left to train on");
        }
        // Folds train independently: in parallel, each into its own matrix, added up in fold order, so the result does
        // not depend on scheduling.
        var perFold = new int[folds][][];
        var predictions = new List<OutOfFoldPrediction>[folds];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(folds, Environment.ProcessorCount) }, fold =>
        {
            var own = labels.Select(_ => new int[labels.Count]).ToArray();
            perFold[fold] = own;
            var said = predictions[fold] = [];
            var train = new List<LabelledMention>();
            var test = new List<LabelledMention>();
            for (var i = 0; i < data.Count; i++) (foldOf[i] == fold ? test : train).Add(data[i]);
            if (test.Count == 0) return;
            var model = trainer.Train(train);
            foreach (var t in test)
            {
                if (t.Weak) continue;
                var p = model.Classify(t.Context);
                own[index[t.Label]][index[p.Best]]++;
                said.Add(new OutOfFoldPrediction(t.Label, p.Best, p.BestProbability));
            }
        });
        foreach (var own in perFold)
        {
            for (var g = 0; g < labels.Count; g++)
            {
                for (var p = 0; p < labels.Count; p++) confusion[g][p] += own[g][p];
            }
        }
        return new ClassifierEvaluation(labels, confusion, folds, seed, data.Count, data.Count(d => d.Weak), Grouped: grouped,
            Predictions: [.. predictions.SelectMany(p => p)]);
    }

    /// <summary>
    /// The rules alone on the same hand-labelled mentions (their label; silent counts as "none"), for comparison with
    /// the cross-validated classifier. Folds and seed are zero: nothing is trained.
    /// </summary>
    public static ClassifierEvaluation RulesAlone(IReadOnlyList<LabelledMention> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Select(d => d.Label).Append(MentionLabels.None)
            .Concat(data.Select(d => d.Context.RuleLabel).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var d in data.Where(d => !d.Weak)) confusion[index[d.Label]][index[d.Context.RuleLabel ?? MentionLabels.None]]++;
        return new ClassifierEvaluation(labels, confusion, 0, 0, data.Count, data.Count(d => d.Weak));
    }

    /// <summary>
    /// Fold of each example: per label (ordinal order) a seeded shuffle, then dealt round-robin, the deal carrying on
    /// from label to label so folds stay within one example of each other in size.
    /// </summary>
    public static int[] AssignFolds(IReadOnlyList<string> labels, int folds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var foldOf = new int[labels.Count];
        var rng = new SplitMix64(seed);
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            for (var i = members.Length - 1; i > 0; i--)
            {
                var j = (int)(rng.Next() % (ulong)(i + 1));
                (members[i], members[j]) = (members[j], members[i]);
            }
            foreach (var m in members)
            {
                foldOf[m] = next;
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }

    /// <summary>A tiny PRNG with a fixed algorithm: System.Random's sequence is not promised across .NET versions.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// How the model's metric answers fare when only answers at or above each threshold are taken: precision over the
    /// answers taken, recall over the mentions whose gold is a metric. How the miner's thresholds are chosen.
    /// </summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> ThresholdCurve(ClassifierEvaluation e, IEnumerable<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(thresholds);
        var predictions = e.Predictions ?? [];
        var metrics = predictions.Count(p => p.Gold != MentionLabels.None);
        var curve = new List<(double, double, double)>();
        foreach (var t in thresholds)
        {
            var taken = predictions.Where(p => p.Predicted != MentionLabels.None && p.Probability >= t).ToList();
            var right = taken.Count(p => p.Predicted == p.Gold);
            curve.Add((t, taken.Count == 0 ? 0 : (double)right / taken.Count, metrics == 0 ? 0 : (double)right / metrics));
        }
        return curve;
    }

    /// <summary>Accuracy, macro-F1, a per-label table and the confusion matrix, as plain text.</summary>
    public static string Format(ClassifierEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{e.Folds}-fold cross-validation ({(e.Grouped ? "grouped by sentence frame" : "stratified")}, seed {e.Seed}): {e.Trained} mentions, {e.WeakTrained} weak (trained on, not scored), {e.Scored} scored\n");
        sb.Append(inv, $"accuracy {e.Accuracy:0.000}   macro-F1 {e.MacroF1:0.000}\n\n");
        var width = Math.Max(5, e.Labels.Max(l => l.Length));
        sb.Append("  #  ").Append("label".PadRight(width)).Append("  support  precision  recall     F1\n");
        var perClass = e.PerClass;
        for (var i = 0; i < perClass.Count; i++)
        {
            var c = perClass[i];
            sb.Append(inv, $"{i,3}  {c.Label.PadRight(width)}  {c.Support,7}  {c.Precision,9:0.000}  {c.Recall,6:0.000}  {c.F1,5:0.000}\n");
        }
        sb.Append("\nconfusion (rows gold, columns predicted, by #)\n");
        var cell = Math.Max(3, e.Confusion.SelectMany(r => r).DefaultIfEmpty(0).Max().ToString(inv).Length);
        sb.Append("gold\\pred");
        for (var j = 0; j < e.Labels.Count; j++) sb.Append(' ').Append(j.ToString(inv).PadLeft(cell));
        sb.Append('\n');
        for (var i = 0; i < e.Labels.Count; i++)
        {
            sb.Append(i.ToString(inv).PadLeft(9));
            for (var j = 0; j < e.Labels.Count; j++)
            {
                var v = e.Confusion[i][j];
                sb.Append(' ').Append((v == 0 ? "." : v.ToString(inv)).PadLeft(cell));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

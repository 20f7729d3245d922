namespace NewsMiner.Mining.Classification;

/// <summary>The shipped model (embedded resource models/figure-classifier.zip) and what to use when it is missing.</summary>
public static class FigureClassifier
{
    public const string ModelPath = "models/figure-classifier.zip";

    /// <summary>The features `newsminer train` uses by default: the tokenizer ablation's winner (see the README beside this file).</summary>
    public static MentionFeaturizer Featurizer => MentionFeaturizer.Default;

    /// <summary>The feature sets a model file may have been trained with; the file's signature picks one.</summary>
    public static IReadOnlyList<MentionFeaturizer> Featurizers { get; } =
        [MentionFeaturizer.Default, MentionFeaturizer.WithLexicon, MentionFeaturizer.WithSubwords];

    // Loading an ML.NET model costs tens of milliseconds and the model is immutable and thread-safe: once per process.
    private static readonly Lazy<IMentionClassifier> Shipped = new(() =>
        (IMentionClassifier?)TryLoadEmbedded(Featurizers, out _) ?? new RuleEchoClassifier());

    /// <summary>
    /// The embedded model, or null with the reason when it is absent or was trained with other features (then the
    /// caller falls back to the rules: see <see cref="LoadDefault"/>).
    /// </summary>
    public static MentionModel? TryLoadEmbedded(IReadOnlyList<MentionFeaturizer> featurizers, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(featurizers);
        using var stream = typeof(FigureClassifier).Assembly.GetManifestResourceStream(ModelPath);
        if (stream is null)
        {
            problem = $"{ModelPath} is not embedded in this build";
            return null;
        }
        try
        {
            problem = null;
            return MentionModel.Load(stream, featurizers);
        }
        catch (InvalidDataException e)
        {
            problem = $"{ModelPath}: {e.Message}";
            return null;
        }
    }

    /// <summary>The shipped model, loaded once per process, or <see cref="RuleEchoClassifier"/> when it cannot be used.</summary>
    public static IMentionClassifier LoadDefault() => Shipped.Value;
}

/// <summary>
/// The fallback when no model ships: repeats the rules' opinion (their label gets their confidence, the rest goes to
/// "none"), so combining code behaves exactly like rules alone.
/// </summary>
public sealed class RuleEchoClassifier : IMentionClassifier
{
    private readonly string[] _labels = [.. MetricNames.All.Append(MentionLabels.None).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Labels => _labels;

    public ClassProbabilities Classify(MentionContext m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var p = new double[_labels.Length];
        var none = Array.IndexOf(_labels, MentionLabels.None);
        var rule = m.RuleLabel is null ? -1 : Array.IndexOf(_labels, m.RuleLabel);
        if (rule < 0 || rule == none)
        {
            p[none] = 1;
        }
        else
        {
            var c = Math.Clamp(m.RuleConfidence, 0, 1);
            p[rule] = c;
            p[none] = 1 - c;
        }
        return new ClassProbabilities(_labels, p);
    }
}

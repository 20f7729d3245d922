using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>
/// One number in context, as the classifier sees it. <see cref="Text"/> is normalised (VietnameseText.Normalize) and
/// should be the sentence holding the number: the featurizer looks no further than it. [Start, Start+Length) covers the
/// number expression (with or without its qualifier words). <see cref="RuleLabel"/> is what the rules said (a schema
/// metric name or "none"), or null when they were silent; <see cref="RuleConfidence"/> is their confidence (0..1).
/// <see cref="SentencePosition"/> is where the sentence sits in the article: 0 first, 1 last.
/// </summary>
public sealed record MentionContext(
    string Text,
    int Start,
    int Length,
    string? RuleLabel,
    double RuleConfidence,
    DateOnly? Published,
    double SentencePosition)
{
    public int End => Start + Length;

    /// <summary>
    /// The context of a number inside a longer normalised passage (an article or a few sentences): the sentence holding
    /// it is cut out, the span moved into it, and the sentence's position in the passage computed.
    /// </summary>
    public static MentionContext FromPassage(string normalisedText, int start, int length, DateOnly? published,
        string? ruleLabel = null, double ruleConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (start + length > normalisedText.Length) throw new ArgumentOutOfRangeException(nameof(length), "span past the end of the text");
        var sentences = SentenceSplitter.Split(normalisedText);
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            if (start < s.Start || start >= s.End) continue;
            // A number split across a boundary (rare: "3." at a line end) keeps the whole passage rather than losing digits.
            if (start + length > s.End) break;
            var position = sentences.Count == 1 ? 0 : (double)i / (sentences.Count - 1);
            return new MentionContext(normalisedText.Substring(s.Start, s.Length), start - s.Start, length, ruleLabel, ruleConfidence, published, position);
        }
        return new MentionContext(normalisedText, start, length, ruleLabel, ruleConfidence, published, 0);
    }
}

/// <summary>A mention with its gold label (a schema metric name or "none"); weak labels came from rules, not a person.</summary>
public sealed record LabelledMention(string Id, MentionContext Context, string Label, bool Weak);

/// <summary>A probability per label, in the classifier's label order; they sum to 1.</summary>
public sealed record ClassProbabilities(IReadOnlyList<string> Labels, IReadOnlyList<double> Probabilities)
{
    public int BestIndex
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Probabilities.Count; i++)
            {
                if (Probabilities[i] > Probabilities[best]) best = i;
            }
            return best;
        }
    }

    public string Best => Labels[BestIndex];

    public double BestProbability => Probabilities[BestIndex];

    /// <summary>The probability of <paramref name="label"/>; 0 for a label the classifier does not know.</summary>
    public double Of(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal)) return Probabilities[i];
        }
        return 0;
    }
}

/// <summary>Decides what a number counts. Shaped so an ML.NET pipeline (hashed features + SdcaMaximumEntropy) could sit behind it.</summary>
public interface IMentionClassifier
{
    /// <summary>Every label the classifier can answer: schema metric names and <see cref="MentionLabels.None"/>.</summary>
    IReadOnlyList<string> Labels { get; }

    ClassProbabilities Classify(MentionContext m);
}

public interface IMentionClassifierTrainer
{
    IMentionClassifier Train(IReadOnlyList<LabelledMention> data);
}

public static class MentionLabels
{
    /// <summary>The label of a number that is not a party-membership figure (money, households, dates, ages ...).</summary>
    public const string None = "none";

    /// <summary>True for "none" and for every metric name of <see cref="MetricNames"/>.</summary>
    public static bool IsKnown(string label) => label == None || MetricNames.TryParse(label, out _) && label == label.ToLowerInvariant();

    /// <summary>The metric a label names; null for "none".</summary>
    public static Metric? ToMetric(string label) => label != None && MetricNames.TryParse(label, out var m) ? m : null;
}

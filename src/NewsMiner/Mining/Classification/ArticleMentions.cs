using NewsMiner.Text;

namespace NewsMiner.Mining.Classification;

/// <summary>One number of an article with the rules' opinion on it and the classifier's probabilities.</summary>
public sealed record ClassifiedMention(NumberMention Number, MentionContext Context, RuleOpinion? Rule, ClassProbabilities Probabilities);

/// <summary>
/// What the miner needs to combine rules and classifier: every count-like number of an article (single, range,
/// fraction, percent; dates, times and codes are never figures) in its sentence, with the rules' opinion attached the
/// same way training attached it (<see cref="MinerRuleOpinions"/>), classified.
/// </summary>
public static class ArticleMentions
{
    public static IReadOnlyList<ClassifiedMention> Classify(string normalisedText, DateOnly? published, MiningResult rules,
        IMentionClassifier classifier, VietnameseNumberParser? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(classifier);
        var opinions = MinerRuleOpinions.FromResult(rules);
        var sentences = SentenceSplitter.Split(normalisedText);
        var result = new List<ClassifiedMention>();
        var s = 0;
        foreach (var n in (numbers ?? VietnameseNumberParser.Default).FindAll(normalisedText))
        {
            if (n.Form is not (NumberForm.Single or NumberForm.Range or NumberForm.Fraction or NumberForm.Percent)) continue;
            while (s < sentences.Count && sentences[s].End <= n.NumberStart) s++;
            var rule = MinerRuleOpinions.For(opinions, n.NumberStart, n.NumberLength);
            MentionContext context;
            if (s < sentences.Count && sentences[s].Start <= n.Start && n.End <= sentences[s].End)
            {
                var sentence = sentences[s];
                var position = sentences.Count == 1 ? 0 : (double)s / (sentences.Count - 1);
                context = new MentionContext(normalisedText.Substring(sentence.Start, sentence.Length), n.Start - sentence.Start, n.Length,
                    rule?.Label, rule?.Confidence ?? 0, published, position);
            }
            else
            {
                context = new MentionContext(normalisedText, n.Start, n.Length, rule?.Label, rule?.Confidence ?? 0, published, 0);
            }
            result.Add(new ClassifiedMention(n, context, rule, classifier.Classify(context)));
        }
        return result;
    }
}

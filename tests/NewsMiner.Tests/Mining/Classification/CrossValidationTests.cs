using NewsMiner.Mining.Classification;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class CrossValidationTests
{
    [Theory]
    [InlineData(5, 1UL)]
    [InlineData(5, 42UL)]
    [InlineData(3, 7UL)]
    public void Folds_are_stratified_and_balanced(int folds, ulong seed)
    {
        var labels = MiniMentions.Mentions.Select(m => m.Label).ToList();
        var foldOf = CrossValidation.AssignFolds(labels, folds, seed);
        Assert.All(foldOf, f => Assert.InRange(f, 0, folds - 1));
        var sizes = Enumerable.Range(0, folds).Select(f => foldOf.Count(x => x == f)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        foreach (var label in labels.Distinct())
        {
            var perFold = Enumerable.Range(0, folds).Select(f => labels.Where((l, i) => l == label && foldOf[i] == f).Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(",", perFold)}");
        }
    }

    [Fact]
    public void Folds_depend_on_the_seed_only()
    {
        var labels = MiniMentions.Mentions.Select(m => m.Label).ToList();
        Assert.Equal(CrossValidation.AssignFolds(labels, 5, 9), CrossValidation.AssignFolds(labels, 5, 9));
        Assert.NotEqual(CrossValidation.AssignFolds(labels, 5, 9), CrossValidation.AssignFolds(labels, 5, 10));
    }

    [Fact]
    public void Cross_validation_on_the_mini_set_is_computed_and_in_range()
    {
        var data = MiniMentions.Mentions;
        var e = CrossValidation.Run(data, new MentionModelTrainer(MentionFeaturizer.Default));
        Assert.Equal(data.Count, e.Scored);
        Assert.Equal(data.Select(d => d.Label).Distinct().Order(StringComparer.Ordinal), e.Labels);
        foreach (var c in e.PerClass)
        {
            Assert.Equal(data.Count(d => d.Label == c.Label), c.Support);
            Assert.InRange(c.Precision, 0, 1);
            Assert.InRange(c.Recall, 0, 1);
        }
        // Far above the majority class (none, about 30%): the features carry the signal.
        Assert.InRange(e.Accuracy, 0.75, 1.0);
        Assert.InRange(e.MacroF1, 0.7, 1.0);
        var text = CrossValidation.Format(e);
        Assert.Contains("macro-F1", text);
        Assert.All(e.Labels, l => Assert.Contains(l, text));
    }

    [Fact]
    public void Weak_labels_are_trained_on_but_not_scored()
    {
        var data = MiniMentions.Mentions.Select((m, i) => i % 4 == 0 ? m with { Weak = true } : m).ToList();
        var e = CrossValidation.Run(data, new MentionModelTrainer(MentionFeaturizer.Default));
        Assert.Equal(data.Count(d => !d.Weak), e.Scored);
        Assert.Equal(data.Count(d => d.Weak), e.WeakTrained);
    }

    [Theory]
    [InlineData(10, 8, 6, 0.75, 0.6)]
    [InlineData(4, 0, 0, 0.0, 0.0)]
    [InlineData(5, 5, 5, 1.0, 1.0)]
    public void Class_scores(int support, int predicted, int correct, double precision, double recall)
    {
        var s = new ClassScore("x", support, predicted, correct);
        Assert.Equal(precision, s.Precision, 6);
        Assert.Equal(recall, s.Recall, 6);
        Assert.Equal(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), s.F1, 6);
    }

    [Fact]
    public void Metrics_come_from_the_confusion_matrix()
    {
        // gold a: 3 right, 1 called b; gold b: 2 right.
        var e = new ClassifierEvaluation(["a", "b"], [[3, 1], [0, 2]], 5, 1, 6, 0);
        Assert.Equal(5.0 / 6, e.Accuracy, 6);
        var fa = 2 * 1.0 * 0.75 / 1.75;
        var fb = 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1);
        Assert.Equal((fa + fb) / 2, e.MacroF1, 6);
    }

    [Fact]
    public void Rules_alone_are_scored_by_their_label_with_silence_as_none()
    {
        MentionContext C(string? rule) => new("Huyện kết nạp 5 đảng viên.", 14, 1, rule, 0.9, null, 0);
        var data = new List<LabelledMention>
        {
            new("1", C("new_members"), "new_members", false),
            new("2", C(null), "new_members", false),
            new("3", C(null), "none", false),
            new("4", C("party_cells"), "none", false),
            new("5", C("new_members"), "new_members", true),
        };
        var e = CrossValidation.RulesAlone(data);
        Assert.Equal(4, e.Scored);
        Assert.Equal(0.5, e.Accuracy, 6);
        Assert.Contains("party_cells", e.Labels);
    }
}

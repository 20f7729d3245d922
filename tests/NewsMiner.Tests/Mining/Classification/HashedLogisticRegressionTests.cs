using System.Collections.Immutable;
using NewsMiner.Mining.Classification;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class HashedLogisticRegressionTests
{
    private static readonly MentionFeaturizer Small = new(ClassifierCues.Default, VietnameseNumberParser.Default, bits: 10);

    private static SparseFeatures Vector(params int[] buckets)
    {
        var sorted = buckets.Distinct().Order().ToImmutableArray();
        return new SparseFeatures(sorted, [.. sorted.Select(_ => 1f)]);
    }

    /// <summary>Three classes, each marked by its own bucket, plus buckets shared by all of them as noise.</summary>
    private static List<(SparseFeatures, string, double)> Toy()
    {
        var data = new List<(SparseFeatures, string, double)>();
        string[] labels = ["a", "b", "c"];
        for (var i = 0; i < 60; i++)
        {
            var c = i % 3;
            data.Add((Vector(10 + c, 100 + i % 7, 200 + i % 5), labels[c], 1.0));
        }
        return data;
    }

    [Fact]
    public void The_trainer_learns_a_separable_toy_problem()
    {
        var model = new HashedLogisticRegressionTrainer(Small).Train(Toy());
        Assert.Equal(["a", "b", "c"], model.Labels);
        for (var c = 0; c < 3; c++)
        {
            var p = model.Classify(Vector(10 + c, 103, 201));
            Assert.Equal(model.Labels[c], p.Best);
            Assert.True(p.BestProbability > 0.8, $"p={p.BestProbability}");
            Assert.Equal(1.0, p.Probabilities.Sum(), 6);
        }
        // Only noise: no class stands out.
        var noise = model.Classify(Vector(103, 201));
        Assert.True(noise.BestProbability < 0.6, $"p={noise.BestProbability}");
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-2)]
    public void Stronger_regularisation_gives_less_confident_answers(double weak)
    {
        var loose = new HashedLogisticRegressionTrainer(Small, new LogisticRegressionOptions(L2: weak)).Train(Toy());
        var tight = new HashedLogisticRegressionTrainer(Small, new LogisticRegressionOptions(L2: weak * 100)).Train(Toy());
        var x = Vector(10, 103, 201);
        Assert.True(loose.Classify(x).BestProbability > tight.Classify(x).BestProbability);
    }

    [Fact]
    public void Weak_labels_count_less()
    {
        // The same feature labelled "a" by hand twice and "b" weakly three times: weighted 2 vs 1.5, "a" wins.
        var data = new List<(SparseFeatures, string, double)>
        {
            (Vector(1), "a", 1), (Vector(1), "a", 1), (Vector(1), "b", 0.5), (Vector(1), "b", 0.5), (Vector(1), "b", 0.5),
        };
        Assert.Equal("a", new HashedLogisticRegressionTrainer(Small).Train(data).Classify(Vector(1)).Best);
        var unweighted = data.Select(d => (d.Item1, d.Item2, 1.0)).ToList();
        Assert.Equal("b", new HashedLogisticRegressionTrainer(Small).Train(unweighted).Classify(Vector(1)).Best);
    }

    [Fact]
    public void Save_and_load_give_the_same_model()
    {
        var model = new HashedLogisticRegressionTrainer(MentionFeaturizer.Default).Train(MiniMentions.Mentions);
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = HashedLogisticRegression.Load(ms, MentionFeaturizer.Default);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.RowCount, loaded.RowCount);
        Assert.Equal(model.ToBytes(), loaded.ToBytes());
        foreach (var m in MiniMentions.Mentions.Take(40))
            Assert.Equal(model.Classify(m.Context).Probabilities, loaded.Classify(m.Context).Probabilities);
    }

    [Fact]
    public void Training_twice_gives_byte_identical_files()
    {
        var a = new HashedLogisticRegressionTrainer(MentionFeaturizer.Default).Train(MiniMentions.Mentions).ToBytes();
        var b = new HashedLogisticRegressionTrainer(MentionFeaturizer.Default).Train(MiniMentions.Mentions).ToBytes();
        Assert.Equal(a, b);
        Assert.True(a.AsSpan().StartsWith("NMFC"u8));
    }

    [Fact]
    public void The_trained_model_fits_its_own_training_data()
    {
        var model = new HashedLogisticRegressionTrainer(MentionFeaturizer.Default).Train(MiniMentions.Mentions);
        var right = MiniMentions.Mentions.Count(m => model.Classify(m.Context).Best == m.Label);
        Assert.True(right >= MiniMentions.Mentions.Count * 0.95, $"{right}/{MiniMentions.Mentions.Count}");
    }

    [Theory]
    [InlineData(0, "bad magic")]
    [InlineData(40, "checksum")]
    [InlineData(-1, "checksum")]
    public void A_damaged_file_is_refused(int offset, string reason)
    {
        var bytes = new HashedLogisticRegressionTrainer(Small).Train(Toy()).ToBytes();
        var at = offset < 0 ? bytes.Length + offset : offset;
        bytes[at] ^= 0x5A;
        var e = Assert.Throws<InvalidDataException>(() => HashedLogisticRegression.Load(new MemoryStream(bytes), Small));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_model_for_other_features_is_refused()
    {
        var bytes = new HashedLogisticRegressionTrainer(Small).Train(Toy()).ToBytes();
        var e = Assert.Throws<InvalidDataException>(() => HashedLogisticRegression.Load(new MemoryStream(bytes), MentionFeaturizer.Default));
        Assert.Contains("newsminer train", e.Message);
    }

    [Fact]
    public void A_model_loads_with_the_feature_set_its_signature_names()
    {
        var trained = new HashedLogisticRegressionTrainer(Small).Train(Toy());
        var bytes = trained.ToBytes();
        var loaded = HashedLogisticRegression.Load(new MemoryStream(bytes), [MentionFeaturizer.Default, Small]);
        Assert.Equal(bytes, loaded.ToBytes());
        var e = Assert.Throws<InvalidDataException>(() => HashedLogisticRegression.Load(new MemoryStream(bytes), [MentionFeaturizer.Default, MentionFeaturizer.WithLexicon]));
        Assert.Contains("newsminer train", e.Message);
    }

    [Fact]
    public void The_shipped_model_loads_with_the_current_features()
    {
        var model = FigureClassifier.TryLoadEmbedded(FigureClassifier.Featurizers, out var problem);
        Assert.True(model is not null, problem);
        Assert.All(model.Labels, l => Assert.True(MentionLabels.IsKnown(l), l));
        Assert.Contains(MentionLabels.None, model.Labels);
        Assert.IsType<HashedLogisticRegression>(FigureClassifier.LoadDefault());
    }

    [Theory]
    [InlineData(null, 0.0, "none", 1.0)]
    [InlineData("new_members", 0.9, "new_members", 0.9)]
    [InlineData("none", 0.6, "none", 1.0)]
    [InlineData("total_members", 0.3, "none", 0.7)]
    public void The_fallback_echoes_the_rules(string? rule, double confidence, string best, double p)
    {
        var c = new RuleEchoClassifier().Classify(new MentionContext("Huyện có 5 chi bộ.", 9, 1, rule, confidence, null, 0));
        Assert.Equal(best, c.Best);
        Assert.Equal(p, c.BestProbability, 6);
        Assert.Equal(1.0, c.Probabilities.Sum(), 6);
    }
}

public class ArticleMentionsTests
{
    [Fact]
    public void Every_count_like_number_is_classified_in_its_sentence()
    {
        var text = NewsMiner.Text.VietnameseText.Normalize(
            "Ngày 12/3/2024, Huyện ủy tổ chức hội nghị. Năm qua huyện kết nạp 45 đảng viên, đạt 112% chỉ tiêu. Huyện có 187 chi bộ.");
        var rules = new NewsMiner.Mining.MiningResult([], []);
        var found = ArticleMentions.Classify(text, new DateOnly(2024, 3, 12), rules, new RuleEchoClassifier());
        Assert.Equal([45m, 112m, 187m], found.Select(f => f.Number.Value));
        Assert.Equal([NewsMiner.Text.NumberForm.Single, NewsMiner.Text.NumberForm.Percent, NewsMiner.Text.NumberForm.Single], found.Select(f => f.Number.Form));
        Assert.All(found, f => Assert.Contains(f.Number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Context.Text.Substring(f.Context.Start, f.Context.Length)));
        Assert.All(found, f => Assert.Null(f.Rule));
        Assert.Equal([0.5, 0.5, 1.0], found.Select(f => f.Context.SentencePosition));
        var model = FigureClassifier.LoadDefault();
        var classified = ArticleMentions.Classify(text, null, rules, model);
        Assert.All(classified, c => Assert.Equal(1.0, c.Probabilities.Probabilities.Sum(), 6));
    }
}

using NewsMiner.Mining.Classification;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class MentionModelTests
{
    private static readonly MentionFeaturizer Small = new(ClassifierCues.Default, VietnameseNumberParser.Default, bits: 10);

    // Trained once for the tests that only read a model: each training costs a second or more.
    private static readonly Lazy<MentionModel> Mini = new(() => new MentionModelTrainer(MentionFeaturizer.Default).Train(MiniMentions.Mentions));
    private static readonly Lazy<MentionModel> MiniSmall = new(() => new MentionModelTrainer(Small).Train(MiniMentions.Mentions));

    [Theory]
    [InlineData(MentionTrainerKind.Lbfgs, 0.95)]
    [InlineData(MentionTrainerKind.Sdca, 0.95)]
    // Trees on 211 sentences generalise less tightly to their own training rows through hashed sparse features.
    [InlineData(MentionTrainerKind.LightGbm, 0.85)]
    public void Each_trainer_fits_the_mini_set_and_gives_probabilities(MentionTrainerKind kind, double least)
    {
        var model = new MentionModelTrainer(MentionFeaturizer.Default, kind).Train(MiniMentions.Mentions);
        Assert.Equal(MiniMentions.Mentions.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal), model.Labels);
        var right = MiniMentions.Mentions.Count(m => model.Classify(m.Context).Best == m.Label);
        Assert.True(right >= MiniMentions.Mentions.Count * least, $"{right}/{MiniMentions.Mentions.Count}");
        Assert.All(MiniMentions.Mentions.Take(20), m => Assert.Equal(1.0, model.Classify(m.Context).Probabilities.Sum(), 5));
    }

    [Theory]
    [InlineData(MentionTrainerKind.Lbfgs)]
    [InlineData(MentionTrainerKind.Sdca)]
    [InlineData(MentionTrainerKind.LightGbm)]
    public void Training_twice_gives_byte_identical_files(MentionTrainerKind kind)
    {
        var a = new MentionModelTrainer(Small, kind).Train(MiniMentions.Mentions).ToBytes();
        var b = new MentionModelTrainer(Small, kind).Train(MiniMentions.Mentions).ToBytes();
        Assert.Equal(a, b);
        Assert.True(a.AsSpan().StartsWith("PK"u8), "an ML.NET model zip");
    }

    [Fact]
    public void Weak_labels_count_less()
    {
        // The same sentence labelled "new_members" by hand twice and "none" weakly three times: 2 against 1.5.
        var context = new MentionContext("Huyện kết nạp 45 đảng viên.", 14, 2, null, 0, null, 0);
        LabelledMention Of(string label, bool weak) => new("x", context, label, weak);
        List<LabelledMention> data = [Of("new_members", false), Of("new_members", false), Of("none", true), Of("none", true), Of("none", true)];
        Assert.Equal("new_members", new MentionModelTrainer(Small).Train(data).Classify(context).Best);
        var unweighted = data.Select(d => d with { Weak = false }).ToList();
        Assert.Equal("none", new MentionModelTrainer(Small).Train(unweighted).Classify(context).Best);
    }

    [Fact]
    public void Save_and_load_give_the_same_model()
    {
        var model = Mini.Value;
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = MentionModel.Load(ms, [MentionFeaturizer.Default]);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Trainer, loaded.Trainer);
        Assert.Equal(model.ToBytes(), loaded.ToBytes());
        foreach (var m in MiniMentions.Mentions.Take(40))
            Assert.Equal(model.Classify(m.Context).Probabilities, loaded.Classify(m.Context).Probabilities);
    }

    [Fact]
    public void Classifying_from_many_threads_gives_the_answers_of_one()
    {
        var model = Mini.Value;
        var contexts = MiniMentions.Mentions.Select(m => m.Context).ToArray();
        var expected = contexts.Select(c => model.Classify(c).Probabilities.ToArray()).ToArray();
        var got = new double[contexts.Length][];
        Parallel.For(0, contexts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var k = i % contexts.Length;
            got[k] = [.. model.Classify(contexts[k]).Probabilities];
        });
        for (var i = 0; i < contexts.Length; i++) Assert.Equal(expected[i], got[i]);
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => MentionModel.Load(new MemoryStream("NMFC not a zip"u8.ToArray()), [Small]));
        Assert.Contains("not a model zip", e.Message);
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("other.txt");
        zip.Position = 0;
        e = Assert.Throws<InvalidDataException>(() => MentionModel.Load(zip, [Small]));
        Assert.Contains("not a NewsMiner figure-classifier model", e.Message);
    }

    [Fact]
    public void A_model_loads_with_the_feature_set_its_signature_names()
    {
        var bytes = MiniSmall.Value.ToBytes();
        var loaded = MentionModel.Load(new MemoryStream(bytes), [MentionFeaturizer.Default, Small]);
        Assert.Same(Small, loaded.Featurizer);
        Assert.Equal(bytes, loaded.ToBytes());
        var e = Assert.Throws<InvalidDataException>(() => MentionModel.Load(new MemoryStream(bytes), [MentionFeaturizer.Default, MentionFeaturizer.WithLexicon]));
        Assert.Contains("newsminer train", e.Message);
    }

    [Fact]
    public void The_shipped_model_loads_with_the_current_features()
    {
        var model = FigureClassifier.TryLoadEmbedded(FigureClassifier.Featurizers, out var problem);
        Assert.True(model is not null, problem);
        Assert.All(model.Labels, l => Assert.True(MentionLabels.IsKnown(l), l));
        Assert.Contains(MentionLabels.None, model.Labels);
        Assert.IsType<MentionModel>(FigureClassifier.LoadDefault());
        Assert.Same(FigureClassifier.LoadDefault(), FigureClassifier.LoadDefault());
        Assert.True(typeof(FigureClassifier).Assembly.GetManifestResourceStream(FigureClassifier.ModelPath)!.Length < 20 << 20, "model under 20 MB");
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

using NewsMiner.Mining.Classification;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class SubwordVocabularyTests
{
    [Fact]
    public void O200k_splits_nfc_vietnamese_into_pieces_of_the_text()
    {
        var text = VietnameseText.Normalize("Huyện kết nạp 45 đảng viên mới");
        var tokens = SubwordVocabulary.O200kBase.Tokens(text);
        Assert.NotEmpty(tokens);
        // Every token is lower-cased text of the sentence, never a broken byte (U+FFFD) of a split character.
        Assert.All(tokens, t => Assert.Contains(t, text.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains("45", tokens);
        Assert.Equal(text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal), string.Concat(tokens));
    }

    [Fact]
    public void Subword_features_are_added_only_by_the_featurizer_that_asks_for_them()
    {
        var context = new MentionContext(VietnameseText.Normalize("Năm qua huyện kếtnạp 45 đảngviên mới."), 21, 2, null, 0, null, 0);
        Assert.Equal("45", context.Text.Substring(context.Start, context.Length));
        var with = MentionFeaturizer.WithSubwords.Describe(context);
        var without = MentionFeaturizer.Default.Describe(context);
        Assert.Contains(with, f => f.StartsWith("TL1:", StringComparison.Ordinal));
        Assert.Contains(with, f => f.StartsWith("TR1:", StringComparison.Ordinal));
        Assert.DoesNotContain(without, f => f.StartsWith("TL", StringComparison.Ordinal) || f.StartsWith("TR", StringComparison.Ordinal));
        Assert.Equal(without, with.Where(f => !f.StartsWith('T')));
        Assert.EndsWith(";subwords=o200k_base", MentionFeaturizer.WithSubwords.Signature, StringComparison.Ordinal);
    }
}

public class TrainerSelectionTests
{
    private static TrainerTrial Trial(MentionTrainerKind kind, double macroF1Right, params (string Gold, string Predicted, double P)[] answers)
    {
        // A 2-label confusion whose macro-F1 grows with macroF1Right; the predictions carry the calibration.
        var right = (int)(macroF1Right * 100);
        IReadOnlyList<IReadOnlyList<int>> confusion = [[right, 100 - right], [100 - right, right]];
        var e = new ClassifierEvaluation(["new_members", "none"], confusion, 5, 1, 200, 0, true,
            [.. answers.Select(a => new OutOfFoldPrediction(a.Gold, a.Predicted, a.P))]);
        return new TrainerTrial(kind, e, TimeSpan.Zero);
    }

    [Fact]
    public void The_best_calibrated_trainer_wins_over_a_better_uncalibrated_one()
    {
        // Sure answers that are wrong a third of the time: not calibrated at 0.97.
        var overconfident = Trial(MentionTrainerKind.LightGbm, 0.95,
            ("new_members", "new_members", 0.99), ("new_members", "new_members", 0.99), ("none", "new_members", 0.99));
        var calibrated = Trial(MentionTrainerKind.Lbfgs, 0.85,
            ("new_members", "new_members", 0.99), ("none", "new_members", 0.75), ("new_members", "new_members", 0.8));
        Assert.False(overconfident.Calibrated);
        Assert.True(calibrated.Calibrated);
        Assert.Equal(MentionTrainerKind.Lbfgs, TrainerSelection.Best([overconfident, calibrated]).Kind);
        // When no trainer is calibrated, macro-F1 alone decides.
        Assert.Equal(MentionTrainerKind.LightGbm, TrainerSelection.Best([overconfident]).Kind);
    }

    [Fact]
    public void Among_calibrated_trainers_the_better_macro_f1_wins_and_ties_go_to_the_first()
    {
        var a = Trial(MentionTrainerKind.Lbfgs, 0.8, ("new_members", "new_members", 0.99));
        var b = Trial(MentionTrainerKind.Sdca, 0.9, ("new_members", "new_members", 0.99));
        Assert.Equal(MentionTrainerKind.Sdca, TrainerSelection.Best([a, b]).Kind);
        var tie = Trial(MentionTrainerKind.Sdca, 0.8, ("new_members", "new_members", 0.99));
        Assert.Equal(MentionTrainerKind.Lbfgs, TrainerSelection.Best([a, tie]).Kind);
    }
}

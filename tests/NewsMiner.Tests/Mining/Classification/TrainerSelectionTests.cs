using NewsMiner.Mining.Classification;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

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
        // Wrong only below the miner's lowest threshold (0.7).
        var calibrated = Trial(MentionTrainerKind.Lbfgs, 0.85,
            ("new_members", "new_members", 0.99), ("none", "new_members", 0.65), ("new_members", "new_members", 0.8));
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

using NewsMiner.Mining.Classification;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class TemplateGroupsTests
{
    private static TrainingRecord Record(string text, string? frame = null) =>
        new("id", text, null, null, "1", 1, MentionLabels.None, false, "test", frame);

    [Theory]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 215 đảng viên.", "năm # huyện kết nạp # đảng viên")]
    [InlineData("Đảng bộ xã Tân Đức có 1.234 đảng viên, 12 chi bộ.", "đảng bộ xã có # đảng viên # chi bộ")]
    [InlineData("Huyện Thọ Xuân giao chỉ tiêu 3.500.", "huyện giao chỉ tiêu #")]
    public void Skeleton_drops_names_and_numbers(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', TemplateGroups.Skeleton(text)));

    [Theory]
    // Same frame, other places and numbers: one group.
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 215 đảng viên mới, vượt chỉ tiêu.", "Năm 2021, huyện Lục Ngạn kết nạp 180 đảng viên mới, vượt chỉ tiêu.", true)]
    [InlineData("Đảng bộ xã Tân Đức hiện có 312 đảng viên sinh hoạt tại 14 chi bộ.", "Đảng bộ xã Ea Phê hiện có 1.012 đảng viên sinh hoạt tại 21 chi bộ.", true)]
    // Different frames: apart.
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 215 đảng viên mới, vượt chỉ tiêu.", "Đảng bộ xã Ea Phê hiện có 1.012 đảng viên sinh hoạt tại 21 chi bộ.", false)]
    [InlineData("Lớp cảm tình Đảng thu hút 45 quần chúng.", "Xã hỗ trợ 30 triệu đồng cho 12 hộ nghèo.", false)]
    public void Copies_of_a_frame_share_a_group(string a, string b, bool same)
    {
        var groups = TemplateGroups.Assign([Record(a), Record(b)]);
        Assert.Equal(same, groups[0] == groups[1]);
    }

    [Fact]
    public void A_frame_field_joins_sentences_that_look_different()
    {
        var groups = TemplateGroups.Assign([
            Record("Lớp cảm tình Đảng thu hút 45 quần chúng.", "f1"),
            Record("Xã hỗ trợ 30 triệu đồng cho 12 hộ nghèo.", "f1"),
            Record("Huyện giao chỉ tiêu 3.500.", "f2"),
        ]);
        Assert.Equal(groups[0], groups[1]);
        Assert.NotEqual(groups[0], groups[2]);
        Assert.Equal([0, 0, 1], groups);
    }

    [Theory]
    [InlineData(5, 1UL)]
    [InlineData(3, 77UL)]
    public void Grouped_folds_never_split_a_group_and_stay_balanced(int folds, ulong seed)
    {
        var groups = TemplateGroups.Assign(MiniMentions.Records);
        var foldOf = CrossValidation.AssignGroupFolds(groups, folds, seed);
        foreach (var g in groups.Distinct())
            Assert.Single(Enumerable.Range(0, groups.Length).Where(i => groups[i] == g).Select(i => foldOf[i]).Distinct());
        var sizes = Enumerable.Range(0, folds).Select(f => foldOf.Count(x => x == f)).ToList();
        var largestGroup = groups.GroupBy(g => g).Max(g => g.Count());
        Assert.True(sizes.Max() - sizes.Min() <= largestGroup, string.Join(",", sizes));
        Assert.Equal(foldOf, CrossValidation.AssignGroupFolds(groups, folds, seed));
    }

    [Fact]
    public void Grouped_cross_validation_reports_out_of_fold_answers_and_a_threshold_curve()
    {
        var data = MiniMentions.Mentions;
        var e = CrossValidation.RunGrouped(data, TemplateGroups.Assign(MiniMentions.Records), new MentionModelTrainer(MentionFeaturizer.Default));
        Assert.True(e.Grouped);
        Assert.Contains("grouped by sentence frame", CrossValidation.Format(e));
        Assert.NotNull(e.Predictions);
        Assert.Equal(e.Scored, e.Predictions.Count);
        Assert.Equal(e.Accuracy, (double)e.Predictions.Count(p => p.Gold == p.Predicted) / e.Predictions.Count, 9);
        var curve = CrossValidation.ThresholdCurve(e, [0.0, 0.5, 0.9, 1.01]);
        // Taking fewer answers can only lose recall; above 1 nothing is taken.
        for (var i = 1; i < curve.Count; i++) Assert.True(curve[i].Recall <= curve[i - 1].Recall);
        Assert.Equal(0, curve[^1].Recall);
        Assert.InRange(curve[0].Precision, 0.01, 1);
    }
}

using NewsMiner.Mining;
using NewsMiner.Mining.Classification;
using NewsMiner.Mining.Localities;
using NewsMiner.Text;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

/// <summary>Where and how sure the miner lets the classifier decide, with a classifier that always gives one answer.</summary>
public class MinerClassifierTests
{
    /// <summary>Gives <paramref name="label"/> probability <paramref name="p"/> for every number, the rest to "none".</summary>
    private sealed class FixedClassifier(string label, double p) : IMentionClassifier
    {
        private readonly string[] _labels = [.. MetricNames.All.Append(MentionLabels.None).Order(StringComparer.Ordinal)];

        public IReadOnlyList<string> Labels => _labels;

        public ClassProbabilities Classify(MentionContext m)
        {
            var probabilities = _labels.Select(l => l == label ? p : l == MentionLabels.None ? 1 - p : 0).ToArray();
            if (label == MentionLabels.None) probabilities = _labels.Select(l => l == MentionLabels.None ? 1.0 : 0).ToArray();
            return new ClassProbabilities(_labels, probabilities);
        }
    }

    private static readonly LocalityResolver Places = new(Gazetteer.Default);

    private static string MetricOf(string sentence, string number, IMentionClassifier? classifier)
    {
        var miner = new FigureMiner(MinerRules.Default, VietnameseNumberParser.Default, Places, classifier);
        var text = VietnameseText.Normalize(sentence);
        var at = text.IndexOf(number, StringComparison.Ordinal);
        var result = miner.Mine(text, new MiningContext(new DateOnly(2023, 12, 20), "Thái Nguyên"));
        return result.Figures.FirstOrDefault(f => f.ValueStart >= at && f.ValueStart < at + number.Length)?.Metric.ToSchemaName() ?? MentionLabels.None;
    }

    [Theory]
    // The rules take it confidently: the classifier never changes that.
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "total_members", 0.93, "new_members")]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "total_members", 0.999, "new_members")]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "none", 1.0, "new_members")]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "member_share_pct", 0.99, "new_members")]
    // No unit noun after the number: the rules are silent, the classifier decides at ClassifierThreshold.
    [InlineData("Số quần chúng được kết nạp năm 2023 của huyện Phú Bình là 455.", "455", "new_members", 0.75, "new_members")]
    [InlineData("Số quần chúng được kết nạp năm 2023 của huyện Phú Bình là 455.", "455", "new_members", 0.65, "none")]
    [InlineData("Số quần chúng được kết nạp năm 2023 của huyện Phú Bình là 455.", "455", "target_attainment_pct", 0.99, "none")]
    // ... but only in a sentence about the Party (FigureMiner.PartyWords).
    [InlineData("Số người vào Đảng năm 2023 của huyện Phú Bình là 455.", "455", "new_members", 0.75, "new_members")]
    // A clause after a semicolon is asked about with its whole sentence: the Party is named in the clause before.
    [InlineData("Năm 2023 huyện Phú Bình kết nạp 198 đảng viên; riêng khối trường học, con số này là 45.", "45", "new_members", 0.75, "new_members")]
    [InlineData("Năm 2023 huyện Phú Bình trồng 198 ha rừng; riêng khối trường học, con số này là 45.", "45", "new_members", 0.99, "none")]
    [InlineData("Năm 2023, số người bị thương trên địa bàn huyện Phú Bình là 45.", "45", "new_members", 0.99, "none")]
    // A bare number that ends a name ("Tổ sản xuất Chè 4") is never asked about, however sure the classifier would be.
    [InlineData("Chị Lò Thị Hoa, công nhân Tổ sản xuất Chè 4, là một trong những người vừa được kết nạp vào Đảng.", "4", "new_members", 0.99, "none")]
    [InlineData("Anh Vi Văn Sáng, thợ mỏ Phân xưởng Đào lò 7, là một trong những người vừa được kết nạp vào Đảng.", "7", "new_members", 0.99, "none")]
    // A percentage the rules cannot place: only the attainment of a target, and only when the classifier is sure.
    [InlineData("Năm 2023, Đảng bộ huyện Phú Bình đạt 95% chỉ tiêu.", "95%", "target_attainment_pct", 0.95, "target_attainment_pct")]
    [InlineData("Năm 2023, Đảng bộ huyện Phú Bình đạt 95% chỉ tiêu.", "95%", "target_attainment_pct", 0.85, "none")]
    [InlineData("Năm 2023, Đảng bộ huyện Phú Bình đạt 95% chỉ tiêu.", "95%", "member_share_pct", 0.99, "none")]
    // A unit the rules count as no figure ("hộ"): the classifier overrules them only when sure.
    [InlineData("Năm 2023, huyện Phú Bình hỗ trợ 45 hộ nghèo.", "45", "new_members", 0.85, "none")]
    public void The_classifier_decides_only_where_and_as_sure_as_allowed(string sentence, string number, string label, double p, string expected)
    {
        Assert.Equal(expected, MetricOf(sentence, number, new FixedClassifier(label, p)));
    }

    [Theory]
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45")]
    [InlineData("Số quần chúng được kết nạp năm 2023 của huyện Phú Bình là 455.", "455")]
    [InlineData("Năm 2023, Đảng bộ huyện Phú Bình đạt 95% chỉ tiêu.", "95%")]
    public void Rules_alone_are_what_a_classifier_that_always_says_none_gives(string sentence, string number)
    {
        Assert.Equal(MetricOf(sentence, number, null), MetricOf(sentence, number, new FixedClassifier(MentionLabels.None, 1)));
    }

    [Fact]
    public void Party_words_are_lower_case_and_found_in_tone_keyed_text()
    {
        foreach (var w in FigureMiner.PartyWords)
        {
            Assert.Equal(VietnameseText.ToneKey(VietnameseText.Normalize(w)).ToLowerInvariant(), w);
            var sentence = $"Số người của {w} huyện Phú Bình là 455.";
            Assert.Equal("new_members", MetricOf(sentence.Replace("của " + w, "của " + char.ToUpperInvariant(w[0]) + w[1..]), "455", new FixedClassifier("new_members", 0.99)));
        }
    }

    /// <summary>
    /// tuning-mentions.jsonl: sentences written for NewsMiner from frames that are not in data/training, used to choose
    /// how the miner asks the classifier. The shipped model must keep adding recall there without losing precision.
    /// </summary>
    [Fact]
    public void On_the_tuning_mentions_the_classifier_adds_recall_at_no_loss_of_precision()
    {
        var records = MentionDataset.ReadJsonl(File.ReadAllText(Path.Combine(MiniMentions.Folder, "tuning-mentions.jsonl")), "tuning-mentions.jsonl");
        Assert.True(records.Count >= 100);
        var rules = Score(records, FigureMiner.CreateRulesOnly());
        var combined = Score(records, FigureMiner.CreateDefault());
        Assert.True(combined.Recall >= rules.Recall + 0.2, $"rules {rules}, combined {combined}");
        Assert.True(combined.Precision >= rules.Precision, $"rules {rules}, combined {combined}");
    }

    /// <summary>
    /// tuning-probes.jsonl: our own probe sentences for the paths the rules turned numbers down on (unnamed district
    /// committees, thousands that look like years, a candidate cue after an admission verb) and for percentages.
    /// </summary>
    [Fact]
    public void On_the_probe_mentions_rules_and_classifier_lose_nothing_and_find_the_rejected_paths()
    {
        var records = MentionDataset.ReadJsonl(File.ReadAllText(Path.Combine(MiniMentions.Folder, "tuning-probes.jsonl")), "tuning-probes.jsonl");
        Assert.True(records.Count >= 40);
        var rules = Score(records, FigureMiner.CreateRulesOnly());
        var combined = Score(records, FigureMiner.CreateDefault());
        Assert.True(combined.Recall >= 0.95, $"rules {rules}, combined {combined}");
        Assert.True(combined.Precision >= rules.Precision, $"rules {rules}, combined {combined}");
    }

    [Theory]
    // Years are never written with a thousands dot: no longer rejected as a year, the classifier may take them.
    [InlineData("Trong năm 2023, toàn tỉnh kết nạp được 2.031, vượt chỉ tiêu đề ra.", "2.031", "new_members", true)]
    [InlineData("Tính đến tháng 6/2024, tổng số đảng viên toàn Đảng bộ là 2.012.", "2.012", "total_members", true)]
    [InlineData("Trong năm 2023, toàn tỉnh kết nạp được 2031, vượt chỉ tiêu đề ra.", "2031", "none", true)]
    // An unnamed district's committee still has grassroots organisations; a province's own committees do not count.
    [InlineData("Hiện nay, Đảng bộ huyện có 46 tổ chức cơ sở đảng.", "46", "grassroots_orgs")]
    [InlineData("Thị ủy đang quản lý 27 tổ chức cơ sở đảng.", "27", "grassroots_orgs")]
    [InlineData("Hiện nay, Đảng bộ tỉnh có 46 đảng bộ trực thuộc.", "46", "none")]
    public void Rule_paths_that_turned_figures_down(string sentence, string number, string expected, bool shippedModel = false)
    {
        Assert.Equal(expected, MetricOf(sentence, number, shippedModel ? FigureClassifier.LoadDefault() : null));
    }

    [Theory]
    // A candidate cue after the number ("đủ điều kiện") is weighed by the classifier only after an adjacent admission verb.
    [InlineData("Trong năm, Huyện ủy Phú Bình đã quyết định kết nạp 214 trường hợp đủ điều kiện.", "214", "new_members", 0.95, "new_members")]
    [InlineData("Trong năm, Huyện ủy Phú Bình đã quyết định kết nạp 214 trường hợp đủ điều kiện.", "214", "new_members", 0.85, "none")]
    [InlineData("Trong năm, Huyện ủy Phú Bình đã xem xét hồ sơ của 214 trường hợp đủ điều kiện.", "214", "new_members", 0.99, "none")]
    // A confident rule is overruled only when its cue is far from the number and the classifier is very sure.
    [InlineData("Năm 2023, huyện Phú Bình kết nạp 45 đảng viên.", "45", "new_members_target", 0.99, "new_members")]
    public void Where_the_classifier_may_weigh_a_rule_rejection(string sentence, string number, string label, double p, string expected)
    {
        Assert.Equal(expected, MetricOf(sentence, number, new FixedClassifier(label, p)));
    }

    private static (double Precision, double Recall) Score(IReadOnlyList<TrainingRecord> records, FigureMiner miner)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var r in records)
        {
            var text = VietnameseText.Normalize(r.Text);
            var mention = VietnameseText.Normalize(r.Mention);
            var start = MentionDataset.Locate(text, mention, r.Occurrence);
            var got = miner.Mine(text, new MiningContext(r.Published, r.Province)).Figures
                .FirstOrDefault(f => f.ValueStart >= start && f.ValueStart < start + mention.Length)?.Metric.ToSchemaName() ?? MentionLabels.None;
            if (got != MentionLabels.None && got == r.Label) tp++;
            else
            {
                if (got != MentionLabels.None) fp++;
                if (r.Label != MentionLabels.None) fn++;
            }
        }
        return (tp + fp == 0 ? 1 : (double)tp / (tp + fp), (double)tp / (tp + fn));
    }

    /// <summary>
    /// `newsminer train` without cross-validation (so it trains the default trainer, the one cross-validation picks on
    /// data/training) rebuilds the shipped model byte for byte: same SHA-256.
    /// </summary>
    [Fact]
    public async Task The_shipped_model_is_what_training_on_data_training_writes()
    {
        using var dir = new TempDir();
        var output = dir.File("model.zip");
        var r = await Cli.CliRunner.RunAsync("train", "--data", Path.Combine(SharedData.RepoRoot, "data", "training"), "--out", output, "--folds", "0");
        Assert.True(r.ExitCode == 0, r.Error);
        using var embedded = typeof(FigureClassifier).Assembly.GetManifestResourceStream(FigureClassifier.ModelPath);
        Assert.NotNull(embedded);
        using var copy = new MemoryStream();
        await embedded.CopyToAsync(copy);
        var trained = await File.ReadAllBytesAsync(output);
        Assert.True(copy.ToArray().AsSpan().SequenceEqual(trained), $"{FigureClassifier.ModelPath} is stale: run `newsminer train`");
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray())), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(trained)));
    }
}

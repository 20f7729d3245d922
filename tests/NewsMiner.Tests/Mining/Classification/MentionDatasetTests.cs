using NewsMiner.Mining;
using NewsMiner.Mining.Classification;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Mining.Classification;

public class MentionDatasetTests
{
    [Theory]
    [InlineData("kết nạp 45 đảng viên, 5 chi bộ", "5", 1, 22)]
    [InlineData("kết nạp 45 đảng viên, 5 chi bộ", "45", 1, 8)]
    [InlineData("có 5 chi bộ, kết nạp 5 đảng viên", "5", 2, 21)]
    [InlineData("có 5 chi bộ", "5", 2, -1)]
    [InlineData("đạt 105% chỉ tiêu", "105%", 1, 4)]
    [InlineData("tổng số 2.870 đảng viên", "870", 1, -1)]
    [InlineData("hơn 300 người", "hơn 300", 1, 0)]
    [InlineData("đạt 2,5% và 2.5", "2", 1, -1)]
    [InlineData("có 12 xã. 12 thôn", "12", 2, 10)]
    public void Locate_counts_whole_token_occurrences(string text, string mention, int occurrence, int expected) =>
        Assert.Equal(expected, MentionDataset.Locate(text, mention, occurrence));

    [Theory]
    [InlineData("{\"text\":\"a 1 b\",\"mention\":\"1\",\"label\":\"bogus\"}", "unknown label")]
    [InlineData("{\"text\":\"a 1 b\",\"mention\":\"1\"}", "missing \"label\"")]
    [InlineData("{\"text\":\"a 1 b\",\"mention\":\"1\",\"label\":\"none\",\"published\":\"12/3/2020\"}", "YYYY-MM-DD")]
    [InlineData("{\"text\":\"a 1 b\",\"mention\":\"1\",\"label\":\"none\",\"occurrence\":0}", "occurrence")]
    [InlineData("not json", "not JSON")]
    public void A_bad_line_names_file_and_line(string line, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => MentionDataset.ReadJsonl("\n" + line + "\n", "x.jsonl"));
        Assert.Contains("x.jsonl:2", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_mention_missing_from_its_text_is_an_error()
    {
        var records = MentionDataset.ReadJsonl("{\"text\":\"Huyện có 5 chi bộ.\",\"mention\":\"6\",\"label\":\"party_cells\"}", "y.jsonl");
        var e = Assert.Throws<InvalidDataException>(() => MentionDataset.ToLabelled(records, null));
        Assert.Contains("y.jsonl:1", e.Message);
    }

    [Fact]
    public void The_mini_set_is_large_varied_and_well_formed()
    {
        var records = MiniMentions.Records;
        Assert.True(records.Count >= 150, $"{records.Count} lines");
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        Assert.All(records, r => Assert.True(MentionLabels.IsKnown(r.Label), r.Label));
        foreach (var g in records.GroupBy(r => r.Label)) Assert.True(g.Count() >= 8, $"{g.Key}: {g.Count()}");
        var mentions = MiniMentions.Mentions;
        Assert.All(mentions, m => Assert.InRange(m.Context.Start + m.Context.Length, 1, m.Context.Text.Length));
        Assert.All(records.Zip(mentions), p => Assert.Equal(p.First.Mention, p.Second.Context.Text.Substring(p.Second.Context.Start, p.Second.Context.Length)));
    }

    [Fact]
    public void Miner_opinions_attach_to_the_numbers_they_are_about()
    {
        var text = "Năm 2019, Đảng bộ huyện Tiên Yên kết nạp được 126 đảng viên.";
        var figure = new Figure(Metric.NewMembers, null, 126, null, NewsMiner.Text.Qualifier.Exact, false, "2019",
            new Locality("Quảng Ninh", "Tiên Yên", null, null), text, 0, text.Length, text.IndexOf("126", StringComparison.Ordinal), 0.9);
        var opinions = MinerRuleOpinions.FromResult(new MiningResult([figure], [new RejectedNumber(4, 4, "2019", "year")]));
        Assert.Equal("new_members", MinerRuleOpinions.For(opinions, text.IndexOf("126", StringComparison.Ordinal), 3)?.Label);
        Assert.Equal("none", MinerRuleOpinions.For(opinions, 4, 4)?.Label);
        Assert.Null(MinerRuleOpinions.For(opinions, 20, 3));
    }

    [Fact]
    public async Task A_folder_is_read_in_path_order()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("b"));
        await File.WriteAllTextAsync(dir.File("b/z.jsonl"), "{\"id\":\"2\",\"text\":\"Huyện có 5 chi bộ.\",\"mention\":\"5\",\"label\":\"party_cells\"}\n");
        await File.WriteAllTextAsync(dir.File("a.jsonl"), "{\"id\":\"1\",\"text\":\"Huyện có 9 xã.\",\"mention\":\"9\",\"label\":\"none\"}\n");
        await File.WriteAllTextAsync(dir.File("notes.txt"), "not data");
        var records = await MentionDataset.ReadFolderAsync(dir.Path, CancellationToken.None);
        Assert.Equal(["1", "2"], records.Select(r => r.Id));
    }
}

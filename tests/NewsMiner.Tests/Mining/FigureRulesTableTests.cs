using System.Text.Json;
using NewsMiner.Mining;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Mining;

/// <summary>Walks data/language/figure-rules.json: every list the miner names exists, every entry is usable.</summary>
public class FigureRulesTableTests
{
    private static readonly string[] SchemaSegments =
        ["khu_dan_cu", "hoc_sinh", "sinh_vien", "dan_toc_thieu_so", "ton_giao", "doanh_nghiep", "nu", "doan_vien", "luc_luong_vu_trang", "truong_thon"];

    private static JsonElement Root()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "data", "language", "figure-rules.json")));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Every_list_the_miner_reads_is_present_and_holds_clean_phrases()
    {
        var rules = MinerRules.Default;
        foreach (var kind in MinerRules.CueKinds)
        {
            Assert.True(rules.Lists.TryGetValue("cue:" + kind, out var list), $"cue list {kind} missing");
            Assert.NotEmpty(list!);
            foreach (var phrase in list!)
            {
                Assert.Equal(phrase.Trim(), phrase);
                Assert.Equal(phrase.ToLowerInvariant(), phrase);
                Assert.Equal(NewsMiner.Text.VietnameseText.Normalize(phrase), phrase);
            }
        }
    }

    [Fact]
    public void Segments_are_the_schema_labels_plus_the_named_minority_key()
    {
        var names = Root().GetProperty("segments").EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('_')).ToList();
        Assert.All(names, n => Assert.True(SchemaSegments.Contains(n) || n == "dan_toc_named", $"unknown segment {n}"));
        Assert.All(SchemaSegments, s => Assert.Contains(s, names));
    }

    [Fact]
    public void Unit_noun_classes_do_not_overlap()
    {
        var units = Root().GetProperty("unit_nouns");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cls in MinerRules.UnitClasses)
        {
            foreach (var phrase in units.GetProperty(cls).EnumerateArray().Select(e => e.GetString()!))
                Assert.True(seen.TryAdd(phrase, cls), $"'{phrase}' is both {seen.GetValueOrDefault(phrase)} and {cls}");
        }
    }

    [Fact]
    public void Anniversaries_name_past_events()
    {
        Assert.NotEmpty(MinerRules.Default.Anniversaries);
        Assert.All(MinerRules.Default.Anniversaries, a => Assert.InRange(a.BaseYear, 1800, 2000));
    }
}

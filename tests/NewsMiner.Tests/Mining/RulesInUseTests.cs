using System.Text.Json.Nodes;
using NewsMiner.Mining;
using NewsMiner.Mining.Localities;
using NewsMiner.Tests.Support;
using NewsMiner.Text;
using Xunit;

namespace NewsMiner.Tests.Mining;

/// <summary>
/// Knowledge is data, and a list that no code reads is a bug: each list of figure-rules.json is emptied in turn and
/// the miner run over the figure cases and our own probe passages; at least one answer must change. A list whose
/// emptying changes nothing is either dead (delete it) or untested (add a case that needs it).
/// </summary>
public class RulesInUseTests
{
    private static readonly string RulesPath = Path.Combine(SharedData.RepoRoot, "data", "language", "figure-rules.json");

    /// <summary>Every JSON path to a list of strings (or of objects) in the rules file, "_about" notes left out.</summary>
    public static TheoryData<string> ListPaths()
    {
        var data = new TheoryData<string>();
        var root = JsonNode.Parse(File.ReadAllText(RulesPath))!.AsObject();
        foreach (var path in Walk(root, "")) data.Add(path);
        return data;
    }

    private static IEnumerable<string> Walk(JsonObject node, string prefix)
    {
        foreach (var (name, child) in node)
        {
            if (name.StartsWith('_')) continue;
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            if (child is JsonArray || child is JsonValue v && prefix.EndsWith("patterns", StringComparison.Ordinal) && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                yield return path;
            else if (child is JsonObject o)
                foreach (var p in Walk(o, path)) yield return p;
        }
    }

    /// <summary>The figure cases and the 26 held-out articles, all written for NewsMiner.</summary>
    private static readonly Lazy<IReadOnlyList<(string Text, MiningContext Context)>> Probes = new(() =>
        FigureCaseTests.LoadCases().Select(c => (VietnameseText.Normalize(c.Text), new MiningContext(c.Published, c.Province, c.Title)))
            .Concat(HeldOutArticles()).ToList());

    private static IEnumerable<(string Text, MiningContext Context)> HeldOutArticles()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "data", "eval", "heldout");
        foreach (var doc in FigureScorer.LoadGold(File.ReadAllText(Path.Combine(folder, "heldout-gold.json"))))
            yield return (VietnameseText.Normalize(File.ReadAllText(Path.Combine(folder, doc.Name))), new MiningContext(doc.Published, doc.SiteProvince, doc.Title));
    }

    private static readonly Lazy<NewsMiner.Mining.Classification.IMentionClassifier?> Classifier = new(NewsMiner.Mining.Classification.FigureClassifier.LoadDefault);

    private static readonly Lazy<IReadOnlyList<string>> Baseline = new(() => Answers(MinerRules.Default));

    private static IReadOnlyList<string> Answers(MinerRules rules)
    {
        // With the shipped classifier: some lists decide only whether the classifier may still be asked.
        var miner = new FigureMiner(rules, VietnameseNumberParser.Default, new LocalityResolver(Gazetteer.Default), Classifier.Value);
        return Probes.Value.Select(p => string.Join(";", miner.Mine(p.Text, p.Context).Figures.Select(f =>
            $"{f.Metric}|{f.Segment}|{f.Value}|{f.ValueMax}|{f.Period}|{f.Locality.Province}|{f.Locality.District}|{f.Locality.Commune}|{f.Locality.Unit}|{f.Qualifier}|{f.PerYear}|{f.Confidence:F2}"))).ToList();
    }

    /// <summary>
    /// Lists the code reads whose every entry is also caught by another list on our probes (so emptying one alone
    /// changes nothing yet). Each needs a case of its own; a row here fails once its list starts to matter, so the
    /// mark is removed then.
    /// </summary>
    private static readonly Dictionary<string, string> NotPinnedYet = new(StringComparer.Ordinal)
    {
        ["org_references.not_after"] = "the gazetteer's own place reading already refuses these references on our probes",
        ["cues.new_member_course"] = "every probe course for new members also carries a new_member_marker phrase",
        ["cues.awareness_course"] = "every probe awareness course also carries an awareness_marker phrase",
        ["cues.foreign_ratio"] = "the probes' shares of other groups are also refused by the segment-after rule",
        ["cues.plan_reference"] = "the probes' yearly plans also name a target word",
        ["cues.place_attach"] = "the probes' attached places are also the nearest place before the number",
        ["cues.segment_hedge"] = "the probes' hedged groups are also refused as sub-groups",
        ["cues.coorganizer"] = "the one probe with a co-organiser (real-rules/coorganizer-01) is not supported yet",
    };

    [Theory]
    [MemberData(nameof(ListPaths))]
    public void Emptying_a_list_changes_what_the_miner_finds(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(RulesPath))!.AsObject();
        JsonNode node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1]) node = node[part]!;
        if (node[parts[^1]] is JsonArray list)
        {
            Assert.NotEmpty(list);
            list.Clear();
        }
        else node[parts[^1]] = "(?!)"; // a pattern that never matches

        var emptied = MinerRules.Load(root.ToJsonString());
        var changed = !Baseline.Value.SequenceEqual(Answers(emptied));
        if (NotPinnedYet.TryGetValue(path, out var reason))
        {
            Assert.False(changed, $"emptying {path} now changes an answer: remove it from NotPinnedYet ({reason})");
            return;
        }
        Assert.True(changed, $"emptying {path} changed no answer: the list is dead or untested");
    }
}

using NewsMiner.Mining.Classification;
using NewsMiner.Tests.Support;

namespace NewsMiner.Tests.Mining.Classification;

/// <summary>mini-mentions.jsonl (sentences written for these tests), loaded once without rule opinions.</summary>
public static class MiniMentions
{
    public static string Folder { get; } = Path.Combine(SharedData.RepoRoot, "tests", "NewsMiner.Tests", "Mining", "Classification");

    public static string File { get; } = Path.Combine(Folder, "mini-mentions.jsonl");

    private static readonly Lazy<IReadOnlyList<TrainingRecord>> LazyRecords =
        new(() => MentionDataset.ReadJsonl(System.IO.File.ReadAllText(File), "mini-mentions.jsonl"));

    private static readonly Lazy<IReadOnlyList<LabelledMention>> LazyMentions = new(() => MentionDataset.ToLabelled(Records, rules: null));

    public static IReadOnlyList<TrainingRecord> Records => LazyRecords.Value;

    public static IReadOnlyList<LabelledMention> Mentions => LazyMentions.Value;
}

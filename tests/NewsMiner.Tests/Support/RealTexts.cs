using NewsMiner.Mining;
using Xunit;

namespace NewsMiner.Tests.Support;

/// <summary>
/// The real-text development set: its case file is in the repository (facts only), its texts are third-party and live
/// in a local folder ($NEWSMINER_REAL_TEXTS, else ../real-texts beside the repository). Tests that need the texts skip
/// with a message when the folder is absent.
/// </summary>
public static class RealTexts
{
    public const string MissingMessage =
        "the real texts are not on this machine ($NEWSMINER_REAL_TEXTS or ../real-texts beside the repository): real-set scores not checked";

    public static string CaseFile { get; } = System.IO.Path.Combine(SharedData.RepoRoot, "data", "eval", "real", "cases.jsonl");

    public static string? Folder { get; } = Find();

    public static IReadOnlyList<RealCase> Cases() => RealCaseSet.Load(File.ReadAllText(CaseFile), CaseFile);

    private static string? Find()
    {
        var folder = RealCaseSet.ResolveTextFolder(null, CaseFile);
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }
}

/// <summary>A fact that needs the real texts; skipped with a clear reason when they are absent.</summary>
public sealed class RealTextsFactAttribute : FactAttribute
{
    public RealTextsFactAttribute()
    {
        if (RealTexts.Folder is null) Skip = RealTexts.MissingMessage;
    }
}

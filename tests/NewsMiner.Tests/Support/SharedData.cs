using Xunit;

namespace NewsMiner.Tests.Support;

/// <summary>
/// Locates ../shared (the read-only folder beside the repository: seeds, gold, gazetteer, benchmarks). Tests read
/// third-party text from there at run time; none of it is copied into the repository.
/// </summary>
public static class SharedData
{
    public const string MissingMessage =
        "../shared is not beside the repository (seeds, gold and gazetteer are read from there at run time)";

    public static string? Root { get; } = Find();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(MissingMessage), .. parts]);

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NEWSMINER_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(System.IO.Path.Combine(fromEnv, "seeds-gold.json"))) return fromEnv;
        var candidate = System.IO.Path.Combine(FindRepoRoot(), "..", "shared");
        return File.Exists(System.IO.Path.Combine(candidate, "seeds-gold.json")) ? System.IO.Path.GetFullPath(candidate) : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "NewsMiner.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NewsMiner.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared; skipped with a clear reason when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.Root is null) Skip = SharedData.MissingMessage;
    }
}

/// <summary>A theory that needs ../shared; skipped with a clear reason when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.Root is null) Skip = SharedData.MissingMessage;
    }
}

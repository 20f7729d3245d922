using NewsMiner.Storage;
using Xunit;

namespace NewsMiner.Tests.Storage;

/// <summary>
/// The engines the store contract tests run against: LiteDB always, PostgreSQL when NEWSMINER_PG names a server
/// (.ci/run starts one; without it the PostgreSQL rows are absent and <see cref="PostgresFactAttribute"/> tests say why).
/// </summary>
public static class Backends
{
    public const string Lite = "litedb";
    public const string Postgres = "postgres";

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string> { Lite };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresSchema.Variable))) names.Add(Postgres);
            return names;
        }
    }
}

/// <summary>Fresh stores of either engine for one test: a file in a temp folder, or a schema of its own dropped afterwards.</summary>
public sealed class TestStores : IAsyncDisposable
{
    private readonly TempFolder _dir = new();
    private PostgresSchema? _schema;

    public string Folder => _dir.Path;

    /// <summary>The --db value of this test's store of <paramref name="backend"/>; the same each call.</summary>
    public async Task<string> DbAsync(string backend) => backend switch
    {
        Backends.Lite => _dir.File("news.db"),
        Backends.Postgres => (_schema ??= await PostgresSchema.CreateAsync().ConfigureAwait(false)).ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "unknown backend"),
    };

    public async Task<INewsStore> OpenAsync(string backend, CancellationToken ct = default) =>
        await NewsStores.OpenAsync(await DbAsync(backend).ConfigureAwait(false), ct).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null) await _schema.DisposeAsync().ConfigureAwait(false);
        _dir.Dispose();
    }
}

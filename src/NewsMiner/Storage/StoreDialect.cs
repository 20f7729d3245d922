using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsMiner.Storage;

/// <summary>Which database engine a store runs on; chosen from the --db value (see <see cref="StoreDialect.IsPostgres"/>).</summary>
public enum StoreBackend
{
    /// <summary>The store format of earlier releases; read only by `newsminer import-store`.</summary>
    Sqlite,
    Postgres,
    /// <summary>The embedded default: one LiteDB file.</summary>
    LiteDb,
}

/// <summary>
/// The few things that differ between SQLite and PostgreSQL. Everything else in <see cref="NewsStore"/> is plain SQL both
/// engines accept (named @parameters, RETURNING, ON CONFLICT ... DO NOTHING), so the store is written once.
/// </summary>
internal abstract class StoreDialect
{
    public abstract StoreBackend Backend { get; }

    /// <summary>What to call the database in messages; never contains a password.</summary>
    public abstract string Describe { get; }

    public abstract IReadOnlyList<string> Scripts { get; }

    public int Latest => Scripts.Count;

    /// <summary>A query giving 1 when the schema_version table exists, 0 otherwise.</summary>
    public abstract string HasVersionTableSql { get; }

    /// <summary>Full-text search: parameters @q (from <see cref="MatchExpression"/>) and @limit; columns id, url, title,
    /// published, snippet with matches in [ ], and a rank where smaller is better.</summary>
    public abstract string SearchSql { get; }

    public abstract string MatchExpression(string query);

    public abstract DbConnection NewConnection();

    /// <summary>Per-connection settings applied after opening.</summary>
    public abstract Task PrepareAsync(DbConnection conn, CancellationToken ct);

    /// <summary>Makes two processes migrating a fresh database take turns.</summary>
    public abstract Task LockForMigrationAsync(DbConnection conn, DbTransaction tx, CancellationToken ct);

    public abstract void ReleasePool();

    /// <summary>True when <paramref name="db"/> is a PostgreSQL connection string ("Host=...;Database=..." or a
    /// postgres:// URI) rather than a file path.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase)
            && db.Contains(';', StringComparison.Ordinal));

    protected static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}

internal sealed class SqliteDialect(string path, SqliteOpenMode mode) : StoreDialect
{
    private const int BusyTimeoutMs = 10_000;

    internal string ConnectionString => _connectionString;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = BusyTimeoutMs / 1000,
    }.ToString();

    public override StoreBackend Backend => StoreBackend.Sqlite;

    public override string Describe => path;

    public override IReadOnlyList<string> Scripts => Migrations.Scripts;

    public override string HasVersionTableSql =>
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    public override string SearchSql => """
        SELECT a.id, a.canonical_url, a.title, a.published,
               snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts)
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH @q
        ORDER BY bm25(articles_fts), a.id
        LIMIT @limit
        """;

    public override string MatchExpression(string query) => FtsQuery.Build(query);

    public override DbConnection NewConnection() => new SqliteConnection(_connectionString);

    // Memory-mapped reads for readers (query, compare, export): a comparison touches thousands of scattered pages, and
    // copying each through read() was half of its SQL time at 1M figures (the "store" benchmark). Writers (a crawl
    // running for weeks) do without: mapped pages of a growing file would count against its memory.
    private const long MmapBytes = 1L << 30;

    public override Task PrepareAsync(DbConnection conn, CancellationToken ct) =>
        ExecAsync(conn, null, $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA mmap_size = {(mode == SqliteOpenMode.ReadOnly ? MmapBytes : 0)};", ct);

    // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the second migrating process already waits at BEGIN.
    public override Task LockForMigrationAsync(DbConnection conn, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    public override void ReleasePool() => SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
}

internal sealed class PostgresDialect : StoreDialect
{
    // Any constant works; it only has to be the same in every process that migrates a NewsMiner database.
    private const long MigrationLockKey = 0x4E_65_77_73_4D_69_6E_65;

    private readonly string _connectionString;
    private readonly string _describe;

    public PostgresDialect(string connectionString)
    {
        NpgsqlConnectionStringBuilder b;
        try
        {
            b = connectionString.Contains("://", StringComparison.Ordinal)
                ? FromUri(connectionString)
                : new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"Cannot read PostgreSQL connection string: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        _connectionString = b.ConnectionString;
        _describe = $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public override StoreBackend Backend => StoreBackend.Postgres;

    internal string ConnectionString => _connectionString;

    public override string Describe => _describe;

    public override IReadOnlyList<string> Scripts => Migrations.PostgresScripts;

    public override string HasVersionTableSql => "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_version'";

    public override string SearchSql => """
        SELECT a.id, a.canonical_url, a.title, a.published,
               ts_headline('simple', a.title || ' — ' || a.text, q,
                   'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "'),
               -ts_rank(a.search, q)
        FROM articles a, to_tsquery('simple', @q) q
        WHERE a.search @@ q
        ORDER BY 6, a.id
        LIMIT @limit
        """;

    public override string MatchExpression(string query) => FtsQuery.BuildTsQuery(query);

    public override DbConnection NewConnection() => new NpgsqlConnection(_connectionString);

    public override Task PrepareAsync(DbConnection conn, CancellationToken ct) => Task.CompletedTask;

    public override Task LockForMigrationAsync(DbConnection conn, DbTransaction tx, CancellationToken ct) =>
        ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", ct);

    public override void ReleasePool() => NpgsqlConnection.ClearPool(new NpgsqlConnection(_connectionString));

    private static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        var u = new Uri(uri);
        var b = new NpgsqlConnectionStringBuilder { Host = u.Host, Database = u.AbsolutePath.TrimStart('/') };
        if (u.Port > 0) b.Port = u.Port;
        var user = u.UserInfo.Split(':', 2);
        if (user[0].Length > 0) b.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
        return b;
    }
}

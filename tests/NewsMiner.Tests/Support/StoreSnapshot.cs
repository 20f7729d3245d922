using LiteDB;
using Microsoft.Data.Sqlite;
using NewsMiner.Storage.Lite;

namespace NewsMiner.Tests.Support;

/// <summary>
/// A closed LiteDB store copied into an in-memory SQLite database with the old table and column names, so tests can
/// ask what a crawl left behind in plain SQL ("SELECT count(*) FROM frontier WHERE state = 'done'"). It takes the
/// store's lock first: a store a live process holds is never opened.
/// </summary>
internal static class StoreSnapshot
{
    public static SqliteConnection Open(string db)
    {
        var full = Path.GetFullPath(db);
        using var fileLock = LiteFiles.TakeLock(full) ?? throw new InvalidOperationException($"{full} is held by a live process");
        using var lite = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, LiteMapping.NewMapper());
        var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        Exec(conn, """
            CREATE TABLE articles (id INTEGER, canonical_url TEXT, url TEXT, site_host TEXT, title TEXT, published TEXT, text TEXT, content_hash TEXT);
            CREATE TABLE article_urls (article_id INTEGER, url TEXT);
            CREATE TABLE fetches (url TEXT, status INTEGER, error_class TEXT, message TEXT, content_hash TEXT);
            CREATE TABLE frontier (url TEXT, host TEXT, source TEXT, depth INTEGER, state TEXT, attempts INTEGER, status INTEGER, error_class TEXT,
                message TEXT, final_url TEXT, content_hash TEXT);
            CREATE TABLE figures (id INTEGER, article_id INTEGER, metric TEXT, value REAL, province TEXT, district TEXT, commune TEXT);
            """);
        using var tx = conn.BeginTransaction();
        foreach (var a in lite.Articles().FindAll())
            Insert(conn, "articles", a.Id, a.CanonicalUrl, a.Url, a.SiteHost, a.Title, a.Published, a.Text, a.ContentHash);
        foreach (var u in lite.ArticleUrls().FindAll()) Insert(conn, "article_urls", u.ArticleId, u.Url);
        foreach (var f in lite.Fetches().FindAll()) Insert(conn, "fetches", f.Url, f.Status, f.ErrorClass, f.Message, f.ContentHash);
        foreach (var f in lite.Frontier().FindAll())
            Insert(conn, "frontier", f.Url, f.Host, f.Source, f.Depth, f.State, f.Attempts, f.Status, f.ErrorClass, f.Message, f.FinalUrl, f.ContentHash);
        foreach (var f in lite.Figures().FindAll()) Insert(conn, "figures", f.Id, f.ArticleId, f.Metric, (double)f.Value, f.Province, f.District, f.Commune);
        tx.Commit();
        return conn;
    }

    public static long Scalar(string db, string sql)
    {
        using var conn = Open(db);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection conn, string table, params object?[] values)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}

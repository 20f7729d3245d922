using Microsoft.Data.Sqlite;

namespace NewsMiner.Storage;

/// <summary>
/// The SQLite dataset export: one file a researcher can open with any SQLite tool, holding the figures (the export
/// columns, same names), the articles they came from, and the codebook as a table. Written without a journal into a
/// temporary file the caller renames: the file is either complete or absent.
/// </summary>
internal static class DatasetExport
{
    private const int BatchSize = 50_000;

    public static async Task<long> WriteAsync(IAsyncEnumerable<StoredFigure> rows, string path, CodebookInfo? info, CancellationToken ct)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(conn, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", ct).ConfigureAwait(false);
        var columns = FigureExport.Table;
        await ExecAsync(conn, $"""
            CREATE TABLE figures ({string.Join(", ", columns.Select(c => $"{c.Name} {SqlType(c.Name)}"))});
            CREATE TABLE articles (article_id INTEGER PRIMARY KEY, article_url TEXT NOT NULL, article_title TEXT NOT NULL, published TEXT);
            CREATE TABLE codebook (section TEXT NOT NULL, name TEXT NOT NULL, type TEXT, meaning TEXT NOT NULL);
            """, ct).ConfigureAwait(false);

        long count = 0;
        var seenArticles = new HashSet<long>();
        var tx = conn.BeginTransaction();
        try
        {
            await using var insert = conn.CreateCommand();
            insert.CommandText = $"INSERT INTO figures VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add("@p" + i, SqliteType.Text)).ToArray();
            await using var article = conn.CreateCommand();
            article.CommandText = "INSERT INTO articles VALUES (@id, @url, @title, @published)";
            var (aid, aurl, atitle, apub) = (article.Parameters.Add("@id", SqliteType.Integer), article.Parameters.Add("@url", SqliteType.Text),
                article.Parameters.Add("@title", SqliteType.Text), article.Parameters.Add("@published", SqliteType.Text));
            await foreach (var f in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                insert.Transaction = tx;
                article.Transaction = tx;
                for (var i = 0; i < columns.Length; i++)
                {
                    var p = parameters[i];
                    var v = columns[i].Get(f);
                    p.SqliteType = v switch { int or long or bool => SqliteType.Integer, double or decimal => SqliteType.Real, _ => SqliteType.Text };
                    p.Value = v switch { null => DBNull.Value, bool b => b ? 1 : 0, decimal d => (double)d, _ => v };
                }
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                if (seenArticles.Add(f.ArticleId))
                {
                    aid.Value = f.ArticleId;
                    aurl.Value = f.ArticleUrl;
                    atitle.Value = f.ArticleTitle;
                    apub.Value = f.Published is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
                    await article.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                if (++count % BatchSize == 0)
                {
                    await tx.CommitAsync(ct).ConfigureAwait(false);
                    await tx.DisposeAsync().ConfigureAwait(false);
                    tx = conn.BeginTransaction();
                }
            }
            await using (var cb = conn.CreateCommand())
            {
                cb.Transaction = tx;
                cb.CommandText = "INSERT INTO codebook VALUES (@s, @n, @t, @m)";
                foreach (var (c, t, m) in Codebook.Columns) await Add(cb, "column", c, t, m, ct).ConfigureAwait(false);
                foreach (var (m, d) in Codebook.Metrics) await Add(cb, "metric", NewsMiner.Mining.MetricNames.ToSchemaName(m), null, d, ct).ConfigureAwait(false);
                foreach (var (l, m) in Codebook.Segments) await Add(cb, "segment", l, null, m, ct).ConfigureAwait(false);
                foreach (var (f, m) in Codebook.PeriodFormats) await Add(cb, "period", f, null, m, ct).ConfigureAwait(false);
                await Add(cb, "version", "newsminer", null, Codebook.ToolVersion, ct).ConfigureAwait(false);
                if (info is not null)
                {
                    await Add(cb, "version", "schema", null, info.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                    await Add(cb, "export", "filter", null, info.Filter, ct).ConfigureAwait(false);
                }
            }
            await ExecAsync(conn, "CREATE INDEX ix_figures_metric ON figures (metric, province, period_start_year);", ct, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await tx.DisposeAsync().ConfigureAwait(false);
        }
        return count;
    }

    private static string SqlType(string column) => column switch
    {
        "id" or "article_id" or "period_start_year" or "period_end_year" or "evidence_start" or "evidence_length" or "value_start" or "per_year" => "INTEGER",
        "value" or "value_max" or "confidence" => "REAL",
        _ => "TEXT",
    };

    private static async Task Add(SqliteCommand cmd, string section, string name, string? type, string meaning, CancellationToken ct)
    {
        cmd.Parameters.Clear();
        cmd.Parameters.AddWithValue("@s", section);
        cmd.Parameters.AddWithValue("@n", name);
        cmd.Parameters.AddWithValue("@t", (object?)type ?? DBNull.Value);
        cmd.Parameters.AddWithValue("@m", meaning);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecAsync(SqliteConnection conn, string sql, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}

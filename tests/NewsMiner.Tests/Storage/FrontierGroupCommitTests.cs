using Microsoft.Data.Sqlite;
using NewsMiner.Crawling;
using NewsMiner.Storage;
using NewsMiner.Tests.Support;
using Xunit;

namespace NewsMiner.Tests.Storage;

/// <summary>
/// The frontier's group commit: changes join one batch that another connection sees only once it commits, and a page's
/// unit of writes (article + done state) that fails half-way leaves nothing of that page while its batch-mates commit.
/// </summary>
public sealed class FrontierGroupCommitTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    private static long Count(string db, string sql)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static FrontierEntry Entry(int n) => new(new Uri($"http://tinh.example.vn/bai/{n}"), 1, "tinh");

    [Theory]
    // changes made, batch size, visible to another connection before an explicit flush
    [InlineData(3, 1000, false)]
    [InlineData(3, 3, true)]
    [InlineData(5, 3, false)] // 3 commit with the first batch; the 2 after stay pending...
    [InlineData(6, 3, true)]
    public async Task Changes_commit_per_batch(int changes, int batchSize, bool allVisible)
    {
        using var dir = new TempDir();
        var db = dir.File("g.db");
        await using var store = await NewsStore.OpenAsync(db, CancellationToken.None);
        await using var frontier = await FrontierStore.OpenAsync(store, CancellationToken.None);
        frontier.StartGroupCommit(batchSize, Never);
        for (var i = 0; i < changes; i++) await frontier.AddAsync([Entry(i)], CancellationToken.None);

        var seen = Count(db, "SELECT count(*) FROM frontier");
        Assert.Equal(allVisible ? changes : changes / batchSize * batchSize, seen);
        Assert.Equal(changes / batchSize, frontier.Commits);
        // ...and the same connection always sees its own batch.
        Assert.Equal(changes, (await frontier.CountsAsync(CancellationToken.None)).GetValueOrDefault(FrontierState.Queued));

        await frontier.FlushAsync(CancellationToken.None);
        Assert.Equal(changes, Count(db, "SELECT count(*) FROM frontier"));
    }

    [Fact]
    public async Task An_idle_batch_is_committed_by_the_timer()
    {
        using var dir = new TempDir();
        var db = dir.File("t.db");
        await using var store = await NewsStore.OpenAsync(db, CancellationToken.None);
        await using var frontier = await FrontierStore.OpenAsync(store, CancellationToken.None);
        frontier.StartGroupCommit(1000, TimeSpan.FromMilliseconds(50));
        await frontier.AddAsync([Entry(1)], CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Count(db, "SELECT count(*) FROM frontier") == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(1, Count(db, "SELECT count(*) FROM frontier"));
    }

    public enum Interruption
    {
        Exception,
        Cancellation,
    }

    [Theory]
    [InlineData(Interruption.Exception)]
    [InlineData(Interruption.Cancellation)]
    public async Task A_page_interrupted_mid_write_leaves_nothing_and_its_batch_mates_commit(Interruption how)
    {
        using var dir = new TempDir();
        var db = dir.File("p.db");
        await using var store = await NewsStore.OpenAsync(db, CancellationToken.None);
        await using var frontier = await FrontierStore.OpenAsync(store, CancellationToken.None);
        await frontier.AddAsync([Entry(1), Entry(2)], CancellationToken.None);
        frontier.StartGroupCommit(1000, Never);
        var claimed = new List<FrontierItem>();
        while (await frontier.ClaimAsync("tinh.example.vn", DateTimeOffset.UtcNow, CancellationToken.None) is { } item) claimed.Add(item);
        Assert.Equal(2, claimed.Count);

        async Task<bool> StorePage(SqliteConnection conn, SqliteTransaction tx, FrontierItem item, CancellationToken ct)
        {
            var url = item.Url.AbsoluteUri;
            var page = new FetchedPage(item.Url, item.Url, 200, "text/html", "<p>x</p>", "hash-" + url, DateTimeOffset.UtcNow, 1);
            await store.SaveArticleAsync(conn, tx, StoreSamples.Article(url), StoreSamples.Figures(), StoreSamples.Provenance(url, "hash-" + url), ct);
            await frontier.FinishPageAsync(tx, page, ct);
            return true;
        }

        await frontier.WriteAsync((c, tx) => StorePage(c, tx, claimed[0], CancellationToken.None), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var failing = frontier.WriteAsync(async (c, tx) =>
        {
            var url = claimed[1].Url.AbsoluteUri;
            await store.SaveArticleAsync(c, tx, StoreSamples.Article(url), StoreSamples.Figures(), StoreSamples.Provenance(url, "hash-2"), CancellationToken.None);
            // Interrupted after the article is written but before the page is marked done.
            if (how == Interruption.Exception) throw new InvalidOperationException("disk trouble");
            await cts.CancelAsync();
            return await StorePage(c, tx, claimed[1], cts.Token);
        }, CancellationToken.None);
        if (how == Interruption.Exception) await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        else await Assert.ThrowsAnyAsync<OperationCanceledException>(() => failing);
        await frontier.StopGroupCommitAsync();

        Assert.Equal(1, Count(db, "SELECT count(*) FROM articles"));
        Assert.Equal(StoreSamples.Figures().Count, Count(db, "SELECT count(*) FROM figures"));
        Assert.Equal(1, Count(db, $"SELECT count(*) FROM articles WHERE canonical_url = '{claimed[0].Url.AbsoluteUri}'"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM frontier WHERE state = 'done'"));
        // The interrupted page is still in flight, so the next run queues and fetches it again.
        Assert.Equal(1, Count(db, $"SELECT count(*) FROM frontier WHERE state = 'in_flight' AND url = '{claimed[1].Url.AbsoluteUri}'"));
        Assert.Equal(0, Count(db, """
            SELECT count(*) FROM frontier f WHERE f.state = 'done' AND NOT EXISTS (SELECT 1 FROM article_urls u WHERE u.url = f.url)
            """));
        // The batch indexed its committed article for search when it committed; the rolled-back one left nothing.
        Assert.Equal(0, Count(db, "SELECT count(*) FROM articles_fts_pending"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Kar'"));
    }
}

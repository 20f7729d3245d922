using NewsMiner.Crawling;
using NewsMiner.Storage;
using Xunit;

namespace NewsMiner.Tests.Storage;

/// <summary>
/// The shared PostgreSQL frontier: two frontiers on one schema stand for two crawler processes (each has its own
/// worker id, as a process would). Times come from a hand-moved clock, so leases and spacing are exact.
/// </summary>
public class PostgresFrontierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static FrontierEntry Page(int n, string host = "baothainguyen.vn", int depth = 1) =>
        new(new Uri($"https://{host}/xay-dung-dang/bai-{n}.html"), depth, "thai-nguyen");

    private static FetchedPage Fetched(FrontierItem item, DateTimeOffset at) =>
        new(item.Url, item.Url, 200, "text/html", "<html><body>bài</body></html>", "h:" + item.Url.AbsolutePath, at, 5);

    private static async Task<PostgresFrontier> OpenAsync(NewsStore store, TimeProvider clock, TimeSpan? spacing = null) =>
        await PostgresFrontier.OpenAsync(store, new PostgresFrontierOptions
        {
            Clock = clock,
            HostSpacing = spacing ?? TimeSpan.Zero,
            Lease = TimeSpan.FromMinutes(10),
            WorkerStaleAfter = TimeSpan.FromMinutes(2),
        }, CancellationToken.None);

    [PostgresFact]
    public async Task Two_crawlers_claiming_at_once_never_get_the_same_url()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        await using var a = await OpenAsync(store, clock);
        await using var b = await OpenAsync(store, clock);
        const int Urls = 200;
        await a.AddAsync(Enumerable.Range(0, Urls).Select(n => Page(n)).ToList(), _ct);

        async Task<List<string>> Drain(PostgresFrontier f)
        {
            var got = new List<string>();
            while (await f.ClaimAsync("baothainguyen.vn", T0, _ct) is { } item) got.Add(item.Url.AbsoluteUri);
            return got;
        }
        var results = await Task.WhenAll(Drain(a), Drain(b), Drain(a), Drain(b));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(Urls, all.Count);
        Assert.Equal(Urls, all.Distinct().Count());
        Assert.Equal(Urls, (await a.CountsAsync(_ct))[FrontierState.InFlight]);
    }

    [PostgresFact]
    public async Task Finishing_a_url_takes_the_lease_and_only_its_owner_finishes_it()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        await using var a = await OpenAsync(store, clock);
        await using var b = await OpenAsync(store, clock);
        await a.AddAsync([Page(1)], _ct);
        var item = await a.ClaimAsync("baothainguyen.vn", T0, _ct);
        Assert.NotNull(item);

        // Not a's URL for b: b's completion is ignored, the links it found still go in.
        await b.CompleteAsync(item, Fetched(item, T0), [Page(2, depth: 2)], _ct);
        var counts = await a.CountsAsync(_ct);
        Assert.Equal(1, counts[FrontierState.InFlight]);
        Assert.Equal(1, counts[FrontierState.Queued]);

        await a.CompleteAsync(item, Fetched(item, T0), [], _ct);
        counts = await a.CountsAsync(_ct);
        Assert.Equal(1, counts[FrontierState.Done]);
        Assert.False(counts.ContainsKey(FrontierState.InFlight));
    }

    [PostgresFact]
    public async Task A_lease_that_ran_out_is_claimed_again_and_the_first_owner_can_no_longer_finish_it()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        await using var a = await OpenAsync(store, clock);
        await using var b = await OpenAsync(store, clock);
        await a.AddAsync([Page(1)], _ct);
        var first = await a.ClaimAsync("baothainguyen.vn", T0, _ct);
        Assert.NotNull(first);

        Assert.Null(await b.ClaimAsync("baothainguyen.vn", T0 + TimeSpan.FromMinutes(9), _ct));
        var again = await b.ClaimAsync("baothainguyen.vn", T0 + TimeSpan.FromMinutes(11), _ct);
        Assert.Equal(first.Url, again?.Url);

        await a.CompleteAsync(first, new FetchFailure(first.Url, FetchErrorClass.Timeout, "late", null, T0), [], _ct);
        await b.CompleteAsync(again!, Fetched(again!, T0 + TimeSpan.FromMinutes(11)), [], _ct);
        Assert.Equal(1, (await a.CountsAsync(_ct))[FrontierState.Done]);
        Assert.Empty((await a.StatusAsync(_ct)).SelectMany(s => s.FailedUrlsByClass));
    }

    [PostgresFact]
    public async Task Status_gives_each_source_its_queued_urls_and_when_they_fall_due()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        await using var a = await OpenAsync(store, clock);
        var run = await a.StartRunAsync("thai-nguyen", _ct);
        await a.AddAsync([Page(1), Page(2), Page(3)], _ct);
        var item = await a.ClaimAsync("baothainguyen.vn", T0, _ct);
        await a.RetryLaterAsync(item!, new FetchFailure(item!.Url, FetchErrorClass.Http5xx, "503", 503, T0), T0 + TimeSpan.FromHours(1), _ct);
        await a.UpdateRunAsync(run, new SourceRunCounts(1, 0, null, new Dictionary<string, long> { ["timeout"] = 2 }), finished: true, _ct);

        var status = Assert.Single(await a.StatusAsync(_ct));

        Assert.Equal(new SourceQueue(3, 2, T0 + TimeSpan.FromHours(1), T0 + TimeSpan.FromHours(1)), status.Queue);
        Assert.Equal(2, status.LastRunFailuresByClass["timeout"]);
    }

    [PostgresFact]
    public async Task A_crawler_that_is_gone_has_its_urls_queued_again_but_a_live_ones_are_left_alone()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clockA = new ManualClock(T0);
        var clockB = new ManualClock(T0);
        await using var a = await OpenAsync(store, clockA);
        await using var b = await OpenAsync(store, clockB);
        Assert.Null(await a.TryLockAsync("crawler a", _ct));
        Assert.Null(await b.TryLockAsync("crawler b", _ct)); // no one-crawl lock on PostgreSQL
        await a.AddAsync([Page(1), Page(2)], _ct);
        Assert.NotNull(await a.ClaimAsync("baothainguyen.vn", T0, _ct));

        // a is alive (fresh heartbeat): b, starting, leaves a's URL in flight.
        Assert.Equal(0, await b.RequeueInFlightAsync(TimeSpan.Zero, _ct));
        // Three minutes on, a has not beaten: presumed dead, its URL goes back to the queue.
        clockB.Now = T0 + TimeSpan.FromMinutes(3);
        Assert.Equal(1, await b.RequeueInFlightAsync(TimeSpan.Zero, _ct));
        Assert.Equal(2, (await b.CountsAsync(_ct))[FrontierState.Queued]);
    }

    [PostgresFact]
    public async Task Host_spacing_holds_across_crawlers_and_next_due_says_when_to_ask_again()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        var spacing = TimeSpan.FromSeconds(2);
        await using var a = await OpenAsync(store, clock, spacing);
        await using var b = await OpenAsync(store, clock, spacing);
        await a.AddAsync([Page(1), Page(2), Page(3), Page(1, "baoquangninh.vn")], _ct);

        Assert.NotNull(await a.ClaimAsync("baothainguyen.vn", T0, _ct));
        Assert.Null(await b.ClaimAsync("baothainguyen.vn", T0 + TimeSpan.FromSeconds(1), _ct));
        Assert.Equal(T0 + spacing, await b.NextDueAsync("baothainguyen.vn", _ct));
        Assert.NotNull(await b.ClaimAsync("baoquangninh.vn", T0 + TimeSpan.FromSeconds(1), _ct)); // another host has its own slot
        Assert.NotNull(await b.ClaimAsync("baothainguyen.vn", T0 + spacing, _ct));
        Assert.Null(await a.ClaimAsync("baothainguyen.vn", T0 + spacing, _ct));
    }

    [PostgresFact]
    public async Task A_host_with_nothing_queued_but_urls_in_flight_elsewhere_is_asked_again_soon_and_then_is_done()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        await using var a = await OpenAsync(store, clock);
        await using var b = await OpenAsync(store, clock);
        await a.AddAsync([Page(1)], _ct);
        var item = await a.ClaimAsync("baothainguyen.vn", T0, _ct);

        Assert.Contains("baothainguyen.vn", await b.HostsWithWorkAsync(_ct));
        Assert.Null(await a.NextDueAsync("baothainguyen.vn", _ct)); // a's own URL: a knows it is busy with it
        var due = await b.NextDueAsync("baothainguyen.vn", _ct);
        Assert.NotNull(due);
        Assert.True(due <= T0 + TimeSpan.FromSeconds(1), $"{due}");

        await a.CompleteAsync(item!, Fetched(item!, T0), [], _ct);
        Assert.Null(await b.NextDueAsync("baothainguyen.vn", _ct));
        Assert.Empty(await b.HostsWithWorkAsync(_ct));
    }

    [PostgresFact]
    public async Task Only_the_first_crawler_of_a_session_queues_due_listing_revisits()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await using var store = await NewsStore.OpenAsync(schema.ConnectionString, _ct);
        var clock = new ManualClock(T0);
        var listing = new FrontierEntry(new Uri("https://baothainguyen.vn/xay-dung-dang"), 0, "thai-nguyen", TimeSpan.FromHours(1));
        await using (var earlier = await OpenAsync(store, clock))
        {
            await earlier.SeedAsync([listing], _ct);
            var item = await earlier.ClaimAsync("baothainguyen.vn", T0, _ct);
            await earlier.CompleteAsync(item!, Fetched(item!, T0), [], _ct);
        }

        clock.Now = T0 + TimeSpan.FromHours(2);
        await using var a = await OpenAsync(store, clock);
        await using var b = await OpenAsync(store, clock);
        Assert.Equal(1, await a.SeedAsync([listing], _ct)); // the revisit is due: a starts the session and queues it
        var claimed = await a.ClaimAsync("baothainguyen.vn", clock.Now, _ct);
        await a.CompleteAsync(claimed!, Fetched(claimed!, clock.Now), [], _ct);
        Assert.Equal(0, await b.SeedAsync([listing], _ct)); // b joins a: the listing a just fetched is not queued again
        Assert.False((await b.CountsAsync(_ct)).ContainsKey(FrontierState.Queued));
    }
}

using NewsMiner.Mining;
using NewsMiner.Storage;
using NewsMiner.Storage.Lite;
using NewsMiner.Text;
using Xunit;
using static NewsMiner.Tests.Storage.StoreSamples;

namespace NewsMiner.Tests.Storage;

/// <summary>The store contract: every test runs against LiteDB and, when a server is given, PostgreSQL.</summary>
public sealed class NewsStoreTests : IAsyncLifetime
{
    private const string Url = "https://baodaklak.vn/chinh-tri/ea-kar-ket-nap-12345.html";
    private readonly TestStores _stores = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    private string DbPath => Path.Combine(_stores.Folder, "news.db");

    private Task<INewsStore> OpenAsync(string backend) => _stores.OpenAsync(backend, _ct);

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Opening_twice_applies_migrations_once_and_keeps_data(string backend)
    {
        var latest = backend == Backends.Lite ? LiteStore.ShapeVersion : Migrations.PostgresScripts.Count;
        await using (var store = await OpenAsync(backend))
        {
            Assert.Equal(latest, await store.SchemaVersionAsync(_ct));
            await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        }
        await using (var again = await OpenAsync(backend))
        {
            Assert.Equal(latest, await again.SchemaVersionAsync(_ct));
            Assert.Equal(1, (await again.StatsAsync(_ct)).Articles);
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Near_duplicate_candidates_share_two_bands_most_shared_first_and_are_bounded(string backend)
    {
        // Band keys stand in for MinHash bands; the lookup has keys 1..16.
        var lookup = Enumerable.Range(1, 16).Select(k => (long)k).ToList();
        await using var store = await OpenAsync(backend);
        async Task<long> Save(string path, IEnumerable<long> bands)
        {
            var url = "https://baobinhdinh.vn/" + path;
            return await store.SaveArticleAsync(Article(url), [], Provenance(url, "sha256:" + path) with { TextBands = bands.ToList() }, _ct);
        }
        var sharesOne = await Save("mot.html", [1, 101, 102]);
        var sharesTwo = await Save("hai.html", [1, 2, 103]);
        var sharesAll = await Save("tat-ca.html", lookup);

        Assert.Equal([sharesAll, sharesTwo], (await store.ArticlesSharingBandsAsync(lookup, _ct)).Select(f => f.Id));

        // Many templated notices share every key: the lookup still reads a bounded number, the newest first.
        var copies = new List<long>();
        for (var copy = 0; copy < 3 * NewsMiner.Crawling.NearDuplicates.MaxCandidates; copy++) copies.Add(await Save($"mau/{copy}.html", lookup));
        var found = (await store.ArticlesSharingBandsAsync(lookup, _ct)).Select(f => f.Id).ToList();
        Assert.Equal(Enumerable.Reverse(copies).Take(NewsMiner.Crawling.NearDuplicates.MaxCandidates), found);
        Assert.DoesNotContain(sharesOne, found);
    }

    [Fact]
    public async Task Open_in_missing_folder_throws_and_creates_nothing()
    {
        var folder = Path.Combine(_stores.Folder, "nope");
        var path = Path.Combine(folder, "news.db");
        var e = await Assert.ThrowsAsync<StoreException>(() => NewsStores.OpenAsync(path, _ct));
        Assert.Contains(folder, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Read_only_open_of_missing_database_throws_and_creates_no_file()
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => NewsStores.OpenExistingAsync(DbPath, _ct));
        Assert.Contains(DbPath, e.Message);
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public async Task Read_only_store_reads_but_refuses_writes()
    {
        await using (var store = await OpenAsync(Backends.Lite))
        {
            await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        }
        await using var ro = await NewsStores.OpenExistingAsync(DbPath, _ct);
        Assert.Equal(Figures().Count, (await ro.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync()).Count);
        await Assert.ThrowsAsync<StoreException>(() => ro.RecordFetchAsync(new FetchRecord(Url, Published, 200, null, null, null, 5), _ct));
    }

    [Fact]
    public async Task Read_only_open_of_a_non_newsminer_file_throws()
    {
        await File.WriteAllTextAsync(DbPath, "không phải cơ sở dữ liệu", _ct);
        await Assert.ThrowsAsync<StoreException>(() => NewsStores.OpenExistingAsync(DbPath, _ct));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Save_and_query_round_trip_every_field(string backend)
    {
        await using var store = await OpenAsync(backend);
        var canonical = "https://baodaklak.vn/ea-kar-12345.html";
        var article = Article(Url, canonical);
        var id = await store.SaveArticleAsync(article, Figures(), Provenance(Url), _ct);

        var stored = await store.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync();
        Assert.Equal(Figures(), stored.Select(s => s.ToFigure()));
        Assert.All(stored, s =>
        {
            Assert.Equal(id, s.ArticleId);
            Assert.Equal(canonical, s.ArticleUrl);
            Assert.Equal(article.Title, s.ArticleTitle);
            Assert.Equal(Published, s.Published);
            Assert.Equal(Published.Offset, s.Published!.Value.Offset);
            Assert.Equal("miner-1", s.MinerVersion);
            Assert.Equal(s.Evidence, StoreSamples.Text.Substring(s.EvidenceStart, s.EvidenceLength));
        });
        var span = stored.Single(s => s.Period == "2015-2020");
        Assert.Equal((2015, 2020), (span.PeriodStartYear, span.PeriodEndYear));
        Assert.Equal(stored.Select(s => s.Id).Order(), stored.Select(s => s.Id));
        Assert.True(await store.HasArticleWithHashAsync("sha256:abc", _ct));
        Assert.False(await store.HasArticleWithHashAsync("sha256:other", _ct));
        Assert.True(await store.HasArticleWithUrlAsync(Url, _ct));
        Assert.True(await store.HasArticleWithUrlAsync(canonical, _ct));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Re_save_replaces_figures_without_duplicates(string backend)
    {
        await using var store = await OpenAsync(backend);
        var first = await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        var again = await store.SaveArticleAsync(Article(Url, title: "Tiêu đề đã sửa"), Figures().Take(2).ToList(), Provenance(Url, "sha256:new"), _ct);

        Assert.Equal(first, again);
        var stats = await store.StatsAsync(_ct);
        Assert.Equal((1L, 2L), (stats.Articles, stats.Figures));
        var stored = await store.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync();
        Assert.Equal(Figures().Take(2), stored.Select(s => s.ToFigure()));
        Assert.All(stored, s => Assert.Equal("Tiêu đề đã sửa", s.ArticleTitle));
        Assert.False(await store.HasArticleWithHashAsync("sha256:abc", _ct));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Article_first_stored_without_canonical_is_found_again_by_its_url(string backend)
    {
        await using var store = await OpenAsync(backend);
        var first = await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        var second = await store.SaveArticleAsync(Article(Url, "https://baodaklak.vn/c/12345"), Figures(), Provenance(Url), _ct);
        Assert.Equal(first, second);
        Assert.Equal(1, (await store.StatsAsync(_ct)).Articles);
        Assert.Equal("https://baodaklak.vn/c/12345", (await store.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync())[0].ArticleUrl);
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Search_sees_an_article_once_committed_and_its_new_text_after_a_re_save(string backend)
    {
        await using var store = await OpenAsync(backend);
        await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        Assert.Single(await store.SearchAsync("Ea Kar", 10, _ct).ToListAsync());

        var revised = "Trong năm 2016, Đảng bộ huyện Krông Pắc kết nạp được 210 đảng viên mới, chủ yếu là đoàn viên thanh niên ở các xã vùng sâu.";
        await store.SaveArticleAsync(Article(Url, text: revised, title: "Krông Pắc kết nạp đảng viên mới"), Figures(), Provenance(Url, "sha256:def"), _ct);

        Assert.Empty(await store.SearchAsync("Ea Kar", 10, _ct).ToListAsync());
        Assert.Single(await store.SearchAsync("vùng sâu", 10, _ct).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Failure_mid_save_leaves_nothing_of_a_new_article(string backend)
    {
        await using var store = await OpenAsync(backend);
        var bad = Figures().Append(Figure(Metric.NewMembers, "320", 320, "2016", confidence: 1.5)).ToList();
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveArticleAsync(Article(Url), bad, Provenance(Url), _ct));

        var stats = await store.StatsAsync(_ct);
        Assert.Equal((0L, 0L), (stats.Articles, stats.Figures));
        Assert.False(await store.HasArticleWithUrlAsync(Url, _ct));
        Assert.Empty(await store.SearchAsync("Ea Kar", 10, _ct).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Failure_mid_re_save_keeps_the_previous_record(string backend)
    {
        await using var store = await OpenAsync(backend);
        await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        var bad = new[] { Figure(Metric.NewMembers, "320", 320, "2016"), Figure(Metric.NewMembers, "320", 320, "2016") with { EvidenceStart = -1 } };
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveArticleAsync(Article(Url, title: "Mới"), bad, Provenance(Url), _ct));

        var stored = await store.QueryFiguresAsync(FigureQuery.All, _ct).ToListAsync();
        Assert.Equal(Figures(), stored.Select(s => s.ToFigure()));
        Assert.All(stored, s => Assert.Equal("Ea Kar kết nạp đảng viên mới", s.ArticleTitle));
    }

    public static TheoryData<FigureQuery, int[]> Filters => new()
    {
        // Indexes into Figures(): 0 new 2016, 1 target 2016, 2 total 2017, 3 cells 2017, 4 share (Hòa Bình) 2017, 5 target 2015-2020.
        { new FigureQuery(Metric: Metric.NewMembersTarget), [1, 5] },
        { new FigureQuery(Province: "ĐẮK LẮK"), [0, 1, 2, 3, 4, 5] },
        { new FigureQuery(Province: "66", Year: 2016), [0, 1, 5] },
        { new FigureQuery(Province: "Lâm Đồng"), [] },
        { new FigureQuery(District: "ea kar", Metric: Metric.TotalMembers), [2] },
        { new FigureQuery(District: "651", Year: 2021), [] },
        { new FigureQuery(Commune: "Hoà Bình"), [4] },
        { new FigureQuery(Commune: "HÒA BÌNH"), [4] },
        { new FigureQuery(Year: 2018), [5] },
        { new FigureQuery(Year: 2017), [2, 3, 4, 5] },
        { new FigureQuery(MinConfidence: 0.9), [2] },
        { new FigureQuery(MinConfidence: 0.61, Metric: Metric.PartyCells), [3] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_select_figures(FigureQuery q, int[] expected)
    {
        await using var store = await OpenAsync(Backends.Lite);
        await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        var got = await store.QueryFiguresAsync(q, _ct).Select(s => s.ToFigure()).ToListAsync();
        Assert.Equal(expected.Select(i => Figures()[i]), got);
    }

    [Theory]
    [InlineData("Thừa Thiên Huế", "thừa thiên huế")]
    [InlineData("Khánh Hòa", "KHÁNH HOÀ")]
    [InlineData("Khánh Hoà", "Khánh Hòa")]
    [InlineData("Thủy Nguyên", "thuỷ nguyên")]
    public async Task Province_matches_across_case_and_tone_placement(string stored, string asked)
    {
        await using var store = await OpenAsync(Backends.Lite);
        var f = Figure(Metric.NewMembers, "320", 320, "2016", new Locality(stored, null, null, null));
        await store.SaveArticleAsync(Article(Url), [f], Provenance(Url), _ct);
        var hits = await store.QueryFiguresAsync(new FigureQuery(Province: asked), _ct).ToListAsync();
        Assert.Equal(stored, Assert.Single(hits).Province);
        Assert.Empty(await store.QueryFiguresAsync(new FigureQuery(Province: "Hà Nội"), _ct).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Compare_shows_conflicts_side_by_side(string backend)
    {
        await using var store = await OpenAsync(backend);
        string[] urls = ["https://a.vn/1", "https://a.vn/2", "https://a.vn/3"];
        decimal[] stated = [320, 302, 320];
        for (var i = 0; i < urls.Length; i++)
        {
            var text = $"Năm 2016, huyện Ea Kar kết nạp {stated[i]} đảng viên.";
            Figure[] figures = i == 0
                ? [Figure(Metric.NewMembers, "320", 320, "2016", text: text), Figure(Metric.NewMembersTarget, "2016", 300, "2016", text: text)]
                : [Figure(Metric.NewMembers, stated[i].ToString(System.Globalization.CultureInfo.InvariantCulture), stated[i], "2016", text: text, confidence: 0.9)];
            await store.SaveArticleAsync(Article(urls[i], text: text), figures, Provenance(urls[i], $"h{i}"), _ct);
        }
        // Same place, another period and a segment figure: their own row / left out.
        var other = "Năm 2017 huyện Ea Kar có 4.378 đảng viên, nữ chiếm 40%.";
        await store.SaveArticleAsync(Article("https://a.vn/4", text: other),
            [Figure(Metric.TotalMembers, "4.378", 4378, "2017"), Figure(Metric.NewMembers, "40", 40, "2017", text: other, segment: "nu")],
            Provenance("https://a.vn/4", "h4"), _ct);

        var rows = await store.CompareAsync(new FigureQuery(Province: "Đắk Lắk"), _ct);
        Assert.Equal(["2016", "2017"], rows.Select(r => r.Years));
        var y2016 = rows[0];
        Assert.Equal(3, y2016.SourceArticles);
        Assert.NotNull(y2016.NewMembers);
        Assert.True(y2016.NewMembers.Conflict);
        Assert.Equal(320m, y2016.NewMembers.Value);
        Assert.Equal([302m, 320m], y2016.NewMembers.DistinctValues);
        Assert.Equal(3, y2016.NewMembers.Figures);
        Assert.False(y2016.NewMembersTarget!.Conflict);
        Assert.Equal(300m, y2016.NewMembersTarget.Value);
        Assert.Null(y2016.TotalMembers);
        var y2017 = rows[1];
        Assert.Null(y2017.NewMembers);
        Assert.Equal(4378m, y2017.TotalMembers!.Value);
        Assert.Equal(1, y2017.SourceArticles);

        var onlyTargets = await store.CompareAsync(new FigureQuery(Metric: Metric.NewMembersTarget), _ct);
        Assert.Null(Assert.Single(onlyTargets).NewMembers);
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Stats_count_fetch_failures_by_class(string backend)
    {
        await using var store = await OpenAsync(backend);
        (int Status, string? Error)[] fetches = [(200, null), (404, "http_4xx"), (0, "timeout"), (0, "timeout"), (200, null)];
        foreach (var (status, error) in fetches)
        {
            await store.RecordFetchAsync(new FetchRecord(Url, Published, status, error, error is null ? null : "lỗi", null, 120), _ct);
        }
        var stats = await store.StatsAsync(_ct);
        Assert.Equal(5, stats.Fetches);
        Assert.Equal(3, stats.FailedFetches);
        Assert.Equal(2, stats.FailuresByErrorClass["timeout"]);
        Assert.Equal(1, stats.FailuresByErrorClass["http_4xx"]);
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Sources_are_upserted_by_start_url(string backend)
    {
        await using var store = await OpenAsync(backend);
        await store.SaveSourceAsync(new SourceRecord("Báo Đắk Lắk", null, "https://baodaklak.vn/"), _ct);
        await store.SaveSourceAsync(new SourceRecord("Báo Đắk Lắk điện tử", "Đắk Lắk", "https://baodaklak.vn/"), _ct);
        Assert.Equal([new SourceRecord("Báo Đắk Lắk điện tử", "Đắk Lắk", "https://baodaklak.vn/")], await store.SourcesAsync(_ct));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Search_finds_article_by_vietnamese_word_with_snippet(string backend)
    {
        await using var store = await OpenAsync(backend);
        var id = await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        await store.SaveArticleAsync(Article("https://a.vn/khac", text: "Hội nghị bàn về giao thông nông thôn."), [], Provenance("https://a.vn/khac", "h2"), _ct);

        var hit = Assert.Single(await store.SearchAsync("chi bộ", 10, _ct).ToListAsync());
        Assert.Equal(id, hit.ArticleId);
        Assert.Contains("[chi] [bộ]", hit.Snippet);
        Assert.Equal(Published, hit.Published);
        // Diacritics are kept: "đang" is a different word from "đảng".
        Assert.Empty(await store.SearchAsync("đang", 10, _ct).ToListAsync());
        Assert.Empty(await store.SearchAsync("  ;; ", 10, _ct).ToListAsync());
        // Operators typed by a user are searched as words, not parsed.
        Assert.Empty(await store.SearchAsync("chi NEAR(bộ", 10, _ct).ToListAsync());
    }

    [Theory]
    [InlineData("xã Hòa Bình", "hoà")]
    [InlineData("xã Hoà Bình", "hòa")]
    [InlineData("sức khoẻ tốt", "khỏe")]
    [InlineData("huyện Thủy Nguyên", "thuỷ")]
    [InlineData("phòng Tài chính", "Tài chính")]
    [InlineData("năm quý I", "quý")]
    public async Task Search_matches_either_tone_placement(string written, string asked)
    {
        await using var store = await OpenAsync(Backends.Lite);
        await store.SaveArticleAsync(Article(Url, text: $"Tin ngắn về {written} trong tháng."), [], Provenance(Url), _ct);
        Assert.Single(await store.SearchAsync(asked, 5, _ct).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Search_index_follows_re_save(string backend)
    {
        await using var store = await OpenAsync(backend);
        await store.SaveArticleAsync(Article(Url, text: "Chi bộ thôn Một họp mặt."), [], Provenance(Url), _ct);
        await store.SaveArticleAsync(Article(Url, text: "Đoàn viên thanh niên ra quân."), [], Provenance(Url), _ct);
        Assert.Empty(await store.SearchAsync("họp mặt", 5, _ct).ToListAsync());
        Assert.Single(await store.SearchAsync("thanh niên", 5, _ct).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public async Task Saving_while_a_query_streams_does_not_block(string backend)
    {
        await using var store = await OpenAsync(backend);
        await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        var seen = 0;
        await foreach (var f in store.QueryFiguresAsync(FigureQuery.All, _ct))
        {
            if (seen++ == 0)
            {
                var save = store.SaveArticleAsync(Article("https://a.vn/moi"), Figures(), Provenance("https://a.vn/moi", "h2"), _ct);
                Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(20), _ct)));
                await save;
            }
        }
        Assert.True(seen >= Figures().Count);
        Assert.Equal(2 * Figures().Count, (await store.StatsAsync(_ct)).Figures);
    }

    [Fact]
    public async Task Search_folds_plain_letters_and_keeps_phrases_in_a_row()
    {
        await using var store = await OpenAsync(Backends.Lite);
        await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        await store.SaveArticleAsync(Article("https://a.vn/khac", text: "Bộ chi tiêu công khai của thôn được niêm yết.", title: "Công khai chi tiêu"), [],
            Provenance("https://a.vn/khac", "h2"), _ct);
        // Typed without diacritics, a word matches with or without them; typed with them, they count.
        Assert.Single(await store.SearchAsync("ket nap", 10, _ct).ToListAsync());
        Assert.Equal(2, (await store.SearchAsync("chi bộ", 10, _ct).ToListAsync()).Count);
        var phrase = Assert.Single(await store.SearchAsync("\"chi bộ\"", 10, _ct).ToListAsync());
        Assert.Contains("[chi] [bộ]", phrase.Snippet);
    }

    [Fact]
    public async Task The_search_index_is_derived_and_rebuilt_from_the_store()
    {
        await using (var store = await OpenAsync(Backends.Lite))
        {
            await store.SaveArticleAsync(Article(Url), Figures(), Provenance(Url), _ct);
        }
        Directory.Delete(DbPath + ".search", recursive: true);
        await using (var again = await OpenAsync(Backends.Lite))
        {
            Assert.Single(await again.SearchAsync("Ea Kar", 10, _ct).ToListAsync());
            Assert.Equal(1, await again.ReindexAsync(_ct));
            Assert.Single(await again.SearchAsync("Ea Kar", 10, _ct).ToListAsync());
        }
        var cli = await NewsMiner.Tests.Cli.CliRunner.RunAsync("reindex", "--db", DbPath);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("Indexed 1 article(s)", cli.Out, StringComparison.Ordinal);
    }
}

namespace NewsMiner.Storage;

/// <summary>
/// The schema as an ordered list of scripts; script N brings the database to version N. Scripts are only ever
/// appended, never edited once released. Plain SQL with SQLite specifics kept to the FTS5 table, its triggers and
/// AUTOINCREMENT-free INTEGER keys, so a PostgreSQL port can translate this one file.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // v1
        """
        CREATE TABLE sources (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            province    TEXT,
            start_url   TEXT NOT NULL UNIQUE
        );

        CREATE TABLE fetches (
            id            INTEGER PRIMARY KEY,
            url           TEXT NOT NULL,
            fetched_at    TEXT NOT NULL,
            status        INTEGER NOT NULL,
            error_class   TEXT,
            message       TEXT,
            content_hash  TEXT,
            duration_ms   INTEGER NOT NULL CHECK (duration_ms >= 0)
        );
        CREATE INDEX ix_fetches_url ON fetches (url);
        CREATE INDEX ix_fetches_error_class ON fetches (error_class);

        CREATE TABLE articles (
            id                 INTEGER PRIMARY KEY,
            canonical_url      TEXT NOT NULL UNIQUE,
            url                TEXT,
            site_host          TEXT,
            title              TEXT NOT NULL,
            published          TEXT,
            published_source   TEXT NOT NULL,
            author             TEXT,
            text               TEXT NOT NULL,
            content_hash       TEXT,
            extractor_version  TEXT,
            language           TEXT NOT NULL,
            fetched_at         TEXT,
            stored_at          TEXT NOT NULL
        );
        CREATE INDEX ix_articles_content_hash ON articles (content_hash);
        CREATE INDEX ix_articles_site_host ON articles (site_host);

        CREATE TABLE article_urls (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            url         TEXT NOT NULL UNIQUE
        );
        CREATE INDEX ix_article_urls_article ON article_urls (article_id);

        CREATE TABLE figures (
            id                 INTEGER PRIMARY KEY,
            article_id         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            metric             TEXT NOT NULL,
            segment            TEXT,
            value              REAL NOT NULL,
            value_max          REAL,
            qualifier          TEXT NOT NULL,
            per_year           INTEGER NOT NULL CHECK (per_year IN (0, 1)),
            period             TEXT,
            period_start_year  INTEGER,
            period_end_year    INTEGER,
            province           TEXT,
            district           TEXT,
            commune            TEXT,
            unit               TEXT,
            province_code      TEXT,
            district_code      TEXT,
            commune_code       TEXT,
            province_key       TEXT,
            district_key       TEXT,
            commune_key        TEXT,
            evidence           TEXT NOT NULL,
            evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0),
            evidence_length    INTEGER NOT NULL CHECK (evidence_length >= 0),
            value_start        INTEGER NOT NULL CHECK (value_start >= 0),
            confidence         REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
            miner_version      TEXT,
            CHECK (period_start_year IS NULL OR period_end_year >= period_start_year)
        );
        CREATE INDEX ix_figures_article ON figures (article_id);
        CREATE INDEX ix_figures_metric_years ON figures (metric, period_start_year, period_end_year);
        CREATE INDEX ix_figures_province ON figures (province_key, metric);
        CREATE INDEX ix_figures_province_code ON figures (province_code, metric);
        CREATE INDEX ix_figures_district ON figures (district_key, metric);
        CREATE INDEX ix_figures_district_code ON figures (district_code, metric);
        CREATE INDEX ix_figures_commune ON figures (commune_key);

        -- External-content index over articles: the text is stored once, the triggers keep the index in step.
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
        // v2: place-led indexes for comparisons (province, metric, years), and fixed planner statistics: without them
        // SQLite reads a province's comparison through the metric/years index, a fifth of the table (the "store"
        // benchmark: 1.3 s instead of tens of ms at 1M figures). The numbers describe the shape of the data (10 metrics,
        // 63 provinces, ~700 districts, 10 figures per article), not its size, so they stay right as the file grows.
        """
        CREATE INDEX ix_figures_province_metric_years ON figures (province_code, metric, period_start_year);
        CREATE INDEX ix_figures_province_key_metric_years ON figures (province_key, metric, period_start_year);
        ANALYZE;
        DELETE FROM sqlite_stat1 WHERE tbl = 'figures';
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
            ('figures', 'ix_figures_article', '1000000 10'),
            ('figures', 'ix_figures_metric_years', '1000000 100000 10000 8000'),
            ('figures', 'ix_figures_province', '1000000 16000 1600'),
            ('figures', 'ix_figures_province_code', '1000000 16000 1600'),
            ('figures', 'ix_figures_district', '1000000 1400 140'),
            ('figures', 'ix_figures_district_code', '1000000 1400 140'),
            ('figures', 'ix_figures_commune', '1000000 100'),
            ('figures', 'ix_figures_province_metric_years', '1000000 16000 1600 160'),
            ('figures', 'ix_figures_province_key_metric_years', '1000000 16000 1600 160');
        ANALYZE sqlite_schema;
        """,
        // v3: the crawl frontier (one row per canonical URL), per-source runs, and the one-crawler-per-database lock.
        // Times in *_ms columns are Unix milliseconds (UTC), so due-time comparisons are plain integer comparisons.
        """
        CREATE TABLE frontier (
            url              TEXT PRIMARY KEY,
            host             TEXT NOT NULL,
            source           TEXT,
            depth            INTEGER NOT NULL CHECK (depth >= 0),
            state            TEXT NOT NULL CHECK (state IN ('queued', 'in_flight', 'done', 'failed')),
            attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_ms  INTEGER NOT NULL DEFAULT 0,
            leased_ms        INTEGER,
            revisit_ms       INTEGER,
            discovered_ms    INTEGER NOT NULL,
            fetched_ms       INTEGER,
            status           INTEGER,
            error_class      TEXT,
            message          TEXT,
            etag             TEXT,
            last_modified    TEXT,
            content_hash     TEXT,
            final_url        TEXT
        );
        CREATE INDEX ix_frontier_claim ON frontier (state, host, depth);
        CREATE INDEX ix_frontier_due ON frontier (state, host, next_attempt_ms);
        CREATE INDEX ix_frontier_source ON frontier (source, state);

        CREATE TABLE source_runs (
            id                   INTEGER PRIMARY KEY,
            source               TEXT NOT NULL,
            started_at           TEXT NOT NULL,
            finished_at          TEXT,
            pages                INTEGER NOT NULL DEFAULT 0,
            new_articles         INTEGER NOT NULL DEFAULT 0,
            failures             INTEGER NOT NULL DEFAULT 0,
            failures_by_class    TEXT,
            last_new_article_at  TEXT
        );
        CREATE INDEX ix_source_runs_source ON source_runs (source, id);

        CREATE TABLE crawl_lock (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            owner         TEXT NOT NULL,
            pid           INTEGER NOT NULL,
            machine       TEXT NOT NULL,
            heartbeat_ms  INTEGER NOT NULL
        );
        """,
        // v4: near-duplicate lookup keys (MinHash bands of the article text, see Crawling.NearDuplicates).
        """
        CREATE TABLE article_bands (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            band_key    INTEGER NOT NULL,
            PRIMARY KEY (article_id, band_key)
        );
        CREATE INDEX ix_article_bands_key ON article_bands (band_key, article_id);
        """,
        // v5: several crawler processes on one frontier (used by the PostgreSQL frontier; the tables exist in SQLite too so
        // version N means one schema in both engines): who holds a claimed URL, per-host politeness shared by the
        // processes, and the live crawlers with their heartbeats.
        """
        ALTER TABLE frontier ADD COLUMN lease_owner TEXT;
        CREATE INDEX ix_frontier_lease ON frontier (state, lease_owner);

        CREATE TABLE frontier_hosts (
            host           TEXT PRIMARY KEY,
            next_fetch_ms  INTEGER NOT NULL
        );

        CREATE TABLE crawl_workers (
            id            TEXT PRIMARY KEY,
            owner         TEXT NOT NULL,
            pid           INTEGER NOT NULL,
            machine       TEXT NOT NULL,
            started_ms    INTEGER NOT NULL,
            heartbeat_ms  INTEGER NOT NULL,
            seeded_ms     INTEGER
        );
        """,
        // v6: full-text indexing moves from each insert to each commit. FTS5 writes its pending terms out as a segment at
        // every savepoint, so a crawl batch (a savepoint per page) made one tiny segment per article and merging them grew
        // with the archive; now a trigger only notes the article, and NewsStore.IndexPendingTextAsync indexes the noted
        // ones in one statement just before the transaction commits (one segment per batch).
        """
        CREATE TABLE articles_fts_pending (article_id INTEGER PRIMARY KEY);
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_update;
        DROP TRIGGER articles_fts_delete;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT OR IGNORE INTO articles_fts_pending (article_id) VALUES (new.id);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                SELECT 'delete', old.id, old.title, old.text WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
            INSERT OR IGNORE INTO articles_fts_pending (article_id) VALUES (new.id);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                SELECT 'delete', old.id, old.title, old.text WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
            DELETE FROM articles_fts_pending WHERE article_id = old.id;
        END;
        """,
    ];

    /// <summary>
    /// The same schema for PostgreSQL, version for version: script N here matches script N of <see cref="Scripts"/>.
    /// Differences: identity keys, DOUBLE PRECISION for REAL, and a generated tsvector column with a GIN index instead of
    /// the FTS5 table (the 'simple' configuration: lower-cased words, diacritics kept, no stemming, as FTS5 does here).
    /// The frontier tables (v3, v5) are served by <see cref="PostgresFrontier"/>, which lets several crawler processes
    /// split the work (FOR UPDATE SKIP LOCKED).
    /// </summary>
    public static IReadOnlyList<string> PostgresScripts { get; } =
    [
        // v1
        """
        CREATE TABLE sources (
            id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            name        TEXT NOT NULL,
            province    TEXT,
            start_url   TEXT NOT NULL UNIQUE
        );

        CREATE TABLE fetches (
            id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            url           TEXT NOT NULL,
            fetched_at    TEXT NOT NULL,
            status        INTEGER NOT NULL,
            error_class   TEXT,
            message       TEXT,
            content_hash  TEXT,
            duration_ms   BIGINT NOT NULL CHECK (duration_ms >= 0)
        );
        CREATE INDEX ix_fetches_url ON fetches (url);
        CREATE INDEX ix_fetches_error_class ON fetches (error_class);

        CREATE TABLE articles (
            id                 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            canonical_url      TEXT NOT NULL UNIQUE,
            url                TEXT,
            site_host          TEXT,
            title              TEXT NOT NULL,
            published          TEXT,
            published_source   TEXT NOT NULL,
            author             TEXT,
            text               TEXT NOT NULL,
            content_hash       TEXT,
            extractor_version  TEXT,
            language           TEXT NOT NULL,
            fetched_at         TEXT,
            stored_at          TEXT NOT NULL,
            search             tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
        );
        CREATE INDEX ix_articles_content_hash ON articles (content_hash);
        CREATE INDEX ix_articles_site_host ON articles (site_host);
        CREATE INDEX ix_articles_search ON articles USING GIN (search);

        CREATE TABLE article_urls (
            article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            url         TEXT NOT NULL UNIQUE
        );
        CREATE INDEX ix_article_urls_article ON article_urls (article_id);

        CREATE TABLE figures (
            id                 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            article_id         BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            metric             TEXT NOT NULL,
            segment            TEXT,
            value              DOUBLE PRECISION NOT NULL,
            value_max          DOUBLE PRECISION,
            qualifier          TEXT NOT NULL,
            per_year           INTEGER NOT NULL CHECK (per_year IN (0, 1)),
            period             TEXT,
            period_start_year  INTEGER,
            period_end_year    INTEGER,
            province           TEXT,
            district           TEXT,
            commune            TEXT,
            unit               TEXT,
            province_code      TEXT,
            district_code      TEXT,
            commune_code       TEXT,
            province_key       TEXT,
            district_key       TEXT,
            commune_key        TEXT,
            evidence           TEXT NOT NULL,
            evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0),
            evidence_length    INTEGER NOT NULL CHECK (evidence_length >= 0),
            value_start        INTEGER NOT NULL CHECK (value_start >= 0),
            confidence         DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
            miner_version      TEXT,
            CHECK (period_start_year IS NULL OR period_end_year >= period_start_year)
        );
        CREATE INDEX ix_figures_article ON figures (article_id);
        CREATE INDEX ix_figures_metric_years ON figures (metric, period_start_year, period_end_year);
        CREATE INDEX ix_figures_province ON figures (province_key, metric);
        CREATE INDEX ix_figures_province_code ON figures (province_code, metric);
        CREATE INDEX ix_figures_district ON figures (district_key, metric);
        CREATE INDEX ix_figures_district_code ON figures (district_code, metric);
        CREATE INDEX ix_figures_commune ON figures (commune_key);
        """,
        // v2: place-led indexes for comparisons (province, metric, years); see the "store" benchmark.
        """
        CREATE INDEX ix_figures_province_metric_years ON figures (province_code, metric, period_start_year);
        CREATE INDEX ix_figures_province_key_metric_years ON figures (province_key, metric, period_start_year);
        """,
        // v3: the crawl frontier, as in the SQLite script (Unix-millisecond times as BIGINT).
        """
        CREATE TABLE frontier (
            url              TEXT PRIMARY KEY,
            host             TEXT NOT NULL,
            source           TEXT,
            depth            INTEGER NOT NULL CHECK (depth >= 0),
            state            TEXT NOT NULL CHECK (state IN ('queued', 'in_flight', 'done', 'failed')),
            attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_ms  BIGINT NOT NULL DEFAULT 0,
            leased_ms        BIGINT,
            revisit_ms       BIGINT,
            discovered_ms    BIGINT NOT NULL,
            fetched_ms       BIGINT,
            status           INTEGER,
            error_class      TEXT,
            message          TEXT,
            etag             TEXT,
            last_modified    TEXT,
            content_hash     TEXT,
            final_url        TEXT
        );
        CREATE INDEX ix_frontier_claim ON frontier (state, host, depth);
        CREATE INDEX ix_frontier_due ON frontier (state, host, next_attempt_ms);
        CREATE INDEX ix_frontier_source ON frontier (source, state);

        CREATE TABLE source_runs (
            id                   BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            source               TEXT NOT NULL,
            started_at           TEXT NOT NULL,
            finished_at          TEXT,
            pages                INTEGER NOT NULL DEFAULT 0,
            new_articles         INTEGER NOT NULL DEFAULT 0,
            failures             INTEGER NOT NULL DEFAULT 0,
            failures_by_class    TEXT,
            last_new_article_at  TEXT
        );
        CREATE INDEX ix_source_runs_source ON source_runs (source, id);

        CREATE TABLE crawl_lock (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            owner         TEXT NOT NULL,
            pid           INTEGER NOT NULL,
            machine       TEXT NOT NULL,
            heartbeat_ms  BIGINT NOT NULL
        );
        """,
        // v4: near-duplicate lookup keys, as in the SQLite script.
        """
        CREATE TABLE article_bands (
            article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            band_key    BIGINT NOT NULL,
            PRIMARY KEY (article_id, band_key)
        );
        CREATE INDEX ix_article_bands_key ON article_bands (band_key, article_id);
        """,
        // v5: as in the SQLite script; PostgresFrontier claims with FOR UPDATE SKIP LOCKED and leases rows to lease_owner.
        """
        ALTER TABLE frontier ADD COLUMN lease_owner TEXT;
        CREATE INDEX ix_frontier_lease ON frontier (state, lease_owner);

        CREATE TABLE frontier_hosts (
            host           TEXT PRIMARY KEY,
            next_fetch_ms  BIGINT NOT NULL
        );

        CREATE TABLE crawl_workers (
            id            TEXT PRIMARY KEY,
            owner         TEXT NOT NULL,
            pid           INTEGER NOT NULL,
            machine       TEXT NOT NULL,
            started_ms    BIGINT NOT NULL,
            heartbeat_ms  BIGINT NOT NULL,
            seeded_ms     BIGINT
        );
        """,
        // v6: nothing to do here; the text-search column of v1 is kept up by PostgreSQL itself.
        """
        SELECT 1;
        """,
    ];

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER PRIMARY KEY,
            applied_at  TEXT NOT NULL
        );
        """;

    public static int Latest => Scripts.Count;
}

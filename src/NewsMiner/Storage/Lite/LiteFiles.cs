using System.Text;
using LiteDB;

namespace NewsMiner.Storage.Lite;

/// <summary>Checks a store path before anything is opened or written, and takes the single-owner lock.</summary>
internal static class LiteFiles
{
    private static readonly byte[] SqliteMagic = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] LiteMagic = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>The full path of a store to open for writing; an existing file must be a LiteDB file.</summary>
    public static string CheckWritable(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var full = System.IO.Path.GetFullPath(db);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) throw new StoreException($"Cannot create database {full}: folder {folder} does not exist");
        if (Directory.Exists(full)) throw new StoreException($"Cannot open database {full}: it is a folder");
        if (File.Exists(full) && new FileInfo(full).Length > 0) CheckHeader(full);
        return full;
    }

    /// <summary>The full path of an existing store to read.</summary>
    public static string CheckExisting(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var full = System.IO.Path.GetFullPath(db);
        if (!File.Exists(full)) throw new StoreException($"Database {full} does not exist");
        CheckHeader(full);
        return full;
    }

    /// <summary>Refuses, before LiteDB touches it, a file that is not a LiteDB file; a store of an earlier release is named as such.</summary>
    private static void CheckHeader(string full)
    {
        var head = new byte[128];
        int read;
        using (var f = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var span = head.AsSpan(0, read);
        if (span.StartsWith(SqliteMagic))
        {
            throw new StoreException($"Database {full} is a SQLite store of an earlier NewsMiner release; move it with `newsminer import-store {full} --db NEW.db`");
        }
        if (span.IndexOf(LiteMagic) < 0) throw new StoreException($"Database {full} is not a NewsMiner store");
    }

    /// <summary>
    /// The exclusive OS lock of FILE.lock (flock on Linux, taken by FileShare.None), or null when another process (or
    /// another open store in this one) holds it. The kernel drops it when its holder dies, so a kill -9 leaves none.
    /// The lock file is never deleted: a process waiting on the old one and a newcomer creating a new one would both win.
    /// </summary>
    public static FileStream? TakeLock(string full)
    {
        try
        {
            return new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Says who holds a store, in FILE.owner beside the lock (the lock file itself cannot be read while held).</summary>
    public static void WriteOwner(string full)
    {
        try
        {
            File.WriteAllText(full + ".owner", OwnerText());
        }
        catch (IOException)
        {
            // Only messages read it.
        }
    }

    /// <summary>This process as an owner: "newsminer crawl (pid N on HOST)".</summary>
    public static string OwnerText()
    {
        var args = Environment.GetCommandLineArgs();
        var command = args.Length > 1 ? "newsminer " + args[1] : "newsminer";
        return $"{command} (pid {Environment.ProcessId} on {Environment.MachineName})";
    }

    /// <summary>Who holds <paramref name="full"/>'s lock, as its owner wrote it.</summary>
    public static string Owner(string full)
    {
        try
        {
            return File.ReadAllText(full + ".owner").Trim();
        }
        catch (IOException)
        {
            return "another NewsMiner process";
        }
    }

    /// <summary>The one line a writer is refused with when the file is held.</summary>
    public static string InUse(string full)
    {
        var owner = Owner(full);
        return owner.StartsWith("newsminer crawl", StringComparison.Ordinal)
            ? $"Another crawl is running on {full}: {owner}"
            : $"Database {full} is in use by {owner}; try again when it ends";
    }

    /// <summary>Where the owner of a store listens for readers: a Unix socket in the temp folder (socket paths are short).</summary>
    public static string SocketPath(string full)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..24].ToLowerInvariant();
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"newsminer-{hash}.sock");
    }
}

/// <summary>Creates, checks and migrates the document shape of a store file.</summary>
internal static class LiteShape
{
    /// <summary>Runs on the store thread right after LiteDB opened the file.</summary>
    public static bool Prepare(LiteDatabase db, string full, bool readOnly, TimeProvider clock)
    {
        var meta = db.GetCollection<MetaDoc>(Collections.Meta).FindById("store");
        if (meta is null)
        {
            // Collections of ours but no marker: a creation interrupted before its last step, which is redone.
            var foreign = db.GetCollectionNames().Any(n => !Collections.All.Contains(n, StringComparer.Ordinal));
            if (readOnly || foreign || db.Articles().LongCount() > 0) throw new StoreException($"Database {full} is not a NewsMiner store");
            Create(db, clock);
            return true;
        }
        if (meta.App != "newsminer") throw new StoreException($"Database {full} is not a NewsMiner store");
        var version = db.UserVersion;
        if (version > LiteStore.ShapeVersion)
            throw new StoreException($"Database {full} has shape version {version}, newer than this build ({LiteStore.ShapeVersion}); use a newer NewsMiner");
        if (version < LiteStore.ShapeVersion)
        {
            if (readOnly) throw new StoreException($"Database {full} has shape version {version}, this build reads {LiteStore.ShapeVersion}; open it read-write once to migrate");
            Migrate(db, version);
        }
        return true;
    }

    /// <summary>LiteDB builds indexes outside transactions, so the marker goes in last: a file without it is not finished.</summary>
    private static void Create(LiteDatabase db, TimeProvider clock)
    {
        EnsureIndexes(db);
        db.UserVersion = LiteStore.ShapeVersion;
        db.GetCollection<MetaDoc>(Collections.Meta).Upsert(new MetaDoc { Shape = LiteStore.ShapeVersion, CreatedAt = LiteStore.Stamp(clock.GetUtcNow()) });
        db.Checkpoint();
    }

    /// <summary>Steps from each older shape to the next; none yet, version 1 is the first LiteDB shape.</summary>
    private static void Migrate(LiteDatabase db, int from)
    {
        for (var v = from; v < LiteStore.ShapeVersion; v++)
        {
            // Shape steps go here, each in its own transaction, as the SQL migrations did.
        }
        EnsureIndexes(db);
        db.UserVersion = LiteStore.ShapeVersion;
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        var articles = db.GetCollection<ArticleDoc>(Collections.Articles, BsonAutoId.Int64);
        articles.EnsureIndex(a => a.CanonicalUrl, unique: true);
        articles.EnsureIndex(a => a.ContentHash);
        articles.EnsureIndex(a => a.Seq);
        db.GetCollection<ArticleUrlDoc>(Collections.ArticleUrls).EnsureIndex(u => u.ArticleId);
        var figures = db.GetCollection<FigureDoc>(Collections.Figures, BsonAutoId.Int64);
        figures.EnsureIndex(f => f.ArticleId);
        figures.EnsureIndex(f => f.Metric);
        figures.EnsureIndex(f => f.MetricByCode);
        figures.EnsureIndex(f => f.MetricByKey);
        db.GetCollection<FetchDoc>(Collections.Fetches, BsonAutoId.Int64).EnsureIndex(f => f.ErrorClass);
        db.GetCollection<SourceDoc>(Collections.Sources, BsonAutoId.Int64).EnsureIndex(s => s.StartUrl, unique: true);
        var frontier = db.GetCollection<FrontierDoc>(Collections.Frontier);
        frontier.EnsureIndex(f => f.State);
        frontier.EnsureIndex(f => f.Claim);
        frontier.EnsureIndex(f => f.RevisitDue);
        frontier.EnsureIndex(f => f.Source);
        frontier.EnsureIndex(f => f.Seq);
        db.GetCollection<RunDoc>(Collections.Runs, BsonAutoId.Int64).EnsureIndex(r => r.Source);
    }
}

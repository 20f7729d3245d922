using System.CommandLine;
using NewsMiner.Cli.Commands;
using NewsMiner.Storage;

namespace NewsMiner.Cli;

/// <summary>The `newsminer` command line: one root with a global --db, one subcommand per pipeline job.</summary>
public static class CliApp
{
    /// <summary>The database file used when --db is not given (one source of truth for the docs and the code).</summary>
    public const string DefaultDatabase = "newsminer.db";

    public static Option<string> DbOption { get; } = new("--db")
    {
        Description = $"The store: a LiteDB file (default: {DefaultDatabase} in the working directory), or a PostgreSQL connection string (\"Host=...;Database=...\" or postgres://...)",
        DefaultValueFactory = _ => DefaultDatabase,
        Recursive = true,
    };

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("NewsMiner: crawl Vietnamese party-building news, mine membership figures, compare localities, export datasets.");
        root.Options.Add(DbOption);
        var io = new CliIo(stdout, stderr);
        root.Subcommands.Add(DemoCommand.Create(io));
        root.Subcommands.Add(CrawlCommand.Create(io));
        root.Subcommands.Add(StatusCommand.Create(io));
        root.Subcommands.Add(ExtractCommand.Create(io));
        root.Subcommands.Add(MineCommand.Create(io));
        root.Subcommands.Add(QueryCommand.Create(io));
        root.Subcommands.Add(ExportCommand.Create(io));
        root.Subcommands.Add(CompareCommand.Create(io));
        root.Subcommands.Add(SearchCommand.Create(io));
        root.Subcommands.Add(ReindexCommand.Create(io));
        root.Subcommands.Add(ImportStoreCommand.Create(io));
        root.Subcommands.Add(TrainCommand.Create(io));
        root.Subcommands.Add(EvalCommand.Create(io));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var root = Build(stdout, stderr);
        // Ctrl+C / SIGTERM cancel the command's token; a crawl then finishes the pages in flight (its stop grace), so
        // the process is not cut off before that (System.CommandLine's default is 2 s, then exit 130).
        var config = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromMilliseconds(Crawling.CrawlOptions.DefaultStopGraceMs) + TimeSpan.FromSeconds(5),
        };
        try
        {
            return await root.Parse(args).InvokeAsync(config, ct).ConfigureAwait(false);
        }
        catch (UserError e)
        {
            await stderr.WriteLineAsync("newsminer: error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (StoreException e)
        {
            await stderr.WriteLineAsync("newsminer: error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("newsminer: stopped").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"newsminer: failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}

/// <summary>Where commands write: injected so tests can run the CLI in-process and read what it printed.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error);

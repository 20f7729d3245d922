namespace NewsMiner.Cli;

/// <summary>
/// Bad input from the person at the keyboard: printed as one line naming the input, exit code <see cref="ExitCodes.BadInput"/>.
/// </summary>
public sealed class UserError(string message) : Exception(message);

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something unexpected broke; the message says what.</summary>
    public const int Failure = 1;
    /// <summary>The input was wrong: a missing file, an unreachable URL, an unknown metric, an unwritable path.</summary>
    public const int BadInput = 2;
    /// <summary>
    /// A one-shot crawl ended with URLs still queued (retries not due yet, a paused host, the page budget used up):
    /// nothing is wrong, but a cron wrapper should run it again later.
    /// </summary>
    public const int WorkLeft = 3;
    /// <summary>The run was stopped (Ctrl+C, SIGTERM).</summary>
    public const int Cancelled = 130;
}

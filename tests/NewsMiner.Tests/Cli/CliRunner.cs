using NewsMiner.Cli;

namespace NewsMiner.Tests.Cli;

/// <summary>Runs the newsminer command line in-process and captures what it printed.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}

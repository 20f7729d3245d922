using System.Diagnostics;

namespace NewsMiner.Tests.Support;

/// <summary>The built newsminer CLI as a child process, for tests that kill, interrupt or race it.</summary>
public static class CliProcess
{
    /// <summary>Starts `dotnet newsminer.dll args…` in <paramref name="workDir"/>; each printed line goes to the callbacks.</summary>
    public static Process Start(string workDir, IEnumerable<string> args, Action<string> onOutput, Action<string> onError)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsminer.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) onError(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}

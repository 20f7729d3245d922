using System.Diagnostics;

namespace NewsMiner.Storage;

/// <summary>Whether a crawler recorded in the database as running on this machine is still alive.</summary>
internal static class LocalProcess
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

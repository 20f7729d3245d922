namespace NewsMiner.Storage.Lite;

/// <summary>The owner's side of reads from other processes (filled in below).</summary>
internal sealed class LiteReadServer : IAsyncDisposable
{
    public static LiteReadServer? Start(LiteStore store) => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal static class LiteReadClient
{
    public static Task<INewsStore> ConnectAsync(string full, CancellationToken ct) =>
        throw new StoreException($"Database {full} is in use by another NewsMiner process");
}

namespace NewsMiner.Storage;

/// <summary>
/// A store or export could not be opened or written. The message is one line naming the path, so the CLI can print it
/// as is without a stack trace.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(string message) : base(message) { }

    public StoreException(string message, Exception inner) : base(message, inner) { }
}

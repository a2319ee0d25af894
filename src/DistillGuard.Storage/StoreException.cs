namespace DistillGuard.Storage;

/// <summary>An infrastructure fault of the analysis store; the message names the database file and the cause.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The database file the fault concerns, when known.</summary>
    public string? DatabasePath { get; init; }

    internal static StoreException For(string path, string what, Exception cause) =>
        new($"Analysis store '{path}': {what}: {cause.Message}", cause) { DatabasePath = path };

    internal static StoreException For(string path, string what) =>
        new($"Analysis store '{path}': {what}") { DatabasePath = path };
}

using Vigil.Core.Events;

namespace Vigil.Ingest.Tests.Support;

/// <summary>Keeps every read error (thread-safe).</summary>
internal sealed class CollectingErrors : IReadErrorSink
{
    private readonly List<ReadError> _errors = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<ReadError> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    public void OnError(ReadError error)
    {
        lock (_lock)
        {
            _errors.Add(error);
        }
    }
}

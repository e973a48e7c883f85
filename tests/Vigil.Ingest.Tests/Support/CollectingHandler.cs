using Vigil.Core.Events;

namespace Vigil.Ingest.Tests.Support;

/// <summary>Keeps a snapshot of every event it is handed.</summary>
internal sealed class CollectingHandler : IEventHandler
{
    private readonly List<EventRecord> _events = [];

    public IReadOnlyList<EventRecord> Events => _events;

    public void OnEvent(EventRecord record) => _events.Add(record.Snapshot());
}

using Vigil.Core.Events;

namespace Vigil.Ingest.Tests.Support;

/// <summary>Runs a check on each live record (before the reader reuses it).</summary>
internal sealed class CallbackHandler(Action<EventRecord> onEvent) : IEventHandler
{
    public void OnEvent(EventRecord record) => onEvent(record);
}

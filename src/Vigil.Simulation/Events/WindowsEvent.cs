namespace Vigil.Simulation.Events;

/// <summary>A Windows event: the host that logged it, its id and its <c>EventData</c> items in order.</summary>
internal sealed class WindowsEvent : TimedEvent
{
    /// <summary>Gets the channel.</summary>
    public required WindowsChannel Channel { get; init; }

    /// <summary>Gets the event id.</summary>
    public required int EventId { get; init; }

    /// <summary>Gets the FQDN of the host that logged it (<c>Computer</c>).</summary>
    public required string Computer { get; init; }

    /// <summary>Gets the <c>EventData/Data</c> items, by name, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Data { get; init; }
}

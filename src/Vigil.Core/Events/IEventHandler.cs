namespace Vigil.Core.Events;

/// <summary>Receives parsed events. The record is reused after the call returns.</summary>
public interface IEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="record">The event; valid only during the call.</param>
    void OnEvent(EventRecord record);
}

namespace Vigil.Simulation.Events;

/// <summary>A CEF line: the header up to the severity, and the extension after <c>rt=</c> (already escaped).</summary>
internal sealed class CefEvent : TimedEvent
{
    /// <summary>Gets the header (<c>CEF:0|Vendor|Product|Version|ClassId|Name|Severity|</c>).</summary>
    public required string Header { get; init; }

    /// <summary>Gets the extension pairs after <c>rt</c>, escaped.</summary>
    public required string Extension { get; init; }
}

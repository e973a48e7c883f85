namespace Vigil.Simulation.Events;

/// <summary>The Windows event log channels written.</summary>
internal enum WindowsChannel
{
    /// <summary>The Security log (<c>logs/windows-security.xml</c>).</summary>
    Security,

    /// <summary>Sysmon's operational log (<c>logs/sysmon.xml</c>).</summary>
    Sysmon,
}

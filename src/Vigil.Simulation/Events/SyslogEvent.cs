namespace Vigil.Simulation.Events;

/// <summary>A syslog line of a Linux server.</summary>
internal sealed class SyslogEvent : TimedEvent
{
    /// <summary>Gets the PRI (facility * 8 + severity): 38 is auth.info, 86 authpriv.info, 85 authpriv.notice.</summary>
    public required int Priority { get; init; }

    /// <summary>Gets the host name.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the program (TAG).</summary>
    public required string Program { get; init; }

    /// <summary>Gets the process id.</summary>
    public required int Pid { get; init; }

    /// <summary>Gets the message.</summary>
    public required string Message { get; init; }
}

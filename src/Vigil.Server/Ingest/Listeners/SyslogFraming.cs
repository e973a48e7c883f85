namespace Vigil.Server.Ingest.Listeners;

/// <summary>How the messages of a syslog TCP connection are delimited (RFC 6587).</summary>
internal enum SyslogFraming
{
    /// <summary>Not known yet: nothing was received.</summary>
    Unknown,

    /// <summary>Octet counting: <c>LEN SP MSG</c>.</summary>
    OctetCounting,

    /// <summary>Non-transparent framing: each message ends with LF (or NUL).</summary>
    NonTransparent,
}

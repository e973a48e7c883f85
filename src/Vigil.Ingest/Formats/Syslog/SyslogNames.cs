namespace Vigil.Ingest.Formats.Syslog;

/// <summary>The syslog field names and the facility and severity names (RFC 5424 tables 1 and 2, as rsyslog spells them).</summary>
internal static class SyslogNames
{
    /// <summary>The priority value, a number (facility × 8 + severity).</summary>
    public const string Pri = "pri";

    /// <summary>The facility name.</summary>
    public const string Facility = "facility";

    /// <summary>The severity name.</summary>
    public const string Severity = "severity";

    /// <summary>The RFC 5424 version.</summary>
    public const string Version = "version";

    /// <summary>The time as written.</summary>
    public const string Timestamp = "timestamp";

    /// <summary>The host name or address.</summary>
    public const string Hostname = "hostname";

    /// <summary>The application (RFC 5424 APP-NAME, RFC 3164 TAG).</summary>
    public const string AppName = "appname";

    /// <summary>The process id.</summary>
    public const string ProcId = "procid";

    /// <summary>The RFC 5424 message id.</summary>
    public const string MsgId = "msgid";

    /// <summary>The free-form message.</summary>
    public const string Message = "message";

    /// <summary>Gets the facility names by code (0–23).</summary>
    public static IReadOnlyList<string> Facilities { get; } =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp", "security",
        "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    /// <summary>Gets the severity names by code (0–7).</summary>
    public static IReadOnlyList<string> Severities { get; } = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
}

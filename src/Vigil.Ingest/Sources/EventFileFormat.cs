namespace Vigil.Ingest.Sources;

/// <summary>
/// The layout of an event file. <see cref="Auto"/> detects it from the first bytes (after transparent gzip
/// decompression), never from the file name. New formats are added as new values with their own reader; existing values
/// keep their numbers. JSON sources (Okta System Log, Entra ID / Azure AD, Microsoft 365, Zeek JSON, CloudTrail one record
/// per line) are read by the JSON formats; what kind of source an event came from is told per event by normalization.
/// </summary>
public enum EventFileFormat
{
    /// <summary>Detect the format from the content.</summary>
    Auto = 0,

    /// <summary>One JSON object per line (JSON Lines / NDJSON), as written by <c>evtx_dump -o jsonl</c>, Zeek, Logstash.</summary>
    Ndjson = 1,

    /// <summary>A JSON array of event objects (<c>[ {...}, {...} ]</c>), on one line or many; several arrays may follow each other.</summary>
    JsonArray = 2,

    /// <summary>
    /// JSON values one after another, separated by white space only, as <c>jq</c> reads them (for example pretty-printed
    /// objects); the <c>Record N</c> lines of <c>evtx_dump -o json</c> between values are skipped.
    /// </summary>
    JsonConcatenated = 3,

    /// <summary>A Windows event log file (<c>.evtx</c>, binary XML in 64 KiB chunks).</summary>
    Evtx = 4,

    /// <summary>Windows events as XML (<c>&lt;Event&gt;</c> elements, optionally inside <c>&lt;Events&gt;</c>), as wevtutil and Event Viewer export them.</summary>
    WindowsXml = 5,

    /// <summary>Syslog lines, RFC 3164 (BSD) or RFC 5424, told apart per line.</summary>
    Syslog = 6,

    /// <summary>ArcSight Common Event Format lines (<c>CEF:0|...</c>), bare or after a syslog header.</summary>
    Cef = 7,

    /// <summary>IBM QRadar Log Event Extended Format lines, version 1.0 or 2.0, bare or after a syslog header.</summary>
    Leef = 8,

    /// <summary>AWS CloudTrail log files: <c>{"Records": [...]}</c> objects, each record an event.</summary>
    CloudTrail = 9,

    /// <summary>Zeek logs in their tab-separated form with <c>#separator</c> and <c>#fields</c> header lines.</summary>
    ZeekTsv = 10,

    /// <summary>Linux audit logs (<c>type=... msg=audit(time:serial): ...</c>); the lines of one event are joined by their serial.</summary>
    Auditd = 11,
}

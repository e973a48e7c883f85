namespace Vigil.Ingest.Sources;

/// <summary>
/// The layout of an event file. <see cref="Auto"/> detects it from the first bytes (after transparent gzip
/// decompression), never from the file name. New formats (EVTX, syslog, CEF, CloudTrail, Zeek TSV...) are added as new
/// values with their own reader; existing values keep their numbers.
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
}

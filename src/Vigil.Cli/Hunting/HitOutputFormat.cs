namespace Vigil.Cli.Hunting;

/// <summary>How <c>vigil hunt</c> writes hits.</summary>
internal enum HitOutputFormat
{
    /// <summary>A table for people, written when the hunt ends.</summary>
    Table = 0,

    /// <summary>One JSON object per hit and line, streamed.</summary>
    Jsonl = 1,

    /// <summary>RFC 4180 CSV with a header, streamed.</summary>
    Csv = 2,

    /// <summary>OCSF Detection Findings, one JSON object a line.</summary>
    Ocsf = 3,

    /// <summary>TheHive 5 alerts, one JSON object a line.</summary>
    TheHive = 4,
}

using Vigil.Server.Incidents;

namespace Vigil.Server.Hosting;

/// <summary>What <c>vigil serve</c> runs with. Defaults are the documented ones.</summary>
public sealed record ServerOptions
{
    /// <summary>Gets the SQLite database file (normally <c>&lt;workspace&gt;/.vigil/vigil.db</c>).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Gets the HTTP listen addresses. Default <c>http://127.0.0.1:8080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>Gets the largest request body accepted, in bytes. Default 16 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 16L << 20;

    /// <summary>Gets the most bytes received but not yet journaled; past it ingest answers 429 with Retry-After. Default 64 MiB.</summary>
    public long MaxQueuedBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Gets the most events journaled but not yet through detection; past it ingest answers 503 with Retry-After, so a slow
    /// detection stage slows the senders instead of filling the disk. Default 2,000,000.
    /// </summary>
    public long MaxBacklogEvents { get; init; } = 2_000_000;

    /// <summary>Gets the most events the detection worker takes per step (smaller steps, lower latency; larger, fewer commits). Default 5,000.</summary>
    public int DetectionStepEvents { get; init; } = 5_000;

    /// <summary>
    /// Gets how much already-detected history is run through detection again at start, so that correlation windows and
    /// behavioural observations lost with the process are rebuilt (alerts it raises again have the same ids and are not
    /// stored twice). Default 1 hour of received batches; zero turns it off.
    /// </summary>
    public TimeSpan ReplayOnStart { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets how long raw event payloads stay in the journal once detection has passed them. Older payloads are emptied
    /// (their journal rows and idempotency keys stay, so a late retry is still recognised); alerts keep their evidence
    /// events in their findings. Default 7 days; never shorter than <see cref="ReplayOnStart"/>.
    /// </summary>
    public TimeSpan JournalRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Gets how often time-driven detection (behavioural models) runs. Default 30 seconds.</summary>
    public TimeSpan ModelTickInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the syslog UDP port, or null for none.</summary>
    public int? SyslogUdpPort { get; init; }

    /// <summary>Gets the syslog TCP port (RFC 6587 octet counting or newline framing), or null for none.</summary>
    public int? SyslogTcpPort { get; init; }

    /// <summary>Gets the address the syslog listeners bind. Default loopback.</summary>
    public string SyslogAddress { get; init; } = "127.0.0.1";

    /// <summary>Gets a folder whose new files are ingested, or null for none.</summary>
    public string? WatchFolder { get; init; }

    /// <summary>Gets how alerts are throttled and grouped into incidents.</summary>
    public IncidentSettings Incidents { get; init; } = new();

    /// <summary>Gets how often the triage model is retrained, or null for on demand only.</summary>
    public TimeSpan? TriageRetrainInterval { get; init; }
}

namespace Vigil.Server.Ingest;

/// <summary>What became of an offered batch.</summary>
internal enum IngestOutcome
{
    /// <summary>Queued for the journal.</summary>
    Accepted,

    /// <summary>Too many bytes are waiting for the journal: retry after a moment (HTTP 429).</summary>
    Busy,

    /// <summary>Detection is too far behind: retry later (HTTP 503).</summary>
    Backlog,

    /// <summary>The server is shutting down (HTTP 503).</summary>
    Stopping,
}

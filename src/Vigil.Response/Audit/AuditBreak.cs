namespace Vigil.Response.Audit;

/// <summary>Why an audit chain failed verification.</summary>
internal enum AuditBreak
{
    /// <summary>The chain is intact.</summary>
    None,

    /// <summary>A record's stored hash does not match its columns: the record was altered (or forged without its hash).</summary>
    Altered,

    /// <summary>A sequence number is missing: a record was removed.</summary>
    Removed,

    /// <summary>A record's previous-hash does not match the record before it: records were reordered, replaced or removed.</summary>
    ChainBroken,

    /// <summary>The anchored head hash is not in the chain: the tail was truncated (or rewritten).</summary>
    Truncated,
}

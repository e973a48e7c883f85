namespace Vigil.Ingest.Enrichment.Statistics;

/// <summary>How well one source's users and hosts resolved.</summary>
public sealed record SourceResolutionSummary
{
    /// <summary>Gets the source name.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the user values resolved to an identity.</summary>
    public long UsersResolved { get; init; }

    /// <summary>Gets the user values not found.</summary>
    public long UsersUnresolved { get; init; }

    /// <summary>Gets the user values matching several identities.</summary>
    public long UsersAmbiguous { get; init; }

    /// <summary>Gets the system principals and machine accounts seen (not people; neither resolved nor unresolved).</summary>
    public long UsersSystem { get; init; }

    /// <summary>Gets the host values resolved to an asset.</summary>
    public long HostsResolved { get; init; }

    /// <summary>Gets the host values not found.</summary>
    public long HostsUnresolved { get; init; }

    /// <summary>Gets the most frequent unresolved user values, most frequent first.</summary>
    public required IReadOnlyList<UnresolvedValue> TopUnresolvedUsers { get; init; }

    /// <summary>Gets the most frequent ambiguous user values, most frequent first.</summary>
    public required IReadOnlyList<UnresolvedValue> TopAmbiguousUsers { get; init; }

    /// <summary>Gets the most frequent unresolved host values, most frequent first.</summary>
    public required IReadOnlyList<UnresolvedValue> TopUnresolvedHosts { get; init; }
}

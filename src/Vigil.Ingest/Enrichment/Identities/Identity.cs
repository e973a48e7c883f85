namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>A person or service account from the organisation's directory, with every name it appears under.</summary>
public sealed class Identity
{
    internal Identity(string id, string? displayName, string? email, IReadOnlyList<string> aliases, IReadOnlyList<string> groups,
        bool privileged, string? peerGroup, string? businessUnit, string? manager)
    {
        Id = id;
        DisplayName = displayName;
        Email = email;
        Aliases = aliases;
        Groups = groups;
        Privileged = privileged;
        PeerGroup = peerGroup;
        BusinessUnit = businessUnit;
        Manager = manager;
    }

    /// <summary>Gets the canonical id (for example <c>jdoe</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the display name, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>Gets the e-mail address, or null.</summary>
    public string? Email { get; }

    /// <summary>Gets every alias as written: <c>DOMAIN\user</c>, UPNs, e-mail addresses, SIDs and sam names.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets the groups.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Gets a value indicating whether the account is privileged (admin, service with broad rights).</summary>
    public bool Privileged { get; }

    /// <summary>Gets the peer group used to compare behaviour, or null.</summary>
    public string? PeerGroup { get; }

    /// <summary>Gets the business unit, or null.</summary>
    public string? BusinessUnit { get; }

    /// <summary>Gets the manager's identity id, or null.</summary>
    public string? Manager { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}

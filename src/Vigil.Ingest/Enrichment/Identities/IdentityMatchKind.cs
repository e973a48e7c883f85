namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>What a raw user value turned out to be.</summary>
public enum IdentityMatchKind
{
    /// <summary>Empty or a placeholder (<c>-</c>): nothing to resolve, not counted.</summary>
    Empty = 0,

    /// <summary>Matched an alias exactly (ignoring case): <c>DOMAIN\user</c>, UPN, e-mail or SID.</summary>
    Alias,

    /// <summary>Matched to exactly one sam name: a bare name, or the user part of <c>DOMAIN\user</c> or <c>user@domain</c> when the domain is one of the organisation's.</summary>
    UserName,

    /// <summary>A bare name (or user part) shared by several identities: not resolved.</summary>
    Ambiguous,

    /// <summary>Not found.</summary>
    Unresolved,

    /// <summary>A well-known system or service principal (SYSTEM, LOCAL SERVICE, S-1-5-18...): not a person, not counted as unresolved.</summary>
    System,

    /// <summary>A machine account (<c>HOST$</c>); <see cref="IdentityResolution.Machine"/> holds the asset when the inventory knows it.</summary>
    Machine,
}

namespace Vigil.Detection.Attack;

/// <summary>Why <see cref="AttackCatalog.Check"/> reports an <c>attack.*</c> tag.</summary>
public enum AttackTagIssueKind
{
    /// <summary>Not a tactic or technique: a group (<c>g0xxx</c>), software (<c>s0xxx</c>), data source or unknown name. Ignored by the mapping.</summary>
    Unknown = 0,

    /// <summary>A revoked technique; the mapping holds the technique that replaced it.</summary>
    Revoked = 1,

    /// <summary>A deprecated technique with no replacement; the mapping keeps it.</summary>
    Deprecated = 2,

    /// <summary>A well-formed technique id the catalog does not list (newer ATT&amp;CK); the mapping keeps it, named by its id.</summary>
    NotInCatalog = 3,

    /// <summary>A tactic name of another ATT&amp;CK version, mapped to this catalog's tactic (such as <c>stealth</c> to Defense Evasion).</summary>
    TacticAlias = 4,
}

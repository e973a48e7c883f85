namespace Vigil.Detection.Attack;

/// <summary>Names, files and fixed data of the ATT&amp;CK catalog.</summary>
internal static class AttackConstants
{
    /// <summary>The environment variable naming the catalog directory.</summary>
    public const string DirectoryVariable = "VIGIL_ATTACK_DIR";

    /// <summary>The catalog directory searched for above the current and the executable's directories.</summary>
    public const string SharedRelativeDirectory = "shared/data/attack";

    /// <summary>The prefix of ATT&amp;CK tags in Sigma rules.</summary>
    public const string TagPrefix = "attack.";

    /// <summary>The tactics file: <c>id</c>, <c>shortname</c>, <c>name</c>, in matrix order.</summary>
    public const string TacticsFile = "tactics.tsv";

    /// <summary>The techniques file: <c>id</c>, <c>name</c>, <c>tactics</c>, <c>deprecated_or_revoked</c>, ...</summary>
    public const string TechniquesFile = "techniques.tsv";

    /// <summary>The optional revocations file: <c>id</c>, <c>replaced_by</c>.</summary>
    public const string RevokedFile = "revoked_by.tsv";

    /// <summary>The source name of <see cref="AttackCatalog.BuiltIn"/>.</summary>
    public const string BuiltInSource = "built-in";

    /// <summary>The most tactics a catalog may hold (tactic sets are 64-bit masks).</summary>
    public const int MaxTactics = 64;

    /// <summary>
    /// Tactic names of other ATT&amp;CK versions and the tactics they map to when the catalog lacks them, in preference
    /// order. ATT&amp;CK v19 split Defense Evasion (TA0005) into Stealth and Defense Impairment.
    /// </summary>
    public static readonly (string Alias, string Target)[] TacticAliases =
    [
        ("stealth", "defense-evasion"),
        ("defense-impairment", "defense-evasion"),
        ("defense-evasion", "stealth"),
    ];

    /// <summary>The Enterprise tactics of <see cref="AttackCatalog.BuiltIn"/>, in matrix order.</summary>
    public static readonly AttackTactic[] BuiltInTactics =
    [
        new("TA0043", "reconnaissance", "Reconnaissance"),
        new("TA0042", "resource-development", "Resource Development"),
        new("TA0001", "initial-access", "Initial Access"),
        new("TA0002", "execution", "Execution"),
        new("TA0003", "persistence", "Persistence"),
        new("TA0004", "privilege-escalation", "Privilege Escalation"),
        new("TA0005", "defense-evasion", "Defense Evasion"),
        new("TA0006", "credential-access", "Credential Access"),
        new("TA0007", "discovery", "Discovery"),
        new("TA0008", "lateral-movement", "Lateral Movement"),
        new("TA0009", "collection", "Collection"),
        new("TA0011", "command-and-control", "Command and Control"),
        new("TA0010", "exfiltration", "Exfiltration"),
        new("TA0040", "impact", "Impact"),
    ];
}

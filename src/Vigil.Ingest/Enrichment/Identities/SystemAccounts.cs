namespace Vigil.Ingest.Enrichment.Identities;

/// <summary>Well-known Windows principals that are not people: resolved as <see cref="IdentityMatchKind.System"/>.</summary>
internal static class SystemAccounts
{
    /// <summary>Names (with or without the <c>NT AUTHORITY\</c> domain) and SIDs matched exactly, ignoring case.</summary>
    public static readonly string[] Names =
    [
        "SYSTEM", "LOCAL SYSTEM", "LocalSystem", "LOCAL SERVICE", "LocalService", "NETWORK SERVICE", "NetworkService",
        "ANONYMOUS LOGON", "S-1-5-18", "S-1-5-19", "S-1-5-20", "S-1-5-7", "S-1-0-0",
    ];

    /// <summary>Domains whose every account is a system or virtual account.</summary>
    public static readonly string[] Domains = ["NT AUTHORITY", "NT SERVICE", "IIS APPPOOL", "Window Manager", "Font Driver Host"];

    /// <summary>Prefixes of virtual-account SIDs and names (services, app pools, DWM and UMFD sessions).</summary>
    public static readonly string[] Prefixes = ["S-1-5-80-", "S-1-5-82-", "S-1-5-90-", "S-1-5-96-", "DWM-", "UMFD-"];
}

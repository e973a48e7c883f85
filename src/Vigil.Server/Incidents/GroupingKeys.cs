namespace Vigil.Server.Incidents;

/// <summary>
/// Which entities may join alerts into one incident. Built-in accounts (SYSTEM, LOCAL SERVICE, NETWORK SERVICE, anonymous
/// logon), machine accounts (<c>NAME$</c>) and placeholders (<c>-</c>) appear in unrelated events on every host: grouping by
/// them would merge everything into one incident. They stay on the alert; they just do not link incidents.
/// </summary>
internal static class GroupingKeys
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "SYSTEM", "LocalSystem", "LOCAL SERVICE", "LocalService", "NETWORK SERVICE", "NetworkService", "ANONYMOUS LOGON", "-", "N/A", "root",
        "NT AUTHORITY\\SYSTEM", "NT AUTHORITY\\LOCAL SERVICE", "NT AUTHORITY\\NETWORK SERVICE", "NT AUTHORITY\\ANONYMOUS LOGON",
    };

    /// <summary>Whether an entity name may link alerts.</summary>
    /// <param name="kind">user, host or ip.</param>
    /// <param name="name">The name.</param>
    /// <returns>True when it may.</returns>
    public static bool Links(string kind, string name)
        => !(kind == "user" && (BuiltIn.Contains(name) || name.EndsWith('$') || name.StartsWith("NT AUTHORITY\\", StringComparison.OrdinalIgnoreCase) || name.StartsWith("NT SERVICE\\", StringComparison.OrdinalIgnoreCase)))
        && !(kind == "ip" && (name is "127.0.0.1" or "::1" or "0.0.0.0" or "-"));
}

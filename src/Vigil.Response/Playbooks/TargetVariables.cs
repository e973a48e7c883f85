namespace Vigil.Response.Playbooks;

/// <summary>The variables a step target may use, and how each is read from an alert.</summary>
internal static class TargetVariables
{
    private static readonly Dictionary<string, Func<ResponseAlert, string?>> Readers = new(StringComparer.Ordinal)
    {
        ["alert.id"] = a => a.Id,
        ["alert.detector"] = a => a.Detector,
        ["alert.host"] = a => a.Host,
        ["alert.user"] = a => a.User,
        ["alert.src_ip"] = a => a.SrcIp,
    };

    /// <summary>The known variable names, for error messages.</summary>
    public static string Known { get; } = string.Join(", ", Readers.Keys.Select(k => "${" + k + "}"));

    /// <summary>Whether a variable name is known.</summary>
    /// <param name="name">The name inside <c>${...}</c>, e.g. <c>alert.host</c>.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string name) => Readers.ContainsKey(name);

    /// <summary>The value of a variable for an alert.</summary>
    /// <param name="name">A known variable name.</param>
    /// <param name="alert">The alert.</param>
    /// <returns>The value, or null when the alert has none.</returns>
    public static string? Read(string name, ResponseAlert alert) => Readers[name](alert);
}

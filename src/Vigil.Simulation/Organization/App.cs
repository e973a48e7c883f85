namespace Vigil.Simulation.Organization;

/// <summary>A program people start on their workstation (a Sysmon process creation), and where it connects.</summary>
/// <param name="Key">A short key (<c>excel</c>).</param>
/// <param name="Path">The image path; <c>{user}</c> stands for the account name (per-user installs).</param>
/// <param name="Company">The file's company.</param>
/// <param name="Arguments">Arguments after the quoted image path, or null.</param>
/// <param name="ConnectsTo">An internal host name or an external service (<see cref="Internet"/>) it connects to, or null.</param>
/// <param name="Port">The destination port.</param>
internal sealed record App(string Key, string Path, string Company, string? Arguments = null, string? ConnectsTo = null, int Port = 443)
{
    /// <summary>The image path for a user.</summary>
    public string ImageFor(string user) => Path.Replace("{user}", user, StringComparison.Ordinal);

    /// <summary>The file name (<c>EXCEL.EXE</c>).</summary>
    public string FileName => Path[(Path.LastIndexOf('\\') + 1)..];

    /// <summary>The command line for a user.</summary>
    public string CommandLineFor(string user) => Arguments is null ? $"\"{ImageFor(user)}\"" : $"\"{ImageFor(user)}\" {Arguments}";
}

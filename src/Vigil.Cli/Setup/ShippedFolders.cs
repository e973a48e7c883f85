namespace Vigil.Cli.Setup;

/// <summary>Finds a folder Vigil ships (rules, models): beside the executable, else at the root of the repository holding it or the current folder.</summary>
internal static class ShippedFolders
{
    /// <summary>Finds a shipped folder.</summary>
    /// <param name="relativePath">The folder, relative to the executable or the repository root.</param>
    /// <returns>The folder, or null.</returns>
    public static string? Find(string relativePath)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, relativePath);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
                {
                    var candidate = Path.Combine(dir.FullName, relativePath);
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }
}

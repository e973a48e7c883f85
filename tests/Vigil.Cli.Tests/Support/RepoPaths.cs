namespace Vigil.Cli.Tests.Support;

/// <summary>The repository root (the folder holding Vigil.slnx) and the shared data beside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Repo(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Root.Value, "..", "shared", "data", .. parts]));
}

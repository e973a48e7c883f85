namespace Vigil.Ingest.Tests.Support;

/// <summary>Finds the shared sample data: <c>&lt;repo root&gt;/../shared/data</c>, the repo root being the folder holding Vigil.slnx.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Repo = new(FindRepoRoot);

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Gets the repository root (the folder holding Vigil.slnx).</summary>
    public static string RepoRoot => Repo.Value;

    public static string Samples => System.IO.Path.Combine(Root.Value, "samples");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Samples, .. parts]);

    /// <summary>Gets a path under the shared data folder (for example <c>ocsf/classes.tsv</c>).</summary>
    public static string DataPath(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(Repo.Value, "..", "shared", "data"));
        Directory.Exists(data).ShouldBeTrue($"shared sample data expected at {data}");
        return data;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}

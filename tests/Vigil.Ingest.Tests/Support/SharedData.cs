namespace Vigil.Ingest.Tests.Support;

/// <summary>Finds the shared sample data: <c>&lt;repo root&gt;/../shared/data</c>, the repo root being the folder holding Vigil.slnx.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Samples => System.IO.Path.Combine(Root.Value, "samples");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Samples, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
                Directory.Exists(data).ShouldBeTrue($"shared sample data expected at {data}");
                return data;
            }
        }

        throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}

using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Enrichment;

/// <summary>Writes context files into a temporary folder and loads them.</summary>
internal static class ContextFolder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    public static ContextLoadResult Load(TempDirectory dir, ContextOptions? options = null)
        => OrganizationContext.Load(dir.Path, options ?? new ContextOptions { TimeProvider = new FixedTime(Now) });

    public static ContextLoadResult Load(params (string Name, string Text)[] files)
    {
        using var dir = new TempDirectory();
        foreach (var (name, text) in files)
        {
            dir.Write(name, text);
        }

        return Load(dir);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

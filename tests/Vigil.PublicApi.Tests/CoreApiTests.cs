using PublicApiGenerator;
using Vigil.Core.Events;

namespace Vigil.PublicApi.Tests;

/// <summary>
/// Locks the public surface of Vigil.Core: any change shows up as a difference with Vigil.Core.approved.txt.
/// To accept an intended change, copy the received file written beside the approved one over it, and review.
/// </summary>
public sealed class CoreApiTests
{
    [Fact]
    public void CorePublicApi_MatchesApprovedFile()
    {
        var actual = Normalize(typeof(EventRecord).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        var approvedPath = Path.Combine(ProjectFolder(), "Vigil.Core.approved.txt");
        File.Exists(approvedPath).ShouldBeTrue($"{approvedPath} is missing");
        var approved = Normalize(File.ReadAllText(approvedPath));
        if (!string.Equals(approved, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(ProjectFolder(), "Vigil.Core.received.txt"), actual);
        }

        actual.ShouldBe(approved, "the public API of Vigil.Core changed; review Vigil.Core.received.txt and approve it if intended");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Vigil.PublicApi.Tests");
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}

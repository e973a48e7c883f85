using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Vigil.Cli.Tests.Support;

/// <summary>
/// Compares text with <c>Approved/&lt;name&gt;.approved.txt</c> beside the tests. When the file is missing it is
/// written from the actual text and the test fails, asking for a review; commit the file once it is right.
/// Line ends and trailing spaces are ignored.
/// </summary>
internal static partial class Approvals
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(FindProjectFolder(callerFile), "Approved");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var received = Normalize(actual);
        if (!File.Exists(approvedPath))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, received);
            Assert.Fail($"{approvedPath} did not exist and was created from the actual output: review it, then run the test again.");
        }

        var approved = Normalize(File.ReadAllText(approvedPath));
        if (!string.Equals(approved, received, StringComparison.Ordinal))
        {
            var receivedPath = Path.Combine(folder, name + ".received.txt");
            File.WriteAllText(receivedPath, received);
            Assert.Fail(
                $"The output differs from {approvedPath}.\nIf the change is intended, review {receivedPath} and copy it over the approved file.\n"
                + $"--- approved\n{approved}\n--- received\n{received}");
        }
    }

    private static string Normalize(string text)
        => TrailingSpace().Replace(text.ReplaceLineEndings("\n"), string.Empty).TrimEnd('\n') + "\n";

    private static string FindProjectFolder(string callerFile)
    {
        for (var dir = Path.GetDirectoryName(callerFile); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Vigil.Cli.Tests.csproj")))
            {
                return dir;
            }
        }

        // Deterministic CI builds (ContinuousIntegrationBuild) map source paths to /_/: find the repository instead.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Vigil.Cli.Tests");
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")) && File.Exists(Path.Combine(candidate, "Vigil.Cli.Tests.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Vigil.Cli.Tests.csproj not found above {callerFile} nor above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("[ \t]+(?=\n)")]
    private static partial Regex TrailingSpace();
}

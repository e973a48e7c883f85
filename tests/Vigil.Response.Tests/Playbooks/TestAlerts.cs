using Vigil.Response.Playbooks;

namespace Vigil.Response.Tests.Playbooks;

internal static class TestAlerts
{
    public static ResponseAlert Alert(
        string detector = "rule:proc-creation-mimikatz",
        ResponseSeverity severity = ResponseSeverity.High,
        double confidence = 0.95,
        string[]? techniques = null,
        string? host = "ws-042",
        string? user = "CORP\\jdoe",
        string? srcIp = "10.0.0.7",
        AssetCriticality? criticality = AssetCriticality.Medium,
        string[]? tags = null)
        => new(
            "A-1",
            detector,
            severity,
            confidence,
            techniques ?? ["T1003.001"],
            host,
            user,
            srcIp,
            criticality,
            tags ?? ["workstation"],
            new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));

    /// <summary>The repository root, where the shipped examples live in playbooks/ and policy/ (found from the test binaries: CI maps source paths).</summary>
    public static string ExamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (Vigil.slnx) is not above " + AppContext.BaseDirectory);
    }
}

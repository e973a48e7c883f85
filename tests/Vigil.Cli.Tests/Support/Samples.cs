using System.Text.Json;

namespace Vigil.Cli.Tests.Support;

/// <summary>Small Sigma rules and Sysmon-style JSON events for end-to-end tests.</summary>
internal static class Samples
{
    public const string WhoamiId = "a7b1c3d5-0001-4000-8000-000000000001";
    public const string EncodedPowershellId = "a7b1c3d5-0002-4000-8000-000000000002";
    public const string NetUserId = "a7b1c3d5-0003-4000-8000-000000000003";

    /// <summary>A process-creation rule on <c>Image|endswith</c>.</summary>
    public static string ProcessRule(
        string id, string title, string imageEndsWith, string level = "medium", string status = "test", params string[] tags)
    {
        var tagLines = tags.Length == 0 ? string.Empty : "tags:\n" + string.Concat(tags.Select(t => $"  - {t}\n"));
        return $"""
            title: {Quote(title)}
            id: {id}
            status: {status}
            level: {level}
            {tagLines}logsource:
              product: windows
              category: process_creation
            detection:
              selection:
                Image|endswith: {Quote(imageEndsWith)}
              condition: selection

            """;
    }

    /// <summary>The whoami rule: medium, test, discovery / T1033.</summary>
    public static string WhoamiRule() => ProcessRule(WhoamiId, "Whoami Execution", "\\whoami.exe", "medium", "test", "attack.discovery", "attack.t1033");

    /// <summary>A Sysmon event 1 (process creation) as one JSON line.</summary>
    public static string ProcessEvent(string image, string commandLine = "", string user = "CORP\\alice", string time = "2024-05-01T10:00:00Z")
        => JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["@timestamp"] = time,
            ["Channel"] = "Microsoft-Windows-Sysmon/Operational",
            ["EventID"] = 1,
            ["Computer"] = "ws01.corp.example",
            ["Image"] = image,
            ["CommandLine"] = commandLine,
            ["User"] = user,
        });

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

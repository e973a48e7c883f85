using System.Text.Json;
using Vigil.Core.Events;

namespace Vigil.Benchmarks;

/// <summary>Locates the repository and the shared data beside it, and loads sample events.</summary>
internal static class BenchData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string WindowsJson => Path.Combine(SharedData, "samples", "windows-json");

    /// <summary>The SigmaHQ folders the measurement uses: rules, rules-emerging-threats, rules-threat-hunting.</summary>
    public static string[] FullRuleSet =>
    [
        Path.Combine(SharedData, "sigma", "rules"),
        Path.Combine(SharedData, "sigma", "rules-emerging-threats"),
        Path.Combine(SharedData, "sigma", "rules-threat-hunting"),
    ];

    public static List<byte[]> WindowsEventLines()
    {
        var lines = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(WindowsJson, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add(System.Text.Encoding.UTF8.GetBytes(line));
                }
            }
        }

        return lines;
    }

    /// <summary>Flattens one JSON object into a record (top-level fields; nested objects dotted).</summary>
    public static void Fill(EventRecord record, EventSchema schema, byte[] json)
    {
        record.Reset(schema);
        using var doc = JsonDocument.Parse(json);
        Add(record, string.Empty, doc.RootElement);
    }

    private static void Add(EventRecord record, string prefix, JsonElement element)
    {
        foreach (var p in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Add(record, name, p.Value);
                    break;
                case JsonValueKind.String:
                    record.Add(name, p.Value.GetString());
                    break;
                case JsonValueKind.Null:
                    record.Add(name, string.Empty, FieldValueKind.Null);
                    break;
                default:
                    record.Add(name, p.Value.GetRawText(), FieldValueKind.Number);
                    break;
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

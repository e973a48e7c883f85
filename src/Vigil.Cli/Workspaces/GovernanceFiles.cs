using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Cli.Workspaces;

/// <summary>
/// Checks a workspace's <c>owners.yaml</c> (who owns which detection content and how often it is reviewed) and
/// <c>pilot.yaml</c> (the pilot's dates, its measured baseline and its exit criteria). Every problem names the file, line
/// and column. Nothing reads these files yet beyond validation; delivery metrics and drift reports will.
/// </summary>
internal static class GovernanceFiles
{
    /// <summary>The owners file name.</summary>
    public const string OwnersFile = "owners.yaml";

    /// <summary>The pilot plan file name.</summary>
    public const string PilotFile = "pilot.yaml";

    private static readonly string[] Reviews = ["weekly", "monthly", "quarterly", "yearly"];
    private static readonly string[] Metrics = ["mttd_hours", "mtta_hours", "mttr_hours", "false_positive_rate", "automation_rate", "analyst_alerts_per_day"];

    /// <summary>Checks the owners file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Receives the problems.</param>
    /// <returns>The number of owner entries.</returns>
    public static int CheckOwners(string path, List<string> problems)
    {
        var root = Load(path, problems);
        if (root is null)
        {
            return 0;
        }

        Known(root, path, problems, "owners");
        if (!root.Children.TryGetValue(new YamlScalarNode("owners"), out var list) || list is not YamlSequenceNode entries)
        {
            problems.Add(At(path, root, "an 'owners' list is required"));
            return 0;
        }

        foreach (var entry in entries)
        {
            if (entry is not YamlMappingNode map)
            {
                problems.Add(At(path, entry, "each owner entry is a map with match, owner, review (and contact)"));
                continue;
            }

            Known(map, path, problems, "match", "owner", "contact", "review");
            var match = Text(map, "match");
            if (string.IsNullOrWhiteSpace(match) || !(match.StartsWith("rule:", StringComparison.Ordinal) || match.StartsWith("model:", StringComparison.Ordinal)))
            {
                problems.Add(At(path, map, "'match' is required: rule:<id or title, * allowed> or model:<name, * allowed>"));
            }

            if (string.IsNullOrWhiteSpace(Text(map, "owner")))
            {
                problems.Add(At(path, map, "'owner' is required (a team or a person)"));
            }

            if (Text(map, "review") is not { } review || !Reviews.Contains(review, StringComparer.Ordinal))
            {
                problems.Add(At(path, map, $"'review' is required: one of {string.Join(", ", Reviews)}"));
            }
        }

        return entries.Children.Count;
    }

    /// <summary>Checks the pilot plan.</summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Receives the problems.</param>
    /// <returns>The number of exit criteria.</returns>
    public static int CheckPilot(string path, List<string> problems)
    {
        var root = Load(path, problems);
        if (root is null)
        {
            return 0;
        }

        Known(root, path, problems, "name", "owner", "start", "end", "baseline", "targets");
        if (string.IsNullOrWhiteSpace(Text(root, "name")))
        {
            problems.Add(At(path, root, "'name' is required"));
        }

        var start = Date(root, "start", path, problems);
        var end = Date(root, "end", path, problems);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(At(path, root.Children[new YamlScalarNode("end")], "'end' must be after 'start'"));
        }

        Measures(root, "baseline", path, problems, required: false);
        return Measures(root, "targets", path, problems, required: true);
    }

    private static int Measures(YamlMappingNode root, string key, string path, List<string> problems, bool required)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required)
            {
                problems.Add(At(path, root, $"'{key}' is required: the exit criteria ({string.Join(", ", Metrics)})"));
            }

            return 0;
        }

        if (node is not YamlMappingNode map)
        {
            problems.Add(At(path, node, $"'{key}' is a map of {string.Join(", ", Metrics)} to numbers"));
            return 0;
        }

        Known(map, path, problems, Metrics);
        foreach (var (name, value) in map.Children)
        {
            if (name is not YamlScalarNode { Value: { } metric } || !Metrics.Contains(metric, StringComparer.Ordinal))
            {
                continue;
            }

            if (value is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                problems.Add(At(path, value, $"'{key}.{metric}' must be a number of at least 0"));
            }
            else if (metric.EndsWith("_rate", StringComparison.Ordinal) && number > 1)
            {
                problems.Add(At(path, value, $"'{key}.{metric}' is a rate between 0 and 1"));
            }
        }

        return map.Children.Count;
    }

    private static DateOnly? Date(YamlMappingNode map, string key, string path, List<string> problems)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            problems.Add(At(path, map, $"'{key}' is required (a date, YYYY-MM-DD)"));
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(At(path, node, $"'{key}' must be a date, YYYY-MM-DD"));
        return null;
    }

    private static YamlMappingNode? Load(string path, List<string> problems)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(path)))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }

            problems.Add($"{Path.GetFileName(path)}(1,1): the file must hold one YAML map");
        }
        catch (YamlException ex)
        {
            problems.Add($"{Path.GetFileName(path)}({ex.Start.Line},{ex.Start.Column}): not valid YAML: {ex.Message}");
        }
        catch (IOException ex)
        {
            problems.Add($"{Path.GetFileName(path)}: cannot read: {ex.Message}");
        }

        return null;
    }

    private static void Known(YamlMappingNode map, string path, List<string> problems, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(At(path, key, $"unknown key '{(key as YamlScalarNode)?.Value}'; known: {string.Join(", ", keys)}"));
            }
        }
    }

    private static string? Text(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static string At(string path, YamlNode node, string reason)
        => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}({node.Start.Line},{node.Start.Column}): {reason}");
}

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Response.Playbooks;

/// <summary>
/// Reads playbooks from YAML. A file holds either one playbook (a map with <c>name</c>, <c>trigger</c>, <c>steps</c>...) or a
/// <c>playbooks:</c> list of them. Every problem is reported as <c>file(line,col): reason</c>; a broken playbook is skipped and
/// the others load. A playbook whose name is already taken is skipped.
/// </summary>
internal static partial class PlaybookLoader
{
    private static readonly string[] PlaybookKeys = ["name", "description", "enabled", "trigger", "steps"];
    private static readonly string[] TriggerKeys = ["detectors", "techniques", "min_severity", "min_confidence", "entity_tags"];
    private static readonly string[] StepKeys = ["id", "action", "target", "when", "with", "undo", "irreversible"];
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file of a folder and its subfolders (README files are not YAML and are ignored).</summary>
    /// <param name="directory">The workspace's <c>playbooks/</c> folder.</param>
    /// <returns>The playbooks and the problems.</returns>
    public static PlaybookSet LoadDirectory(string directory)
    {
        var errors = new List<ResponseError>();
        var playbooks = new List<Playbook>();
        if (!Directory.Exists(directory))
        {
            return new PlaybookSet(playbooks, errors);
        }

        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.Combine(ResponseConstants.PlaybooksFolder, Path.GetRelativePath(directory, path)).Replace('\\', '/');
            var root = ResponseYaml.LoadFile(path, file, errors);
            if (root is not null)
            {
                Read(root, file, playbooks, errors);
            }
        }

        return new PlaybookSet(playbooks, errors);
    }

    /// <summary>Parses playbooks from YAML text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name shown in errors.</param>
    /// <returns>The playbooks and the problems.</returns>
    public static PlaybookSet Parse(string text, string file)
    {
        var errors = new List<ResponseError>();
        var playbooks = new List<Playbook>();
        var root = ResponseYaml.Load(text, file, errors);
        if (root is not null)
        {
            Read(root, file, playbooks, errors);
        }

        return new PlaybookSet(playbooks, errors);
    }

    private static void Read(YamlMappingNode root, string file, List<Playbook> playbooks, List<ResponseError> errors)
    {
        if (ResponseYaml.Get(root, "playbooks") is not { } list)
        {
            Add(ReadPlaybook(root, file, errors), playbooks, errors);
            return;
        }

        ResponseYaml.Known(root, file, errors, "playbooks");
        if (list is not YamlSequenceNode items)
        {
            errors.Add(ResponseYaml.At(file, list, "'playbooks' must be a list of playbooks"));
            return;
        }

        foreach (var item in items)
        {
            if (item is YamlMappingNode map)
            {
                Add(ReadPlaybook(map, file, errors), playbooks, errors);
            }
            else
            {
                errors.Add(ResponseYaml.At(file, item, "each playbook is a map with name, description, enabled, trigger and steps"));
            }
        }
    }

    private static void Add((Playbook? Playbook, YamlNode? NameNode) read, List<Playbook> playbooks, List<ResponseError> errors)
    {
        if (read.Playbook is not { } playbook)
        {
            return;
        }

        if (playbooks.Find(p => string.Equals(p.Name, playbook.Name, StringComparison.Ordinal)) is { } first)
        {
            errors.Add(ResponseYaml.At(playbook.File, read.NameNode!, $"duplicate playbook name '{playbook.Name}' (first in {first.File} line {first.Line}); this one is skipped"));
            return;
        }

        playbooks.Add(playbook);
    }

    private static (Playbook?, YamlNode?) ReadPlaybook(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var before = errors.Count;
        ResponseYaml.Known(map, file, errors, PlaybookKeys);
        var name = ResponseYaml.Text(map, "name", file, errors, required: true);
        var description = ResponseYaml.Text(map, "description", file, errors, required: false) ?? string.Empty;
        var enabled = ResponseYaml.Get(map, "enabled") is { } enabledNode ? ResponseYaml.Bool(enabledNode, "enabled", file, errors) : true;
        var trigger = ResponseYaml.Get(map, "trigger") is { } triggerNode ? ReadTrigger(triggerNode, file, errors) : null;
        if (trigger is null && ResponseYaml.Get(map, "trigger") is null)
        {
            errors.Add(ResponseYaml.At(file, map, "'trigger' is required"));
        }

        var steps = ReadSteps(map, file, errors);
        if (errors.Count > before || name is null || trigger is null || steps is null || enabled is null)
        {
            errors.Add(ResponseYaml.At(file, map, $"playbook '{name ?? "(no name)"}' is skipped because of the errors above"));
            return (null, null);
        }

        return (new Playbook(name, description, enabled.Value, trigger, steps, file, (int)map.Start.Line), ResponseYaml.Get(map, "name"));
    }

    private static PlaybookTrigger? ReadTrigger(YamlNode node, string file, List<ResponseError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(ResponseYaml.At(file, node, "'trigger' must be a map of " + string.Join(", ", TriggerKeys)));
            return null;
        }

        var before = errors.Count;
        ResponseYaml.Known(map, file, errors, TriggerKeys);
        if (map.Children.Count == 0)
        {
            errors.Add(ResponseYaml.At(file, map, "'trigger' needs at least one condition; a playbook never runs on every alert by accident"));
        }

        var detectors = List(map, "detectors", file, errors);
        foreach (var detector in detectors)
        {
            if (!detector.Value!.StartsWith("rule:", StringComparison.Ordinal) && !detector.Value.StartsWith("model:", StringComparison.Ordinal))
            {
                errors.Add(ResponseYaml.At(file, detector, $"detector '{detector.Value}' must start with rule: or model: (globs * and ? allowed)"));
            }
        }

        var techniques = List(map, "techniques", file, errors);
        foreach (var technique in techniques.Where(t => !TechniqueId().IsMatch(t.Value!)))
        {
            errors.Add(ResponseYaml.At(file, technique, $"'{technique.Value}' is not an ATT&CK technique id (T1234 or T1234.001)"));
        }

        ResponseSeverity? minSeverity = null;
        if (ResponseYaml.Get(map, "min_severity") is { } severityNode)
        {
            var rank = severityNode is YamlScalarNode { Value: { } s } ? Array.IndexOf(Severities, s) : -1;
            if (rank < 0)
            {
                errors.Add(ResponseYaml.At(file, severityNode, "'min_severity' must be one of " + string.Join(", ", Severities)));
            }
            else
            {
                minSeverity = (ResponseSeverity)rank;
            }
        }

        var minConfidence = ResponseYaml.Get(map, "min_confidence") is { } c ? ResponseYaml.Fraction(c, "min_confidence", file, errors) : null;
        var tags = List(map, "entity_tags", file, errors);
        return errors.Count > before
            ? null
            : new PlaybookTrigger(Values(detectors), [.. Values(techniques).Select(t => t.ToUpperInvariant())], minSeverity, minConfidence, Values(tags));
    }

    private static List<PlaybookStep>? ReadSteps(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var node = ResponseYaml.Get(map, "steps");
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            errors.Add(ResponseYaml.At(file, node ?? map, "'steps' is required: a list of at least one step"));
            return null;
        }

        var steps = new List<PlaybookStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not YamlMappingNode stepMap)
            {
                errors.Add(ResponseYaml.At(file, item, "each step is a map with id, action, target (and when, with, undo, irreversible)"));
                continue;
            }

            var step = PlaybookStepReader.Read(stepMap, file, errors, StepKeys);
            if (step is not null && !ids.Add(step.Id))
            {
                errors.Add(ResponseYaml.At(file, ResponseYaml.Get(stepMap, "id")!, $"duplicate step id '{step.Id}'"));
            }

            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static IReadOnlyList<YamlScalarNode> List(YamlMappingNode map, string key, string file, List<ResponseError> errors)
        => ResponseYaml.Get(map, key) is { } node ? ResponseYaml.Items(node, key, file, errors) ?? [] : [];

    private static List<string> Values(IReadOnlyList<YamlScalarNode> nodes) => [.. nodes.Select(n => n.Value!)];

    [GeneratedRegex(@"^[Tt]\d{4}(\.\d{3})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TechniqueId();

    /// <summary>The column of a character inside a scalar (quoted scalars start one column later).</summary>
    /// <param name="node">The scalar.</param>
    /// <param name="offset">The 0-based offset in its value.</param>
    /// <returns>The 1-based column.</returns>
    internal static int ColumnOf(YamlScalarNode node, int offset)
        => (int)node.Start.Column + offset + (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0);
}

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Ingest.Normalization;

/// <summary>Reads and validates one normalization map file; every error names the file, line and column.</summary>
internal sealed partial class NormalizationMapParser
{
    private static readonly string[] RootKeys = ["source", "title", "priority", "match", "attributes", "classes", "note"];
    private static readonly string[] ClassKeys = ["when", "class", "activity", "status", "attributes", "note"];
    private static readonly string[] ClassNameKeys = ["uid", "name"];
    private static readonly string[] SpecKeys = ["field", "value", "template", "map", "default", "pattern", "present", "missing"];
    private static readonly string[] Statuses = ["Success", "Failure", "Unknown", "Other"];

    /// <summary>Attributes the normalizer sets itself; a map may not set them.</summary>
    private static readonly string[] Reserved =
        ["class_uid", "class_name", "category_uid", "category_name", "activity_id", "type_uid", "status", "status_id", "metadata.source_type"];

    private readonly string _file;

    private NormalizationMapParser(string file)
    {
        _file = file;
    }

    /// <summary>Parses the YAML text of one map file.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="file">The file name for errors.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="NormalizationMapException">The file is not a valid map.</exception>
    public static SourceMapping Parse(string yaml, string file) => new NormalizationMapParser(file).ParseRoot(yaml);

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePath();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceId();

    private SourceMapping ParseRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new NormalizationMapException(_file, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new NormalizationMapException(_file, 1, 1, stream.Documents.Count == 0
                ? "the file is empty; expected a mapping with 'source', 'match' and 'classes'"
                : "expected one YAML document, found several");
        }

        var root = ExpectMapping(stream.Documents[0].RootNode, "the file");
        CheckKeys(root, RootKeys, "the file");
        var sourceNode = Require(root, "source", "the file");
        var source = ExpectText(sourceNode, "'source'");
        if (!SourceId().IsMatch(source))
        {
            throw Error(sourceNode, $"source id '{source}' must be lower case letters, digits, '-', '_' or '.'");
        }

        var title = OptionalText(root, "title") ?? source;
        var priority = 100;
        if (root.Children.TryGetValue(new YamlScalarNode("priority"), out var priorityNode)
            && !int.TryParse(ExpectText(priorityNode, "'priority'"), NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
        {
            throw Error(priorityNode, "'priority' must be a whole number");
        }

        var match = ParseConditions(Require(root, "match", "the file"), "'match'", allowEmpty: false);
        var attributes = root.Children.TryGetValue(new YamlScalarNode("attributes"), out var attributesNode)
            ? ParseAttributes(attributesNode, "'attributes'")
            : [];
        var classesNode = ExpectSequence(Require(root, "classes", "the file"), "'classes'");
        if (classesNode.Children.Count == 0)
        {
            throw Error(classesNode, "'classes' is empty; give at least one class");
        }

        var classes = new List<ClassMapping>();
        foreach (var item in classesNode.Children)
        {
            classes.Add(ParseClass(item, classes.Count + 1));
        }

        return new SourceMapping(source, title, priority, _file, match, attributes, classes);
    }

    private ClassMapping ParseClass(YamlNode node, int index)
    {
        var what = $"class entry {index}";
        var map = ExpectMapping(node, what);
        CheckKeys(map, ClassKeys, what);
        var when = map.Children.TryGetValue(new YamlScalarNode("when"), out var whenNode)
            ? ParseConditions(whenNode, $"'when' of {what}", allowEmpty: true)
            : [];
        var classNode = ExpectMapping(Require(map, "class", what), $"'class' of {what}");
        CheckKeys(classNode, ClassNameKeys, $"'class' of {what}");
        var uidNode = Require(classNode, "uid", $"'class' of {what}");
        if (!int.TryParse(ExpectText(uidNode, "'uid'"), NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || (uid != 0 && uid is < 1000 or > 99999))
        {
            throw Error(uidNode, "'uid' must be an OCSF class uid (category × 1000 + class, for example 3002 for Authentication; 0 for Base Event)");
        }

        var name = ExpectText(Require(classNode, "name", $"'class' of {what}"), "'name'");
        var activity = map.Children.TryGetValue(new YamlScalarNode("activity"), out var activityNode)
            ? ParseSpec(activityNode, $"'activity' of {what}")
            : null;
        if (activity is ConstantValueSpec constant && !int.TryParse(constant.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Error(activityNode!, $"'activity' of {what} must be an OCSF activity_id number, found '{constant.Value}'");
        }

        ValueSpec? status = null;
        if (map.Children.TryGetValue(new YamlScalarNode("status"), out var statusNode))
        {
            status = ParseSpec(statusNode, $"'status' of {what}");
            foreach (var produced in ProducedConstants(status))
            {
                if (Array.IndexOf(Statuses, produced) < 0)
                {
                    throw Error(statusNode, $"'status' of {what} can give '{produced}'; OCSF status is one of {string.Join(", ", Statuses)}");
                }
            }
        }

        var attributes = map.Children.TryGetValue(new YamlScalarNode("attributes"), out var attributesNode)
            ? ParseAttributes(attributesNode, $"'attributes' of {what}")
            : [];
        return new ClassMapping(when, uid, name, activity, status, attributes);
    }

    private static IEnumerable<string> ProducedConstants(ValueSpec spec) => spec switch
    {
        ConstantValueSpec c => [c.Value],
        MappedValueSpec m => m.Default is null ? m.Produced : [.. m.Produced, m.Default],
        PresenceValueSpec p => [.. ProducedConstants(p.Input), .. new[] { p.Present, p.Missing }.OfType<string>()],
        _ => [],
    };

    private List<MapCondition> ParseConditions(YamlNode node, string what, bool allowEmpty)
    {
        var map = ExpectMapping(node, what);
        if (map.Children.Count == 0 && !allowEmpty)
        {
            throw Error(map, $"{what} is empty; give at least one condition");
        }

        var conditions = new List<MapCondition>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var field = ExpectText(keyNode, $"a field name in {what}");
            if (!seen.Add(field))
            {
                throw Error(keyNode, $"field '{field}' appears twice in {what} (names ignore case)");
            }

            conditions.Add(new MapCondition(field, ParseValues(valueNode, field, what)));
        }

        return conditions;
    }

    private string[] ParseValues(YamlNode node, string field, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            var text = ExpectText(scalar, $"the value of '{field}' in {what}");
            return text == "*" ? [] : [text];
        }

        var sequence = ExpectSequence(node, $"the values of '{field}' in {what}");
        if (sequence.Children.Count == 0)
        {
            throw Error(sequence, $"'{field}' in {what} lists no values; use '*' to ask only that the field exists");
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            var text = ExpectText(item, $"a value of '{field}' in {what}");
            if (text == "*")
            {
                throw Error(item, $"'*' must stand alone as the value of '{field}', not inside a list");
            }

            values.Add(text);
        }

        return [.. values];
    }

    private List<AttributeMapping> ParseAttributes(YamlNode node, string what)
    {
        var map = ExpectMapping(node, what);
        var attributes = new List<AttributeMapping>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var path = ExpectText(keyNode, $"an attribute path in {what}");
            if (!AttributePath().IsMatch(path))
            {
                throw Error(keyNode, $"attribute path '{path}' must be dotted lower-case names (for example actor.user.name)");
            }

            if (Array.IndexOf(Reserved, path) >= 0)
            {
                throw Error(keyNode, $"attribute '{path}' is set by the normalizer from 'class', 'activity' and 'status'; remove it");
            }

            if (!seen.Add(path))
            {
                throw Error(keyNode, $"attribute '{path}' is mapped twice in {what}");
            }

            foreach (var other in seen)
            {
                if (path.StartsWith(other + ".", StringComparison.Ordinal) || other.StartsWith(path + ".", StringComparison.Ordinal))
                {
                    throw Error(keyNode, $"attribute '{path}' and '{other}' cannot both be set: one is an object holding the other");
                }
            }

            attributes.Add(new AttributeMapping(path, ParseSpec(valueNode, $"attribute '{path}'")));
        }

        return attributes;
    }

    private ValueSpec ParseSpec(YamlNode node, string what)
    {
        var spec = ParseSpecCore(node, what);
        if (node is not YamlMappingNode map)
        {
            return spec;
        }

        var present = map.Children.TryGetValue(new YamlScalarNode("present"), out var presentNode)
            ? ExpectText(presentNode, $"'present' of {what}")
            : null;
        var missing = map.Children.TryGetValue(new YamlScalarNode("missing"), out var missingNode)
            ? ExpectText(missingNode, $"'missing' of {what}")
            : null;
        if ((present is not null || missing is not null) && spec is ConstantValueSpec)
        {
            throw Error(map, $"{what}: 'present' and 'missing' do not apply to a constant 'value'");
        }

        if (present is not null && map.Children.ContainsKey(new YamlScalarNode("map")))
        {
            throw Error(map, $"{what}: give 'present' or 'map', not both");
        }

        return present is null && missing is null ? spec : new PresenceValueSpec(spec, present, missing);
    }

    private ValueSpec ParseSpecCore(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlScalarNode:
                return new FieldValueSpec([ExpectText(node, what)]);
            case YamlSequenceNode sequence:
                if (sequence.Children.Count == 0)
                {
                    throw Error(sequence, $"{what} lists no fields");
                }

                return new FieldValueSpec([.. sequence.Children.Select(c => ExpectText(c, $"a field name of {what}"))]);
        }

        var map = ExpectMapping(node, what);
        CheckKeys(map, SpecKeys, what);
        var has = (string key) => map.Children.ContainsKey(new YamlScalarNode(key));
        var sources = (has("field") ? 1 : 0) + (has("value") ? 1 : 0) + (has("template") ? 1 : 0);
        if (sources != 1)
        {
            throw Error(map, $"{what} needs exactly one of 'field', 'value' or 'template'");
        }

        if (has("value"))
        {
            if (has("map") || has("pattern") || has("default"))
            {
                throw Error(map, $"{what}: 'value' is a constant; 'map', 'default' and 'pattern' do not apply to it");
            }

            return new ConstantValueSpec(ExpectText(map.Children[new YamlScalarNode("value")], $"'value' of {what}"));
        }

        ValueSpec input;
        if (has("template"))
        {
            var templateNode = map.Children[new YamlScalarNode("template")];
            var template = ExpectText(templateNode, $"'template' of {what}");
            input = new TemplateValueSpec(template, TemplateValueSpec.Split(template, out var templateError)
                ?? throw Error(templateNode, $"{what}: {templateError}"));
        }
        else
        {
            var fieldNode = map.Children[new YamlScalarNode("field")];
            input = fieldNode is YamlSequenceNode fields
                ? new FieldValueSpec([.. fields.Children.Select(c => ExpectText(c, $"a field name of {what}"))])
                : new FieldValueSpec([ExpectText(fieldNode, $"'field' of {what}")]);
        }

        if (has("pattern"))
        {
            var patternNode = map.Children[new YamlScalarNode("pattern")];
            var pattern = ExpectText(patternNode, $"'pattern' of {what}");
            var regex = PatternValueSpec.Compile(pattern, out var patternError) ?? throw Error(patternNode, $"{what}: {patternError}");
            input = new PatternValueSpec(input, pattern, regex);
        }

        string? fallback = null;
        if (has("default"))
        {
            if (!has("map"))
            {
                throw Error(map, $"{what}: 'default' applies only with 'map'");
            }

            fallback = ExpectText(map.Children[new YamlScalarNode("default")], $"'default' of {what}");
        }

        if (!has("map"))
        {
            return input;
        }

        var tableNode = ExpectMapping(map.Children[new YamlScalarNode("map")], $"'map' of {what}");
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in tableNode.Children)
        {
            var key = ExpectText(keyNode, $"a key of 'map' of {what}");
            if (!table.TryAdd(key, ExpectText(valueNode, $"the value for '{key}' in 'map' of {what}")))
            {
                throw Error(keyNode, $"'{key}' appears twice in 'map' of {what} (keys ignore case)");
            }
        }

        if (table.Count == 0)
        {
            throw Error(tableNode, $"'map' of {what} is empty");
        }

        return new MappedValueSpec(input, table, fallback);
    }

    private YamlMappingNode ExpectMapping(YamlNode node, string what)
        => node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value), found {Describe(node)}");

    private YamlSequenceNode ExpectSequence(YamlNode node, string what)
        => node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list, found {Describe(node)}");

    private string ExpectText(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, $"{what} must be a single value, found {Describe(node)}");
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            throw Error(node, $"{what} is empty");
        }

        return scalar.Value.Trim();
    }

    private string? OptionalText(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ExpectText(node, $"'{key}'") : null;

    private YamlNode Require(YamlMappingNode map, string key, string what)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : throw Error(map, $"{what} lacks the key '{key}'");

    private void CheckKeys(YamlMappingNode map, string[] allowed, string what)
    {
        foreach (var keyNode in map.Children.Keys)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || Array.IndexOf(allowed, key) < 0)
            {
                throw Error(keyNode, $"unknown key '{key ?? Describe(keyNode)}' in {what} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private static bool IsNull(YamlScalarNode scalar)
        => scalar.Value is null
            || (scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL"));

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"the value '{s.Value}'",
        _ => "an unsupported node",
    };

    private NormalizationMapException Error(YamlNode node, string reason)
        => new(_file, (int)node.Start.Line, (int)node.Start.Column, reason);
}

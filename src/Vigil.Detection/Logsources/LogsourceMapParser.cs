using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Logsources;

/// <summary>Reads and validates the YAML of a logsource map; every error names the line and column.</summary>
internal sealed class LogsourceMapParser
{
    private static readonly string[] RootKeys = ["logsources"];
    private static readonly string[] DefinitionKeys = ["product", "category", "service", "variants", "note"];
    private static readonly string[] VariantKeys = ["name", "conditions", "fields", "note"];

    private readonly string _sourceName;
    private readonly List<LogsourceDefinition> _definitions = [];
    private int _nextId;

    private LogsourceMapParser(string sourceName)
    {
        _sourceName = sourceName;
    }

    /// <summary>Parses <paramref name="yaml"/> into definitions whose variants have dense ids in file order.</summary>
    public static List<LogsourceDefinition> Parse(string yaml, string sourceName)
    {
        var parser = new LogsourceMapParser(sourceName);
        parser.ParseDocument(parser.LoadRoot(yaml));
        return parser._definitions;
    }

    private YamlNode LoadRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new LogsourceMapException(_sourceName, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new LogsourceMapException(_sourceName, 1, 1, "the file is empty; expected a mapping with the key 'logsources'");
        }

        if (stream.Documents.Count > 1)
        {
            throw Error(stream.Documents[1].RootNode, "expected one YAML document, found several");
        }

        return stream.Documents[0].RootNode;
    }

    private void ParseDocument(YamlNode root)
    {
        var map = ExpectMapping(root, "the file");
        CheckKeys(map, RootKeys, "the file");
        var list = Require(map, "logsources", "the file");
        var sequence = ExpectSequence(list, "'logsources'");
        if (sequence.Children.Count == 0)
        {
            throw Error(sequence, "'logsources' is empty");
        }

        foreach (var item in sequence.Children)
        {
            ParseDefinition(item);
        }
    }

    private void ParseDefinition(YamlNode node)
    {
        var map = ExpectMapping(node, "a logsources entry");
        CheckKeys(map, DefinitionKeys, "a logsources entry");
        var definition = new LogsourceDefinition(
            OptionalText(map, "product"),
            OptionalText(map, "category"),
            OptionalText(map, "service"));
        if (definition.Product is null && definition.Category is null && definition.Service is null)
        {
            throw Error(map, "a logsources entry needs at least one of 'product', 'category' or 'service'");
        }

        _ = OptionalText(map, "note");
        foreach (var other in _definitions)
        {
            if (other.SameKeys(definition))
            {
                throw Error(map, $"logsource {definition} is defined twice");
            }
        }

        var variants = ExpectSequence(Require(map, "variants", $"logsource {definition}"), $"'variants' of {definition}");
        if (variants.Children.Count == 0)
        {
            throw Error(variants, $"'variants' of {definition} is empty");
        }

        foreach (var item in variants.Children)
        {
            ParseVariant(item, definition);
        }

        _definitions.Add(definition);
    }

    private void ParseVariant(YamlNode node, LogsourceDefinition definition)
    {
        var map = ExpectMapping(node, $"a variant of {definition}");
        CheckKeys(map, VariantKeys, $"a variant of {definition}");
        var nameNode = Require(map, "name", $"a variant of {definition}");
        var name = ExpectText(nameNode, "'name'");
        foreach (var existing in definition.Variants)
        {
            if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(nameNode, $"variant name '{name}' is used twice in {definition}");
            }
        }

        var what = $"variant '{name}' of {definition}";
        var conditions = ParseConditions(Require(map, "conditions", what), what);
        var fields = map.Children.TryGetValue(new YamlScalarNode("fields"), out var fieldsNode)
            ? ParseFields(fieldsNode, what)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var note = OptionalText(map, "note");
        definition.Variants.Add(new LogsourceVariant(_nextId++, name, definition, conditions, fields, note));
    }

    private List<LogsourceCondition> ParseConditions(YamlNode node, string what)
    {
        var map = ExpectMapping(node, $"'conditions' of {what}");
        if (map.Children.Count == 0)
        {
            throw Error(map, $"'conditions' of {what} is empty; a variant needs at least one condition");
        }

        var conditions = new List<LogsourceCondition>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var field = ExpectText(keyNode, $"a condition field name of {what}");
            if (!seen.Add(field))
            {
                throw Error(keyNode, $"condition field '{field}' appears twice in {what} (names ignore case)");
            }

            conditions.Add(new LogsourceCondition(field, ParseValues(valueNode, field, what)));
        }

        return conditions;
    }

    private string[] ParseValues(YamlNode node, string field, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            var text = ExpectText(scalar, $"the value of condition '{field}'");
            return string.Equals(text, LogsourceConstants.AnyValue, StringComparison.Ordinal) ? [] : [text];
        }

        var sequence = ExpectSequence(node, $"the values of condition '{field}' in {what}");
        if (sequence.Children.Count == 0)
        {
            throw Error(sequence, $"condition '{field}' in {what} lists no values; use '*' to ask only that the field exists");
        }

        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            var text = ExpectText(item, $"a value of condition '{field}'");
            if (string.Equals(text, LogsourceConstants.AnyValue, StringComparison.Ordinal))
            {
                throw Error(item, $"'*' must stand alone as the value of condition '{field}', not inside a list");
            }

            if (seen.Add(text))
            {
                values.Add(text);
            }
        }

        return [.. values];
    }

    private Dictionary<string, string> ParseFields(YamlNode node, string what)
    {
        var map = ExpectMapping(node, $"'fields' of {what}");
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var sigmaField = ExpectText(keyNode, $"a Sigma field name in 'fields' of {what}");
            var eventField = ExpectText(valueNode, $"the event field for '{sigmaField}'");
            if (!fields.TryAdd(sigmaField, eventField))
            {
                throw Error(keyNode, $"field '{sigmaField}' is mapped twice in {what} (names ignore case)");
            }
        }

        return fields;
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
            || (scalar.Style == ScalarStyle.Plain
                && (scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL"));

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"the value '{s.Value}'",
        _ => "an unsupported node",
    };

    private LogsourceMapException Error(YamlNode node, string reason)
        => new(_sourceName, (int)node.Start.Line, (int)node.Start.Column, reason);
}

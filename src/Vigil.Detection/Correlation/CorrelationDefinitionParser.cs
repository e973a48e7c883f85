using System.Globalization;
using Vigil.Detection.Sigma.Parsing;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

/// <summary>Reads a <c>correlation</c> mapping into a <see cref="CorrelationDefinition"/>; every error names its construct and location.</summary>
internal static class CorrelationDefinitionParser
{
    private const string Section = "correlation";

    public static CorrelationDefinition Parse(YamlMappingNode map, string file)
    {
        var keys = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Scalar(keyNode, Section);
            if (!CorrelationConstants.SectionKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = string.Equals(key, "field", StringComparison.Ordinal) ? " ('field' belongs under 'condition')" : string.Empty;
                throw Error(keyNode, $"{Section}.{key}",
                    $"unknown key '{key}'{hint}; expected one of {string.Join(", ", CorrelationConstants.SectionKeys)}");
            }

            keys[key] = (keyNode, valueNode);
        }

        var type = ParseType(Required(keys, "type", map));
        var rules = ParseRules(Required(keys, "rules", map));
        var (span, spanText) = ParseTimespan(Required(keys, "timespan", map));
        var groupBy = keys.TryGetValue("group-by", out var g) ? StringList(g.Value, $"{Section}.group-by", allowEmpty: true) : [];
        var aliases = keys.TryGetValue("aliases", out var a) ? ParseAliases(a.Value, rules) : new(StringComparer.Ordinal);
        var generate = keys.TryGetValue("generate", out var gen) && ParseBool(gen.Value, $"{Section}.generate");

        CorrelationCondition? condition = null;
        if (keys.TryGetValue("condition", out var c))
        {
            condition = ParseCondition(c.Value, type);
        }
        else if (!CorrelationConstants.IsTemporal(type))
        {
            throw Error(map, $"{Section}.condition", $"'condition' is required for {CorrelationConstants.TypeName(type)}");
        }

        return new CorrelationDefinition
        {
            Type = type,
            Rules = rules,
            GroupBy = groupBy,
            Timespan = span,
            TimespanText = spanText,
            Condition = condition,
            Aliases = aliases.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal),
            Generate = generate,
            File = file,
            Line = (int)map.Start.Line,
            Column = (int)map.Start.Column,
        };
    }

    private static YamlNode Required(Dictionary<string, (YamlNode Key, YamlNode Value)> keys, string key, YamlMappingNode map)
        => keys.TryGetValue(key, out var entry) ? entry.Value : throw Error(map, $"{Section}.{key}", $"'{key}' is required");

    private static CorrelationType ParseType(YamlNode node)
    {
        var text = Scalar(node, $"{Section}.type");
        if (CorrelationConstants.TryParseType(text, out var type))
        {
            return type;
        }

        var known = string.Join(", ", Enum.GetValues<CorrelationType>().Select(CorrelationConstants.TypeName));
        throw Error(node, $"{Section}.type", $"unknown correlation type '{text}'; expected one of {known}");
    }

    private static List<string> ParseRules(YamlNode node)
    {
        var rules = StringList(node, $"{Section}.rules", allowEmpty: false);
        return rules;
    }

    private static (TimeSpan Span, string Text) ParseTimespan(YamlNode node)
    {
        const string construct = Section + ".timespan";
        var text = Scalar(node, construct);
        if (text.Length < 2)
        {
            throw Error(node, construct, $"'{text}' is not a timespan; write a number and a unit (s, m, h or d), such as 5m");
        }

        var unitTicks = text[^1] switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            _ => 0L,
        };
        if (unitTicks == 0)
        {
            throw Error(node, construct, $"'{text}' has unit '{text[^1]}'; the specification allows s, m, h and d (lowercase)");
        }

        var digits = text.AsSpan(0, text.Length - 1);
        if (!digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0
            && count <= TimeSpan.MaxValue.Ticks / unitTicks)
        {
            return (TimeSpan.FromTicks(count * unitTicks), text);
        }

        throw Error(node, construct, $"'{text}' is not a timespan; write a positive whole number and a unit, such as 5m");
    }

    private static CorrelationCondition ParseCondition(YamlNode node, CorrelationType type)
    {
        const string construct = Section + ".condition";
        if (node is not YamlMappingNode map)
        {
            throw Error(node, construct, "'condition' must be a mapping such as {gte: 10}");
        }

        var comparisons = new List<CorrelationComparison>();
        string? field = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Scalar(keyNode, construct);
            if (string.Equals(key, "field", StringComparison.Ordinal))
            {
                field = ParseField(valueNode);
                continue;
            }

            if (!CorrelationConstants.TryParseOperator(key, out var op))
            {
                throw Error(keyNode, $"{construct}.{key}", $"unknown condition key '{key}'; expected gt, gte, lt, lte, eq, neq or field");
            }

            var valueText = Scalar(valueNode, $"{construct}.{key}");
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var operand) || !double.IsFinite(operand))
            {
                throw Error(valueNode, $"{construct}.{key}", $"'{valueText}' is not a number");
            }

            comparisons.Add(new CorrelationComparison(op, operand));
        }

        if (comparisons.Count == 0)
        {
            throw Error(node, construct, "the condition has no operator; add one of gt, gte, lt, lte, eq or neq");
        }

        if (CorrelationConstants.NeedsField(type) && field is null)
        {
            throw Error(node, $"{construct}.field", $"{CorrelationConstants.TypeName(type)} needs 'field' in the condition");
        }

        if (!CorrelationConstants.NeedsField(type) && field is not null)
        {
            throw Error(node, $"{construct}.field", $"'field' is only used by the value_* types, not by {CorrelationConstants.TypeName(type)}");
        }

        return new CorrelationCondition(comparisons, field);
    }

    private static string ParseField(YamlNode node)
    {
        const string construct = Section + ".condition.field";
        if (node is YamlSequenceNode seq)
        {
            // The schema allows a list, but the specification does not say how several fields combine; one is accepted.
            if (seq.Children.Count != 1)
            {
                throw Error(node, construct, "exactly one field is supported (the specification does not define several)");
            }

            node = seq.Children[0];
        }

        var field = Scalar(node, construct);
        return field.Length > 0 ? field : throw Error(node, construct, "the field name is empty");
    }

    private static Dictionary<string, Dictionary<string, string>> ParseAliases(YamlNode node, List<string> rules)
    {
        const string construct = Section + ".aliases";
        if (node is not YamlMappingNode map)
        {
            throw Error(node, construct, "'aliases' must map alias names to {rule name: field}");
        }

        var aliases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (aliasNode, perRuleNode) in map.Children)
        {
            var alias = Scalar(aliasNode, construct);
            if (perRuleNode is not YamlMappingNode perRule || perRule.Children.Count == 0)
            {
                throw Error(perRuleNode, $"{construct}.{alias}", "an alias must map referenced rule names to field names");
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (ruleNode, fieldNode) in perRule.Children)
            {
                var rule = Scalar(ruleNode, $"{construct}.{alias}");
                if (!rules.Contains(rule, StringComparer.OrdinalIgnoreCase))
                {
                    throw Error(ruleNode, $"{construct}.{alias}.{rule}", $"rule '{rule}' is not listed in correlation.rules");
                }

                var field = Scalar(fieldNode, $"{construct}.{alias}.{rule}");
                fields[rule] = field.Length > 0 ? field : throw Error(fieldNode, $"{construct}.{alias}.{rule}", "the field name is empty");
            }

            aliases[alias] = fields;
        }

        return aliases;
    }

    private static bool ParseBool(YamlNode node, string construct)
    {
        var text = Scalar(node, construct);
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        throw Error(node, construct, $"'{text}' is not true or false");
    }

    private static List<string> StringList(YamlNode node, string construct, bool allowEmpty)
    {
        var items = new List<string>();
        if (node is YamlScalarNode single && !string.IsNullOrEmpty(single.Value))
        {
            items.Add(single.Value);
        }
        else if (node is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                var item = Scalar(seq.Children[i], $"{construct}[{i}]");
                if (item.Length == 0)
                {
                    throw Error(seq.Children[i], $"{construct}[{i}]", "the entry is empty");
                }

                if (items.Contains(item, StringComparer.Ordinal))
                {
                    throw Error(seq.Children[i], $"{construct}[{i}]", $"'{item}' is listed twice");
                }

                items.Add(item);
            }
        }
        else if (!(node is YamlScalarNode && allowEmpty))
        {
            throw Error(node, construct, "expected a list of names");
        }

        return items.Count > 0 || allowEmpty ? items : throw Error(node, construct, "the list is empty");
    }

    private static string Scalar(YamlNode node, string construct)
        => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error(node, construct, "expected a single value");

    private static SigmaRuleException Error(YamlNode node, string construct, string reason)
        => new((int)node.Start.Line, (int)node.Start.Column, construct, reason);
}

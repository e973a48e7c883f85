using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Parses a <c>detection</c> mapping into searches and a condition, validating every modifier and value.</summary>
internal sealed class DetectionParser
{
    /// <summary>Match timeout for regular expressions that need the backtracking engine.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly SigmaLoadOptions _options;
    private readonly string _file;
    private readonly List<RuleDiagnostic> _warnings;

    public DetectionParser(SigmaLoadOptions options, string file, List<RuleDiagnostic> warnings)
    {
        _options = options;
        _file = file;
        _warnings = warnings;
    }

    public SigmaDetection Parse(YamlMappingNode detection, string section)
    {
        var searches = new Dictionary<string, SearchIdentifier>(StringComparer.Ordinal);
        YamlNode? conditionNode = null;
        foreach (var (keyNode, valueNode) in detection.Children)
        {
            var key = KeyOf(keyNode, section);
            if (key == "condition")
            {
                conditionNode = valueNode;
                continue;
            }

            if (key == "timeframe")
            {
                _warnings.Add(Warn(keyNode, $"{section}.timeframe", "timeframe is Sigma v1 aggregation syntax and is ignored; use a correlation rule"));
                continue;
            }

            searches[key] = ParseSearch(key, valueNode, $"{section}.{key}");
        }

        if (conditionNode is null)
        {
            throw Fail(detection, $"{section}.condition", "the detection has no condition");
        }

        string conditionText;
        List<string> conditions = [];
        if (conditionNode is YamlScalarNode s)
        {
            conditions.Add(s.Value ?? string.Empty);
        }
        else if (conditionNode is YamlSequenceNode seq)
        {
            foreach (var item in seq)
            {
                conditions.Add(item is YamlScalarNode si ? si.Value ?? string.Empty : throw Fail(item, $"{section}.condition", "a condition list must hold strings"));
            }
        }
        else
        {
            throw Fail(conditionNode, $"{section}.condition", "the condition must be a string or a list of strings");
        }

        if (conditions.Count == 0)
        {
            throw Fail(conditionNode, $"{section}.condition", "the condition is empty");
        }

        conditionText = string.Join(" or ", conditions.Select(c => conditions.Count > 1 ? $"({c})" : c));
        var names = searches.Keys.ToList();
        var nodes = new List<ConditionNode>();
        foreach (var c in conditions)
        {
            try
            {
                nodes.Add(ConditionParser.Parse(c, names));
            }
            catch (FormatException ex)
            {
                throw Fail(conditionNode, $"{section}.condition", ex.Message);
            }
        }

        return new SigmaDetection
        {
            Searches = searches,
            Condition = nodes.Count == 1 ? nodes[0] : new ConditionOr(nodes),
            ConditionText = conditionText,
        };
    }

    private SearchIdentifier ParseSearch(string name, YamlNode node, string construct)
    {
        var alternatives = new List<IReadOnlyList<FieldPredicate>>();
        switch (node)
        {
            case YamlMappingNode map:
                alternatives.Add(ParseMap(map, construct));
                break;
            case YamlSequenceNode seq:
                var keywords = new List<YamlNode>();
                foreach (var item in seq)
                {
                    if (item is YamlMappingNode m)
                    {
                        alternatives.Add(ParseMap(m, construct));
                    }
                    else if (item is YamlScalarNode)
                    {
                        keywords.Add(item);
                    }
                    else
                    {
                        throw Fail(item, construct, "a search list may hold maps or keyword strings, not nested lists");
                    }
                }

                if (keywords.Count > 0)
                {
                    alternatives.Add([ParsePredicate(string.Empty, new YamlSequenceNode(keywords), seq, construct)]);
                }

                if (alternatives.Count == 0)
                {
                    throw Fail(node, construct, "the search is an empty list");
                }

                break;
            case YamlScalarNode scalar:
                alternatives.Add([ParsePredicate(string.Empty, scalar, scalar, construct)]);
                break;
            default:
                throw Fail(node, construct, "unsupported search shape");
        }

        return new SearchIdentifier { Name = name, Alternatives = alternatives };
    }

    private List<FieldPredicate> ParseMap(YamlMappingNode map, string construct)
    {
        var predicates = new List<FieldPredicate>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = KeyOf(keyNode, construct);
            predicates.Add(ParsePredicate(key, valueNode, keyNode, $"{construct}.{key}"));
        }

        if (predicates.Count == 0)
        {
            throw Fail(map, construct, "the search is an empty map");
        }

        return predicates;
    }

    private FieldPredicate ParsePredicate(string key, YamlNode valueNode, YamlNode keyNode, string construct)
    {
        var parts = key.Split('|');
        var field = parts[0].Length == 0 ? null : parts[0];
        var kind = PredicateKind.Pattern;
        var position = PatternPosition.Whole;
        var positionSet = false;
        bool all = false, cased = false, notEqual = false;
        var op = CompareOperator.Equal;
        var timePart = TimePart.None;
        var transforms = new List<string>();
        var reOptions = RegexOptions.None;

        for (var i = 1; i < parts.Length; i++)
        {
            var mod = parts[i].ToLowerInvariant();
            switch (mod)
            {
                case "contains" or "startswith" or "endswith":
                    if (positionSet)
                    {
                        throw Fail(keyNode, construct, $"modifier '{mod}' conflicts with an earlier contains/startswith/endswith");
                    }

                    positionSet = true;
                    position = mod switch
                    {
                        "contains" => PatternPosition.Contains,
                        "startswith" => PatternPosition.StartsWith,
                        _ => PatternPosition.EndsWith,
                    };
                    break;
                case "all":
                    all = true;
                    break;
                case "cased":
                    cased = true;
                    break;
                case "neq":
                    notEqual = true;
                    break;
                case "windash" or "base64" or "base64offset" or "utf16le" or "utf16be" or "utf16" or "wide" or "expand":
                    transforms.Add(mod);
                    break;
                case "re":
                    kind = SetKind(kind, PredicateKind.Regex, keyNode, construct, mod);
                    break;
                case "i" or "m" or "s":
                    if (kind != PredicateKind.Regex)
                    {
                        throw Fail(keyNode, construct, $"modifier '{mod}' is only valid after 're'");
                    }

                    reOptions |= mod switch { "i" => RegexOptions.IgnoreCase, "m" => RegexOptions.Multiline, _ => RegexOptions.Singleline };
                    break;
                case "cidr":
                    kind = SetKind(kind, PredicateKind.Cidr, keyNode, construct, mod);
                    break;
                case "gt" or "gte" or "lt" or "lte":
                    if (kind != PredicateKind.Time)
                    {
                        kind = SetKind(kind, PredicateKind.Compare, keyNode, construct, mod);
                    }

                    op = mod switch
                    {
                        "gt" => CompareOperator.Greater,
                        "gte" => CompareOperator.GreaterOrEqual,
                        "lt" => CompareOperator.Less,
                        _ => CompareOperator.LessOrEqual,
                    };
                    break;
                case "minute" or "hour" or "day" or "week" or "month" or "year":
                    kind = kind == PredicateKind.Compare ? PredicateKind.Time : SetKind(kind, PredicateKind.Time, keyNode, construct, mod);
                    timePart = Enum.Parse<TimePart>(mod, ignoreCase: true);
                    break;
                case "exists":
                    kind = SetKind(kind, PredicateKind.Exists, keyNode, construct, mod);
                    break;
                case "fieldref":
                    kind = SetKind(kind, PredicateKind.FieldRef, keyNode, construct, mod);
                    break;
                default:
                    throw Fail(keyNode, construct, $"unknown modifier '{parts[i]}'");
            }
        }

        if (field is null && kind is not PredicateKind.Pattern)
        {
            throw Fail(keyNode, construct, $"modifier of kind {kind} needs a field name");
        }

        if (positionSet && kind is not (PredicateKind.Pattern or PredicateKind.FieldRef))
        {
            throw Fail(keyNode, construct, $"contains/startswith/endswith cannot be combined with {kind.ToString().ToLowerInvariant()}");
        }

        if (transforms.Count > 0 && kind != PredicateKind.Pattern)
        {
            throw Fail(keyNode, construct, $"'{transforms[0]}' cannot be combined with {kind.ToString().ToLowerInvariant()}");
        }

        if (field is null && !positionSet)
        {
            position = PatternPosition.Contains;
        }

        var values = ScalarValues(valueNode, construct);
        if (values.Count == 0)
        {
            throw Fail(valueNode, construct, "the value list is empty");
        }

        if (all && values.Count == 1)
        {
            _warnings.Add(Warn(keyNode, construct, "'all' on a single value has no effect (the specification disallows it)"));
        }

        var common = new PredicateTemplate(field, key, keyNode, construct, all, cased, notEqual, position);
        return kind switch
        {
            PredicateKind.Pattern => BuildPattern(common, values, transforms),
            PredicateKind.Regex => BuildRegex(common, values, reOptions),
            PredicateKind.Cidr => BuildCidr(common, values),
            PredicateKind.Compare or PredicateKind.Time => BuildCompare(common, values, kind, op, timePart),
            PredicateKind.Exists => BuildExists(common, values),
            _ => BuildFieldRef(common, values),
        };
    }

    private static PredicateKind SetKind(PredicateKind current, PredicateKind next, YamlNode node, string construct, string mod)
    {
        if (current != PredicateKind.Pattern && current != next)
        {
            throw Fail(node, construct, $"modifier '{mod}' conflicts with {current.ToString().ToLowerInvariant()}");
        }

        return next;
    }

    private static List<(string? Value, YamlNode Node)> ScalarValues(YamlNode node, string construct)
    {
        var list = new List<(string?, YamlNode)>();
        if (node is YamlScalarNode s)
        {
            list.Add((ScalarValue(s), s));
        }
        else if (node is YamlSequenceNode seq)
        {
            foreach (var item in seq)
            {
                list.Add(item is YamlScalarNode si ? (ScalarValue(si), si) : throw Fail(item, construct, "values must be scalars (strings, numbers, booleans or null)"));
            }
        }
        else
        {
            throw Fail(node, construct, "a field's value must be a scalar or a list of scalars, not a map");
        }

        return list;
    }

    private static string? ScalarValue(YamlScalarNode s)
    {
        if (s.Style is ScalarStyle.Plain or ScalarStyle.Any && s.Value is null or "" or "null" or "Null" or "NULL" or "~")
        {
            return null;
        }

        return s.Value ?? string.Empty;
    }

    private FieldPredicate BuildPattern(PredicateTemplate t, List<(string? Value, YamlNode Node)> values, List<string> transforms)
    {
        var groups = new List<IReadOnlyList<string>>();
        var matchesNull = false;
        foreach (var (value, node) in values)
        {
            if (value is null)
            {
                if (t.Field is null)
                {
                    throw Fail(node, t.Construct, "a keyword cannot be null");
                }

                matchesNull = true;
                continue;
            }

            List<string> alternatives;
            try
            {
                alternatives = ApplyTransforms(SigmaPattern.Parse(value), transforms, node, t.Construct);
            }
            catch (FormatException ex)
            {
                throw Fail(node, t.Construct, ex.Message);
            }

            for (var i = 0; i < alternatives.Count; i++)
            {
                alternatives[i] = t.Position switch
                {
                    PatternPosition.Contains => SigmaPattern.AnyString + alternatives[i] + SigmaPattern.AnyString,
                    PatternPosition.StartsWith => alternatives[i] + SigmaPattern.AnyString,
                    PatternPosition.EndsWith => SigmaPattern.AnyString + alternatives[i],
                    _ => alternatives[i],
                };
            }

            groups.Add(alternatives);
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), All = t.All, Cased = t.Cased, NotEqual = t.NotEqual,
            Kind = PredicateKind.Pattern, Position = t.Position, Patterns = groups, MatchesNull = matchesNull,
        };
    }

    private List<string> ApplyTransforms(string pattern, List<string> transforms, YamlNode node, string construct)
    {
        var texts = new List<string> { pattern };
        List<byte[]>? bytes = null;
        foreach (var transform in transforms)
        {
            switch (transform)
            {
                case "windash":
                    RequireText(bytes, transform);
                    texts = [.. texts.SelectMany(ValueTransforms.Windash)];
                    break;
                case "expand":
                    RequireText(bytes, transform);
                    texts = [.. texts.SelectMany(x => Expand(x, node, construct))];
                    break;
                case "utf16le" or "utf16be" or "utf16" or "wide":
                    RequireText(bytes, transform);
                    RequireNoWildcards(texts, transform);
                    bytes = [.. texts.Select(x => ValueTransforms.Encode(x, transform))];
                    break;
                case "base64" or "base64offset":
                    if (bytes is null)
                    {
                        RequireNoWildcards(texts, transform);
                        bytes = [.. texts.Select(System.Text.Encoding.UTF8.GetBytes)];
                    }

                    texts = transform == "base64"
                        ? [.. bytes.Select(ValueTransforms.Base64)]
                        : [.. bytes.SelectMany(ValueTransforms.Base64Offset)];
                    bytes = null;
                    break;
                default:
                    throw new FormatException($"unknown transform '{transform}'");
            }

            if (texts.Count > ValueTransforms.MaxVariants)
            {
                throw new FormatException($"the value expands to more than {ValueTransforms.MaxVariants} variants");
            }
        }

        return bytes is null ? texts : [.. bytes.Select(ValueTransforms.Latin1)];
    }

    private static void RequireText(List<byte[]>? bytes, string transform)
    {
        if (bytes is not null)
        {
            throw new FormatException($"'{transform}' cannot follow an encoding modifier");
        }
    }

    private static void RequireNoWildcards(List<string> texts, string transform)
    {
        if (texts.Any(SigmaPattern.HasWildcards))
        {
            throw new FormatException($"a value with wildcards cannot be encoded with '{transform}' (escape * and ? with a backslash)");
        }
    }

    private List<string> Expand(string pattern, YamlNode node, string construct)
    {
        var start = pattern.IndexOf('%', StringComparison.Ordinal);
        var end = start < 0 ? -1 : pattern.IndexOf('%', start + 1);
        if (start < 0 || end < 0)
        {
            _warnings.Add(Warn(node, construct, $"'expand' on a value without a %placeholder%: '{SigmaPattern.Display(pattern)}'"));
            return [pattern];
        }

        var name = pattern[(start + 1)..end];
        if (!_options.Placeholders.TryGetValue(name, out var replacements))
        {
            _warnings.Add(Warn(node, construct, $"placeholder '%{name}%' has no values configured; this value never matches"));
            return [];
        }

        var results = new List<string>();
        foreach (var replacement in replacements)
        {
            var rest = Expand(pattern[(end + 1)..], node, construct);
            foreach (var tail in rest.Count == 0 && pattern.IndexOf('%', end + 1) < 0 ? [pattern[(end + 1)..]] : rest)
            {
                results.Add(pattern[..start] + SigmaPattern.Parse(replacement) + tail);
            }
        }

        return results;
    }

    private FieldPredicate BuildRegex(PredicateTemplate t, List<(string? Value, YamlNode Node)> values, RegexOptions reOptions)
    {
        var regexes = new List<SigmaRegex>();
        foreach (var (value, node) in values)
        {
            if (value is null)
            {
                throw Fail(node, t.Construct, "a regular expression cannot be null");
            }

            try
            {
                var regex = new SigmaRegex(value, reOptions);
                if (regex.NeedsBacktracking)
                {
                    _warnings.Add(Warn(node, t.Construct,
                        $"regex needs backtracking (backreference or lookaround); it runs with a {RegexTimeout.TotalMilliseconds} ms match timeout"));
                }

                regexes.Add(regex);
            }
            catch (ArgumentException ex)
            {
                throw Fail(node, t.Construct, $"invalid regular expression: {ex.Message}");
            }
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), All = t.All, NotEqual = t.NotEqual,
            Kind = PredicateKind.Regex, Regexes = regexes,
        };
    }

    private static FieldPredicate BuildCidr(PredicateTemplate t, List<(string? Value, YamlNode Node)> values)
    {
        var networks = new List<IPNetwork>();
        foreach (var (value, node) in values)
        {
            if (value is null || !IPNetwork.TryParse(value, out var network))
            {
                // IPNetwork.TryParse rejects host bits; accept them as the network they belong to.
                if (value is not null && TryParseLoose(value, out network))
                {
                    networks.Add(network);
                    continue;
                }

                throw Fail(node, t.Construct, $"'{value}' is not a CIDR network such as 10.0.0.0/8 or fe80::/10");
            }

            networks.Add(network);
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), All = t.All, NotEqual = t.NotEqual,
            Kind = PredicateKind.Cidr, Networks = networks,
        };
    }

    private static bool TryParseLoose(string value, out IPNetwork network)
    {
        network = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value.AsSpan(0, slash), out var address)
            || !int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > max)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    private static FieldPredicate BuildCompare(PredicateTemplate t, List<(string? Value, YamlNode Node)> values, PredicateKind kind, CompareOperator op, TimePart part)
    {
        var numbers = new List<double>();
        foreach (var (value, node) in values)
        {
            if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Fail(node, t.Construct, $"'{value}' is not a number");
            }

            numbers.Add(number);
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), All = t.All, NotEqual = t.NotEqual,
            Kind = kind, Operator = op, TimePart = part, Numbers = numbers,
        };
    }

    private static FieldPredicate BuildExists(PredicateTemplate t, List<(string? Value, YamlNode Node)> values)
    {
        if (values.Count != 1 || values[0].Value is not { } v || !bool.TryParse(v, out var exists))
        {
            throw Fail(values[0].Node, t.Construct, "'exists' takes one boolean value (true or false)");
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), Kind = PredicateKind.Exists, ExistsValue = exists,
        };
    }

    private static FieldPredicate BuildFieldRef(PredicateTemplate t, List<(string? Value, YamlNode Node)> values)
    {
        var refs = new List<string>();
        foreach (var (value, node) in values)
        {
            refs.Add(string.IsNullOrEmpty(value) ? throw Fail(node, t.Construct, "'fieldref' needs a field name") : value);
        }

        return new FieldPredicate
        {
            Field = t.Field, Key = t.Key, Line = Line(t.KeyNode), Column = Column(t.KeyNode), All = t.All, Cased = t.Cased, NotEqual = t.NotEqual,
            Kind = PredicateKind.FieldRef, Position = t.Position, ReferencedFields = refs,
        };
    }

    private static string KeyOf(YamlNode keyNode, string construct)
        => keyNode is YamlScalarNode { Value: { } value } ? value : throw Fail(keyNode, construct, "map keys must be strings");

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Column(YamlNode node) => (int)node.Start.Column;

    private static SigmaRuleException Fail(YamlNode node, string construct, string message)
        => new(Line(node), Column(node), construct, message);

    private RuleDiagnostic Warn(YamlNode node, string construct, string message)
        => new(_file, Line(node), Column(node), construct, message);

    private sealed record PredicateTemplate(
        string? Field, string Key, YamlNode KeyNode, string Construct, bool All, bool Cased, bool NotEqual, PatternPosition Position);
}

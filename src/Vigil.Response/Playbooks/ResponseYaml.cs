using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Vigil.Response.Playbooks;

/// <summary>
/// Reads playbook and decision-rights YAML into a node tree, with every problem as a <see cref="ResponseError"/>.
/// Hostile input is refused before the tree is built: files over <see cref="MaxBytes"/>, nesting deeper than
/// <see cref="MaxDepth"/>, more than <see cref="MaxNodes"/> nodes, and any alias (anchors are not needed here and
/// aliases are how YAML bombs are made).
/// </summary>
internal static class ResponseYaml
{
    /// <summary>The largest file read (1 MiB).</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>The deepest nesting of maps and lists accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most nodes accepted in one file.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Loads the root mapping of a file, or returns null after adding an error.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">The file name shown in errors.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The root mapping, or null.</returns>
    public static YamlMappingNode? LoadFile(string path, string file, List<ResponseError> errors)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                errors.Add(new(file, 0, 0, $"the file is larger than {MaxBytes / 1024} KiB; it is skipped"));
                return null;
            }

            return Load(File.ReadAllText(path), file, errors);
        }
        catch (IOException ex)
        {
            errors.Add(new(file, 0, 0, "cannot read the file: " + ex.Message));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new(file, 0, 0, "cannot read the file: " + ex.Message));
            return null;
        }
    }

    /// <summary>Loads the root mapping of YAML text, or returns null after adding an error.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name shown in errors.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The root mapping, or null.</returns>
    public static YamlMappingNode? Load(string text, string file, List<ResponseError> errors)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            errors.Add(new(file, 0, 0, $"the file is larger than {MaxBytes / 1024} KiB; it is skipped"));
            return null;
        }

        try
        {
            if (!Prescan(text, file, errors))
            {
                return null;
            }

            var stream = new YamlStream();
            using (var reader = new StringReader(text))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 0)
            {
                errors.Add(new(file, 0, 0, "the file is empty; it is skipped"));
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                errors.Add(At(file, stream.Documents[1].RootNode, "the file must hold one YAML document; it is skipped"));
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add(At(file, stream.Documents[0].RootNode, "the file must hold a mapping (key: value lines); it is skipped"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new(file, (int)ex.Start.Line, (int)ex.Start.Column, "invalid YAML: " + ex.Message + "; the file is skipped"));
            return null;
        }
    }

    /// <summary>Walks the event stream (no tree, no recursion) to refuse deep nesting, huge node counts and aliases.</summary>
    private static bool Prescan(string text, string file, List<ResponseError> errors)
    {
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        var depth = 0;
        var nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case AnchorAlias:
                    errors.Add(Event(file, current, "YAML aliases (*name) are not allowed here; the file is skipped"));
                    return false;
                case MappingStart or SequenceStart:
                    depth++;
                    nodes++;
                    if (depth > MaxDepth)
                    {
                        errors.Add(Event(file, current, $"nesting deeper than {MaxDepth} levels; the file is skipped"));
                        return false;
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                case Scalar:
                    nodes++;
                    break;
            }

            if (nodes > MaxNodes)
            {
                errors.Add(Event(file, current, $"more than {MaxNodes} YAML nodes; the file is skipped"));
                return false;
            }
        }

        return true;
    }

    /// <summary>Reports every key of a mapping that is not one of <paramref name="keys"/>.</summary>
    /// <param name="map">The mapping.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="keys">The known keys.</param>
    public static void Known(YamlMappingNode map, string file, List<ResponseError> errors, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(At(file, key, $"unknown key '{(key as YamlScalarNode)?.Value}'; known: {string.Join(", ", keys)}"));
            }
        }
    }

    /// <summary>The value of a key, or null.</summary>
    /// <param name="map">The mapping.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value node, or null.</returns>
    public static YamlNode? Get(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The text of a scalar value, or null (adding an error when the value is not a scalar or is required and missing).</summary>
    /// <param name="map">The mapping.</param>
    /// <param name="key">The key.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="required">Whether a missing or empty value is an error.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(YamlMappingNode map, string key, string file, List<ResponseError> errors, bool required)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                errors.Add(At(file, map, $"'{key}' is required"));
            }

            return null;
        }

        if (node is not YamlScalarNode { Value: var value })
        {
            errors.Add(At(file, node, $"'{key}' must be a single value"));
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(At(file, node, $"'{key}' must not be empty"));
            return null;
        }

        return value;
    }

    /// <summary>A list of scalars (a single scalar counts as a one-item list), or null after an error.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The key, for messages.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The items with their nodes, or null.</returns>
    public static IReadOnlyList<YamlScalarNode>? Items(YamlNode node, string key, string file, List<ResponseError> errors)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return string.IsNullOrEmpty(scalar.Value) ? [] : [scalar];
            case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode):
                return list.Children.Cast<YamlScalarNode>().ToList();
            default:
                errors.Add(At(file, node, $"'{key}' must be a value or a list of values"));
                return null;
        }
    }

    /// <summary>A boolean value (<c>true</c>/<c>false</c>), or null after an error.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The key, for messages.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The value, or null.</returns>
    public static bool? Bool(YamlNode node, string key, string file, List<ResponseError> errors)
    {
        if (node is YamlScalarNode { Value: "true" })
        {
            return true;
        }

        if (node is YamlScalarNode { Value: "false" })
        {
            return false;
        }

        errors.Add(At(file, node, $"'{key}' must be true or false"));
        return null;
    }

    /// <summary>A number in [0,1], or null after an error.</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">The key, for messages.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The value, or null.</returns>
    public static double? Fraction(YamlNode node, string key, string file, List<ResponseError> errors)
    {
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 1)
        {
            return value;
        }

        errors.Add(At(file, node, $"'{key}' must be a number between 0 and 1"));
        return null;
    }

    /// <summary>Parses a duration: <c>30s</c>, <c>90m</c>, <c>4h</c>, <c>2d</c> or <c>1h30m</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text is a positive duration.</returns>
    public static bool TryDuration(string? text, out TimeSpan duration)
        => Vigil.Core.Text.DurationText.TryParse(text, out duration);

    /// <summary>An error at a node.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="node">The node.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static ResponseError At(string file, YamlNode node, string message)
        => new(file, (int)node.Start.Line, (int)node.Start.Column, message);

    private static ResponseError Event(string file, ParsingEvent current, string message)
        => new(file, (int)current.Start.Line, (int)current.Start.Column, message);
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigil.Ingest.Enrichment.Input;

/// <summary>
/// Reads one YAML document into <see cref="YamlValue"/> nodes from parser events, with bounds: nesting at most
/// <see cref="ContextLimits.MaxYamlDepth"/> levels, and at most <see cref="ContextLimits.MaxYamlNodes"/> nodes with every
/// alias counted at the full size of its anchor (so a billion-laughs file fails fast instead of expanding).
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly Dictionary<string, YamlValue> _anchors = new(StringComparer.Ordinal);
    private readonly IParser _parser;
    private long _total;

    private YamlDocumentReader(IParser parser)
    {
        _parser = parser;
    }

    /// <summary>Reads <paramref name="text"/>; returns null (and sets <paramref name="error"/>) when it is not valid or too big.</summary>
    public static YamlValue? Read(string text, string file, out ContextError? error)
    {
        error = null;
        try
        {
            var reader = new YamlDocumentReader(new Parser(new StringReader(text)));
            return reader.ReadStream(file, out error);
        }
        catch (YamlException ex)
        {
            error = new ContextError(file, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {ex.Message}");
            return null;
        }
    }

    private YamlValue? ReadStream(string file, out ContextError? error)
    {
        error = null;
        YamlValue? root = null;
        while (_parser.MoveNext())
        {
            switch (_parser.Current)
            {
                case StreamStart or StreamEnd or DocumentEnd or Comment:
                    break;
                case DocumentStart start when root is not null:
                    error = new ContextError(file, (int)start.Start.Line, (int)start.Start.Column, "expected one YAML document, found several");
                    return null;
                case DocumentStart:
                    _parser.MoveNext();
                    root = ReadNode(file, 1, out error);
                    if (root is null)
                    {
                        return null;
                    }

                    break;
                default:
                    break;
            }
        }

        return root;
    }

    private YamlValue? ReadNode(string file, int depth, out ContextError? error)
    {
        error = null;
        var current = _parser.Current!;
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;
        if (depth > ContextLimits.MaxYamlDepth)
        {
            error = new ContextError(file, line, column, $"the YAML is nested deeper than {ContextLimits.MaxYamlDepth} levels");
            return null;
        }

        if (++_total > ContextLimits.MaxYamlNodes)
        {
            error = TooBig(file, line, column);
            return null;
        }

        YamlValue node;
        switch (current)
        {
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    error = new ContextError(file, line, column, $"alias '*{alias.Value.Value}' names no anchor defined before it");
                    return null;
                }

                _total += target.Size - 1;
                if (_total > ContextLimits.MaxYamlNodes)
                {
                    error = TooBig(file, line, column);
                    return null;
                }

                return target;
            case Scalar scalar:
                node = YamlValue.NewScalar(scalar.Value, line, column);
                break;
            case SequenceStart:
                node = YamlValue.NewSequence(line, column);
                while (_parser.MoveNext() && _parser.Current is not SequenceEnd)
                {
                    var item = ReadNode(file, depth + 1, out error);
                    if (item is null)
                    {
                        return null;
                    }

                    node.Sequence!.Add(item);
                    node.Size += item.Size;
                }

                break;
            case MappingStart:
                node = YamlValue.NewMapping(line, column);
                while (_parser.MoveNext() && _parser.Current is not MappingEnd)
                {
                    var key = ReadNode(file, depth + 1, out error);
                    if (key is null || !_parser.MoveNext())
                    {
                        return null;
                    }

                    var value = ReadNode(file, depth + 1, out error);
                    if (value is null)
                    {
                        return null;
                    }

                    node.Mapping!.Add(new(key, value));
                    node.Size += key.Size + value.Size;
                }

                break;
            default:
                error = new ContextError(file, line, column, $"unexpected YAML event {current.GetType().Name}");
                return null;
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private static ContextError TooBig(string file, int line, int column)
        => new(file, line, column, $"the YAML expands to more than {ContextLimits.MaxYamlNodes} nodes (aliases counted in full)");
}

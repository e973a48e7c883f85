using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>Reads a small YAML settings file into a node tree, with its problems as <see cref="ModelError"/>s.</summary>
internal static class YamlFile
{
    /// <summary>The largest settings file read.</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>Loads the root mapping of a file, or returns null after adding an error.</summary>
    public static YamlMappingNode? LoadMapping(string path, string displayName, List<ModelError> errors)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                errors.Add(new(displayName, 0, 0, $"the file is larger than {MaxBytes / 1024} KiB; it is skipped"));
                return null;
            }

            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                errors.Add(new(displayName, 0, 0, "the file is empty; it is skipped"));
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var node = stream.Documents[0].RootNode;
                errors.Add(new(displayName, Line(node), Column(node), "the file must hold a mapping (key: value lines); it is skipped"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new(displayName, (int)ex.Start.Line, (int)ex.Start.Column, "invalid YAML: " + ex.Message + "; the file is skipped"));
            return null;
        }
        catch (IOException ex)
        {
            errors.Add(new(displayName, 0, 0, "cannot read the file: " + ex.Message));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(new(displayName, 0, 0, "cannot read the file: " + ex.Message));
            return null;
        }
    }

    /// <summary>The text of a scalar, or of a list of scalars joined with commas; null for anything else.</summary>
    public static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => string.Join(',', list.Children.Select(c => ((YamlScalarNode)c).Value)),
        _ => null,
    };

    /// <summary>The items of a list (a scalar counts as a one-item list).</summary>
    public static IReadOnlyList<string>? Items(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is { Length: > 0 } value ? [value] : [],
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => list.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList(),
        _ => null,
    };

    /// <summary>Parses a duration: <c>90m</c>, <c>4h</c>, <c>2d</c>, <c>30s</c> or <c>1h30m</c>.</summary>
    public static bool TryDuration(string text, out TimeSpan duration)
        => Vigil.Core.Text.DurationText.TryParse(text, out duration);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static int Column(YamlNode node) => (int)node.Start.Column;
}

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Cli.Setup;

/// <summary>
/// Reads a <c>--placeholders</c> file: a YAML map from placeholder name (with or without the surrounding <c>%</c>)
/// to a list of strings (a single string is a list of one).
/// </summary>
internal static class PlaceholderFile
{
    /// <summary>Loads the file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The values by placeholder name (case-insensitive).</returns>
    /// <exception cref="CliUsageException">The file cannot be read or is not such a map.</exception>
    public static Dictionary<string, IReadOnlyList<string>> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the placeholders file: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses placeholder YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="path">The file name used in errors.</param>
    /// <returns>The values by placeholder name (case-insensitive).</returns>
    /// <exception cref="CliUsageException">The text is not such a map.</exception>
    public static Dictionary<string, IReadOnlyList<string>> Parse(string yaml, string path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CliUsageException($"{path}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw Error(path, stream.Documents[0].RootNode, "expected a map from placeholder name to a list of values");
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw Error(path, keyNode, "a placeholder name must be a non-empty string");
            }

            var name = key.Length > 2 && key[0] == '%' && key[^1] == '%' ? key[1..^1] : key;
            result[name] = valueNode switch
            {
                YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                YamlSequenceNode sequence => ReadList(path, name, sequence),
                _ => throw Error(path, valueNode, $"placeholder '{name}': expected a list of strings"),
            };
        }

        return result;
    }

    private static string[] ReadList(string path, string name, YamlSequenceNode sequence)
    {
        var values = new string[sequence.Children.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = sequence.Children[i] is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : throw Error(path, sequence.Children[i], $"placeholder '{name}': expected a string");
        }

        return values;
    }

    private static CliUsageException Error(string path, YamlNode node, string message)
        => new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");
}

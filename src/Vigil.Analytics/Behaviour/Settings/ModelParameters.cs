using System.Globalization;

namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>
/// The model-specific <c>parameters:</c> of a settings file. Models read what they know with a default and a valid
/// range; a value out of range or not a number is an error naming the parameter, and keys no model read are reported.
/// </summary>
public sealed class ModelParameters
{
    private readonly Dictionary<string, (string Value, int Line, int Column)> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<ModelError> _errors = [];

    /// <summary>Creates empty parameters.</summary>
    /// <param name="file">The file they come from (for errors).</param>
    public ModelParameters(string file) => File = file;

    /// <summary>Gets the file the parameters come from.</summary>
    public string File { get; }

    /// <summary>Gets the problems found while reading.</summary>
    public IReadOnlyList<ModelError> Errors => _errors;

    /// <summary>Sets a parameter (used by the loader).</summary>
    internal void Set(string name, string value, int line, int column) => _values[name] = (value, line, column);

    /// <summary>Reads a number.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="defaultValue">The default.</param>
    /// <param name="min">The smallest valid value.</param>
    /// <param name="max">The largest valid value.</param>
    /// <returns>The value.</returns>
    public double Number(string name, double defaultValue, double min, double max)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var entry))
        {
            return defaultValue;
        }

        if (!double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _errors.Add(new(File, entry.Line, entry.Column, $"parameter '{name}': '{entry.Value}' is not a number; the default {Format(defaultValue)} is used"));
            return defaultValue;
        }

        if (value < min || value > max)
        {
            _errors.Add(new(File, entry.Line, entry.Column,
                $"parameter '{name}': {Format(value)} is outside {Format(min)}..{Format(max)}; the default {Format(defaultValue)} is used"));
            return defaultValue;
        }

        return value;
    }

    /// <summary>Reads a list of names (a YAML list or a comma-separated text).</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="defaultValue">The default.</param>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> Names(string name, IReadOnlyList<string> defaultValue)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var entry)
            ? entry.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : defaultValue;
    }

    /// <summary>Reports the parameters nothing read (misspelt or meant for another model).</summary>
    internal void ReportUnread(string model)
    {
        foreach (var (name, entry) in _values.OrderBy(v => v.Value.Line))
        {
            if (!_read.Contains(name))
            {
                _errors.Add(new(File, entry.Line, entry.Column, $"parameter '{name}' is not one of the '{model}' model's; it is ignored"));
            }
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

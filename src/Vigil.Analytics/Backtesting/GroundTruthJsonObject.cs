using System.Text.Json;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// One JSON object of a ground-truth document with typed accessors that throw a <see cref="GroundTruthException"/>
/// naming the file, the scenario and the field. A property given twice is an error (which one would count?).
/// </summary>
internal sealed class GroundTruthJsonObject
{
    private const int QuoteLimit = 100;

    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly string _source;
    private readonly int? _scenarioIndex;

    private GroundTruthJsonObject(string source, int? scenarioIndex)
    {
        _source = source;
        _scenarioIndex = scenarioIndex;
    }

    /// <summary>Gets or sets the id of the scenario errors name (set once it has been read).</summary>
    public string? ScenarioId { get; set; }

    /// <summary>Reads the properties of <paramref name="element"/>, which must be an object.</summary>
    /// <param name="element">The element.</param>
    /// <param name="source">The file name errors use.</param>
    /// <param name="scenarioIndex">The scenario index errors use, or null for the document itself.</param>
    /// <returns>The object.</returns>
    public static GroundTruthJsonObject Read(JsonElement element, string source, int? scenarioIndex)
    {
        var result = new GroundTruthJsonObject(source, scenarioIndex);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw result.Error(null, $"expected an object, found {Describe(element.ValueKind)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!result._properties.TryAdd(property.Name, property.Value))
            {
                throw result.Error(property.Name, "given more than once");
            }
        }

        return result;
    }

    /// <summary>Creates the exception for a problem with a field of this object.</summary>
    /// <param name="field">The field, or null for the object itself.</param>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The exception (to throw).</returns>
    public GroundTruthException Error(string? field, string reason) => new(_source, _scenarioIndex, ScenarioId, field, reason);

    /// <summary>Gets a property that may be absent.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the property is present (and not null).</returns>
    public bool TryGet(string name, out JsonElement value)
        => _properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Gets a required property.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public JsonElement Required(string name)
        => TryGet(name, out var value) ? value : throw Error(name, "missing (required)");

    /// <summary>Gets a required string.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The string.</returns>
    public string RequiredString(string name) => AsString(Required(name), name);

    /// <summary>Gets a required integer.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public long RequiredInt64(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Error(name, $"expected an integer, found {Describe(value)}");
    }

    /// <summary>Gets a required integer that fits in 32 bits.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public int RequiredInt32(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Error(name, $"expected an integer (32-bit), found {Describe(value)}");
    }

    /// <summary>Gets a required ISO-8601 time with a UTC offset (<c>2026-10-21T10:02:00Z</c>).</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The time.</returns>
    public DateTimeOffset RequiredTime(string name)
    {
        var text = RequiredString(name);
        var value = _properties[name];
        return value.TryGetDateTimeOffset(out var time) && HasOffset(text)
            ? time
            : throw Error(name, $"expected an ISO-8601 time with a UTC offset (such as 2026-10-21T10:02:00Z), found {Quote(text)}");
    }

    /// <summary>Gets a required array of strings.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The strings.</returns>
    public IReadOnlyList<string> RequiredStrings(string name) => Strings(Required(name), name);

    /// <summary>Gets an array of strings that may be absent (then empty).</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The strings.</returns>
    public IReadOnlyList<string> OptionalStrings(string name) => TryGet(name, out var value) ? Strings(value, name) : [];

    /// <summary>Gets a required array.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The array.</returns>
    public JsonElement RequiredArray(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Array ? value : throw Error(name, $"expected an array, found {Describe(value)}");
    }

    private List<string> Strings(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, $"expected an array of strings, found {Describe(value)}");
        }

        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            result.Add(AsString(item, $"{name}[{result.Count}]"));
        }

        return result;
    }

    private string AsString(JsonElement value, string field)
        => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(field, $"expected a string, found {Describe(value)}");

    /// <summary>Quotes a value for an error message, cut to 100 characters.</summary>
    /// <param name="text">The value.</param>
    /// <returns>The quoted value.</returns>
    public static string Quote(string text)
        => text.Length <= QuoteLimit ? $"\"{text}\"" : $"\"{text.AsSpan(0, QuoteLimit)}…\"";

    /// <summary>Whether an ISO-8601 time names its offset (<c>Z</c> or <c>±hh:mm</c> after the time of day).</summary>
    private static bool HasOffset(string text)
    {
        var t = text.IndexOfAny(['T', 't']);
        return t >= 0 && text.AsSpan(t).IndexOfAny("Zz+-") >= 0;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Quote(value.GetString()!)}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        _ => Describe(value.ValueKind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

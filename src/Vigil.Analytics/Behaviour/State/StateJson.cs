using System.Text.Json;

namespace Vigil.Analytics.Behaviour.State;

/// <summary>Small helpers for model state files: arrays of numbers, and bounded reading of untrusted state.</summary>
internal static class StateJson
{
    public static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    public static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Reads an array holding exactly as many numbers as <paramref name="target"/> into it.</summary>
    public static void ReadArray(JsonElement element, string name, double[] target)
    {
        var array = element.GetProperty(name);
        if (array.GetArrayLength() != target.Length)
        {
            throw new FormatException($"'{name}' must hold {target.Length} numbers");
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            target[i++] = item.GetDouble();
        }
    }

    public static void ReadArray(JsonElement element, string name, int[] target)
    {
        var array = element.GetProperty(name);
        if (array.GetArrayLength() != target.Length)
        {
            throw new FormatException($"'{name}' must hold {target.Length} numbers");
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            target[i++] = item.GetInt32();
        }
    }

    public static string? OptionalString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;

namespace Vigil.Server.Storage;

/// <summary>The JSON settings of the API and of stored state: camelCase, like the HTTP bodies.</summary>
internal static class ServerJson
{
    /// <summary>Gets the options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

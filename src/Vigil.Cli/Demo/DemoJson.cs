using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Server.Endpoints;
using Vigil.Server.Storage;

namespace Vigil.Cli.Demo;

/// <summary>The API answers the demo reads (camelCase, as the server writes them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<AlertView>))]
[JsonSerializable(typeof(List<IncidentView>))]
[JsonSerializable(typeof(ServerStatus))]
[JsonSerializable(typeof(ActionList))]
internal sealed partial class DemoJson : JsonSerializerContext;

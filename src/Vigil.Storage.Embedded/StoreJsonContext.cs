using System.Text.Json.Serialization;

namespace Vigil.Storage.Embedded;

/// <summary>Source-generated JSON for the lists stored in text columns (no reflection: trimming and AOT safe).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

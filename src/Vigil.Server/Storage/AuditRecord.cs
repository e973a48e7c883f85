using System.Text.Json;

namespace Vigil.Server.Storage;

/// <summary>One recorded state change.</summary>
/// <param name="Sequence">Its sequence number.</param>
/// <param name="Time">When.</param>
/// <param name="Actor">Who (API key name and id).</param>
/// <param name="Action">What.</param>
/// <param name="Target">On what.</param>
/// <param name="Before">The state before, or null.</param>
/// <param name="After">The state after, or null.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Time, string Actor, string Action, string Target, JsonElement? Before, JsonElement? After);

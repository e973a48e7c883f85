using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>Lists audit records after a sequence number, oldest first.</summary>
    /// <param name="after">The last sequence number already seen.</param>
    /// <param name="limit">The most records to return.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<AuditRecord> ListAudit(long after, int limit)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time_ms, actor, action, target, before, after FROM audit WHERE seq > $after ORDER BY seq LIMIT $limit;";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : JsonDocument.Parse(reader.GetString(5)).RootElement.Clone(),
                reader.IsDBNull(6) ? null : JsonDocument.Parse(reader.GetString(6)).RootElement.Clone()));
        }

        return records;
    }

    /// <summary>Records a state change inside the transaction that makes it.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction of the change.</param>
    /// <param name="actor">Who (the API key name and id).</param>
    /// <param name="action">What (<c>alert.verdict</c>, <c>suppression.accept</c>...).</param>
    /// <param name="target">On what (<c>alert/&lt;id&gt;</c>...).</param>
    /// <param name="before">The state before, as JSON, or null when created.</param>
    /// <param name="after">The state after, as JSON, or null when deleted.</param>
    internal void RecordAudit(SqliteConnection connection, SqliteTransaction transaction, string actor, string action, string target, string? before, string? after)
        => Execute(connection, "INSERT INTO audit (time_ms, actor, action, target, before, after) VALUES ($now, $actor, $action, $target, $before, $after);", transaction,
            ("$now", Now()), ("$actor", actor), ("$action", action), ("$target", target), ("$before", before), ("$after", after));

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, ServerJson.Options);
}

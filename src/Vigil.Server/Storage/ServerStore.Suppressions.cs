using Microsoft.Data.Sqlite;
using Vigil.Server.Feedback;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    private static List<ActiveSuppression> ActiveSuppressions(SqliteConnection connection, SqliteTransaction? transaction, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, detector, entity FROM suppressions WHERE status = 'active' AND expires_ms > $now;";
        command.Parameters.AddWithValue("$now", now);
        var list = new List<ActiveSuppression>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new ActiveSuppression(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return list;
    }
}

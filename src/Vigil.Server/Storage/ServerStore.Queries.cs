using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    private static readonly string[] SeverityNames = ["informational", "low", "medium", "high", "critical"];

    private const string AlertColumns = """
        a.id, a.detector, a.title, a.severity, a.time_ms, a.techniques, s.tactics, s.entities, s.status, s.confidence, s.confidence_source,
        s.rule_confidence, s.triage_score, s.incident_id, s.suppressed_by, s.received_ms, s.stored_ms, s.repeats, s.last_ms
        """;

    /// <summary>Lists alerts, newest activity first.</summary>
    /// <param name="filter">Which.</param>
    /// <returns>The alerts, without their full finding.</returns>
    public IReadOnlyList<AlertView> ListAlerts(AlertFilter filter)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        var where = new List<string>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            command.Parameters.AddWithValue(name, value);
        }

        if (filter.From is { } from)
        {
            Add("a.time_ms >= $from", "$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            Add("a.time_ms < $to", "$to", to.ToUnixTimeMilliseconds());
        }

        if (filter.MinimumSeverity is { } severity)
        {
            Add("a.severity >= $severity", "$severity", Array.IndexOf(SeverityNames, severity));
        }

        if (filter.Detector is { } detector)
        {
            Add("a.detector = $detector", "$detector", detector);
        }

        if (filter.Entity is { } entity)
        {
            Add("a.id IN (SELECT alert_id FROM alert_entities WHERE entity = $entity)", "$entity", entity);
        }

        if (filter.Status is { } status)
        {
            Add("s.status = $status", "$status", status);
        }

        if (filter.IncidentId is { } incident)
        {
            Add("s.incident_id = $incident", "$incident", incident);
        }

        command.CommandText = $"SELECT {AlertColumns} FROM alerts a JOIN alert_state s ON s.alert_id = a.id"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY a.time_ms DESC, a.id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 1000));
        return ReadAlerts(command, withFinding: false);
    }

    /// <summary>Gets one alert with its full finding.</summary>
    /// <param name="id">The alert id.</param>
    /// <returns>The alert, or null.</returns>
    public AlertView? GetAlert(string id)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AlertColumns}, a.json FROM alerts a JOIN alert_state s ON s.alert_id = a.id WHERE a.id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return ReadAlerts(command, withFinding: true).FirstOrDefault();
    }

    /// <summary>Gets an alert as a TheHive 5 alert body.</summary>
    /// <param name="id">The alert id.</param>
    /// <returns>The JSON, or null when there is no such alert or no TheHive body was made.</returns>
    public string? GetTheHiveAlert(string id)
    {
        using var connection = Connect();
        return Scalar(connection, "SELECT thehive FROM alert_state WHERE alert_id = $id;", null, ("$id", id)) as string;
    }

    /// <summary>Lists incidents, most recent activity first.</summary>
    /// <param name="status">The status, or null for any.</param>
    /// <param name="minimumRisk">The lowest risk, or null.</param>
    /// <param name="limit">The most incidents.</param>
    /// <returns>The incidents.</returns>
    public IReadOnlyList<IncidentView> ListIncidents(string? status, double? minimumRisk, int limit)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, status, opened_ms, updated_ms, first_ms, last_ms, severity, risk, entities, tactics, techniques, alert_count FROM incidents"
            + " WHERE ($status IS NULL OR status = $status) AND ($risk IS NULL OR risk >= $risk) ORDER BY last_ms DESC, id LIMIT $limit;";
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$risk", (object?)minimumRisk ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        return ReadIncidents(command);
    }

    /// <summary>Gets one incident.</summary>
    /// <param name="id">The incident id.</param>
    /// <returns>The incident, or null.</returns>
    public IncidentView? GetIncident(string id)
    {
        using var connection = Connect();
        return GetIncident(connection, null, id);
    }

    /// <summary>Changes an incident's status, recording who did it.</summary>
    /// <param name="id">The incident.</param>
    /// <param name="status">open, acknowledged or closed.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The incident after the change, or null when there is no such incident.</returns>
    public IncidentView? SetIncidentStatus(string id, string status, string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var before = GetIncident(connection, transaction, id);
        if (before is null)
        {
            return null;
        }

        Execute(connection, "UPDATE incidents SET status = $status, updated_ms = $now WHERE id = $id;", transaction, ("$id", id), ("$status", status), ("$now", Now()));
        var after = GetIncident(connection, transaction, id)!;
        RecordAudit(connection, transaction, actor, "incident.status", "incident/" + id, Json(before), Json(after));
        transaction.Commit();
        return after;
    }

    /// <summary>Lists entities by risk, highest first.</summary>
    /// <param name="kind">user, host or ip; null for all.</param>
    /// <param name="limit">The most entities.</param>
    /// <returns>The entities.</returns>
    public IReadOnlyList<EntityRiskView> ListEntityRisk(string? kind, int limit)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT entity, kind, risk, points, tactics, criticality, alert_count, updated_ms FROM entity_risk"
            + " WHERE ($kind IS NULL OR kind = $kind) ORDER BY risk DESC, entity LIMIT $limit;";
        command.Parameters.AddWithValue("$kind", (object?)kind ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        using var reader = command.ExecuteReader();
        var list = new List<EntityRiskView>();
        while (reader.Read())
        {
            list.Add(new EntityRiskView(
                reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), Strings(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return list;
    }

    private static IncidentView? GetIncident(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, title, status, opened_ms, updated_ms, first_ms, last_ms, severity, risk, entities, tactics, techniques, alert_count FROM incidents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return ReadIncidents(command).FirstOrDefault();
    }

    private static List<IncidentView> ReadIncidents(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<IncidentView>();
        while (reader.Read())
        {
            list.Add(new IncidentView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Ms(reader.GetInt64(3)), Ms(reader.GetInt64(4)), Ms(reader.GetInt64(5)),
                Ms(reader.GetInt64(6)), SeverityNames[reader.GetInt32(7)], reader.GetDouble(8), Strings(reader.GetString(9)), Strings(reader.GetString(10)),
                Strings(reader.GetString(11)), reader.GetInt32(12)));
        }

        return list;
    }

    private static List<AlertView> ReadAlerts(SqliteCommand command, bool withFinding)
    {
        using var reader = command.ExecuteReader();
        var list = new List<AlertView>();
        while (reader.Read())
        {
            list.Add(new AlertView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), SeverityNames[reader.GetInt32(3)], Ms(reader.GetInt64(4)),
                Strings(reader.GetString(5)), Strings(reader.GetString(6)),
                JsonSerializer.Deserialize<List<AlertEntity>>(reader.GetString(7)) ?? [],
                reader.GetString(8), reader.GetDouble(9), reader.GetString(10), reader.GetDouble(11), reader.IsDBNull(12) ? null : reader.GetDouble(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14), Ms(reader.GetInt64(15)), Ms(reader.GetInt64(16)), reader.GetInt32(17), Ms(reader.GetInt64(18)),
                withFinding ? JsonDocument.Parse(reader.GetString(19)).RootElement.Clone() : null));
        }

        return list;
    }

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Server.Feedback;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>The latest verdict of each judged alert (columns <c>alert_id</c>, <c>verdict</c>): the highest verdict id wins.</summary>
    private const string LatestVerdicts = """
        SELECT target_id AS alert_id, verdict FROM verdicts
        WHERE id IN (SELECT MAX(id) FROM verdicts WHERE target_kind = 'alert' GROUP BY target_id)
        """;

    private const string VerdictColumns = "id, target_kind, target_id, verdict, comment, actor, time_ms, incident_id";

    /// <summary>Records a verdict on an alert; the latest verdict on an alert is the one that counts. Audited.</summary>
    /// <param name="alertId">The alert.</param>
    /// <param name="verdict">One of <see cref="VerdictNames.All"/>.</param>
    /// <param name="comment">The comment, or null.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The verdict, or null when there is no such alert.</returns>
    public VerdictView? RecordAlertVerdict(string alertId, string verdict, string? comment, string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, "SELECT 1 FROM alert_state WHERE alert_id = $id;", transaction, ("$id", alertId)) is null)
        {
            return null;
        }

        var before = ReadVerdicts(connection, transaction, "alert", alertId, latestOnly: true).FirstOrDefault();
        var id = InsertVerdict(connection, transaction, "alert", alertId, verdict, comment, actor, incidentId: null);
        var after = ReadVerdict(connection, transaction, id);
        RecordAudit(connection, transaction, actor, "alert.verdict", "alert/" + alertId, before is null ? null : Json(before), Json(after));
        transaction.Commit();
        return after;
    }

    /// <summary>
    /// Records a verdict on an incident. It is also recorded on each alert the incident holds now (naming the incident), so it
    /// counts for each of them in precision, suppression proposals and triage training, and replaces their earlier verdicts.
    /// Audited once, with each alert's verdict before.
    /// </summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="verdict">One of <see cref="VerdictNames.All"/>.</param>
    /// <param name="comment">The comment, or null.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The verdict and the alerts it was applied to, or null when there is no such incident.</returns>
    public IncidentVerdictView? RecordIncidentVerdict(string incidentId, string verdict, string? comment, string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (GetIncident(connection, transaction, incidentId) is null)
        {
            return null;
        }

        var alertIds = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT alert_id FROM alert_state WHERE incident_id = $id ORDER BY time_ms, alert_id;";
            command.Parameters.AddWithValue("$id", incidentId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                alertIds.Add(reader.GetString(0));
            }
        }

        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var alertId in alertIds)
        {
            before[alertId] = ReadVerdicts(connection, transaction, "alert", alertId, latestOnly: true).FirstOrDefault()?.Verdict;
        }

        var previous = ReadVerdicts(connection, transaction, "incident", incidentId, latestOnly: true).FirstOrDefault();
        var id = InsertVerdict(connection, transaction, "incident", incidentId, verdict, comment, actor, incidentId: null);
        foreach (var alertId in alertIds)
        {
            InsertVerdict(connection, transaction, "alert", alertId, verdict, comment, actor, incidentId);
        }

        var view = new IncidentVerdictView(ReadVerdict(connection, transaction, id), alertIds);
        RecordAudit(connection, transaction, actor, "incident.verdict", "incident/" + incidentId,
            Json(new { incidentVerdict = previous?.Verdict, alertVerdicts = before }), Json(view));
        transaction.Commit();
        return view;
    }

    /// <summary>Lists the verdicts on an alert, newest first (including those that came from its incident).</summary>
    /// <param name="alertId">The alert.</param>
    /// <returns>The verdicts, or null when there is no such alert.</returns>
    public IReadOnlyList<VerdictView>? ListAlertVerdicts(string alertId)
    {
        using var connection = Connect();
        if (Scalar(connection, "SELECT 1 FROM alert_state WHERE alert_id = $id;", null, ("$id", alertId)) is null)
        {
            return null;
        }

        return ReadVerdicts(connection, null, "alert", alertId, latestOnly: false);
    }

    /// <summary>Records a missed-threat report. Audited.</summary>
    /// <param name="from">The start of the time range, or null.</param>
    /// <param name="to">The end of the time range, or null.</param>
    /// <param name="events">Event references (may be empty).</param>
    /// <param name="techniques">ATT&amp;CK technique ids (may be empty).</param>
    /// <param name="comment">The comment, or null.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The report.</returns>
    public MissedReportView RecordMissed(
        DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<string> events, IReadOnlyList<string> techniques, string? comment, string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var id = (long)Scalar(connection, """
            INSERT INTO missed_reports (actor, time_ms, from_ms, to_ms, events, techniques, comment) VALUES ($actor, $now, $from, $to, $events, $techniques, $comment);
            SELECT last_insert_rowid();
            """, transaction,
            ("$actor", actor), ("$now", Now()), ("$from", from?.ToUnixTimeMilliseconds()), ("$to", to?.ToUnixTimeMilliseconds()),
            ("$events", JsonSerializer.Serialize(events)), ("$techniques", JsonSerializer.Serialize(techniques)), ("$comment", comment))!;
        var report = ReadMissed(connection, transaction, id, 1)[0];
        RecordAudit(connection, transaction, actor, "missed.report", "missed/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Json(report));
        transaction.Commit();
        return report;
    }

    /// <summary>Lists missed-threat reports, newest first.</summary>
    /// <param name="limit">The most reports.</param>
    /// <returns>The reports.</returns>
    public IReadOnlyList<MissedReportView> ListMissed(int limit)
    {
        using var connection = Connect();
        return ReadMissed(connection, null, null, Math.Clamp(limit, 1, 1000));
    }

    /// <summary>
    /// Precision per detector by the latest verdict on each alert: TP / (TP + FP), where FP is both false-positive kinds.
    /// Benign positives and undetermined verdicts are counted apart and are in neither term.
    /// </summary>
    /// <returns>One row per detector that raised a stored alert, by detector.</returns>
    public IReadOnlyList<DetectorPrecision> Precision()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH latest AS ({LatestVerdicts})
            SELECT a.detector, COUNT(*), COUNT(l.verdict),
              COUNT(CASE WHEN l.verdict = 'true_positive' THEN 1 END), COUNT(CASE WHEN l.verdict = 'benign_positive' THEN 1 END),
              COUNT(CASE WHEN l.verdict = 'false_positive_logic' THEN 1 END), COUNT(CASE WHEN l.verdict = 'false_positive_data' THEN 1 END),
              COUNT(CASE WHEN l.verdict = 'undetermined' THEN 1 END)
            FROM alerts a JOIN alert_state s ON s.alert_id = a.id LEFT JOIN latest l ON l.alert_id = a.id
            GROUP BY a.detector ORDER BY a.detector;
            """;
        using var reader = command.ExecuteReader();
        var list = new List<DetectorPrecision>();
        while (reader.Read())
        {
            var detector = reader.GetString(0);
            var (tp, fpLogic, fpData) = (reader.GetInt32(3), reader.GetInt32(5), reader.GetInt32(6));
            var kind = detector.StartsWith("rule:", StringComparison.Ordinal) ? "rule" : detector.StartsWith("model:", StringComparison.Ordinal) ? "model" : "other";
            list.Add(new DetectorPrecision(
                detector, kind, reader.GetInt32(1), reader.GetInt32(2), tp, reader.GetInt32(4), fpLogic, fpData, fpLogic + fpData, reader.GetInt32(7),
                tp + fpLogic + fpData == 0 ? null : (double)tp / (tp + fpLogic + fpData)));
        }

        return list;
    }

    private long InsertVerdict(
        SqliteConnection connection, SqliteTransaction transaction, string kind, string targetId, string verdict, string? comment, string actor, string? incidentId)
        => (long)Scalar(connection, """
            INSERT INTO verdicts (target_kind, target_id, verdict, comment, actor, time_ms, incident_id) VALUES ($kind, $target, $verdict, $comment, $actor, $now, $incident);
            SELECT last_insert_rowid();
            """, transaction,
            ("$kind", kind), ("$target", targetId), ("$verdict", verdict), ("$comment", comment), ("$actor", actor), ("$now", Now()), ("$incident", incidentId))!;

    private static VerdictView ReadVerdict(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {VerdictColumns} FROM verdicts WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return ReadVerdicts(command)[0];
    }

    private static List<VerdictView> ReadVerdicts(SqliteConnection connection, SqliteTransaction? transaction, string kind, string targetId, bool latestOnly)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {VerdictColumns} FROM verdicts WHERE target_kind = $kind AND target_id = $target ORDER BY id DESC"
            + (latestOnly ? " LIMIT 1;" : ";");
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$target", targetId);
        return ReadVerdicts(command);
    }

    private static List<VerdictView> ReadVerdicts(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<VerdictView>();
        while (reader.Read())
        {
            list.Add(new VerdictView(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), Ms(reader.GetInt64(6)), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return list;
    }

    private static List<MissedReportView> ReadMissed(SqliteConnection connection, SqliteTransaction? transaction, long? id, int limit)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, actor, time_ms, from_ms, to_ms, events, techniques, comment FROM missed_reports
            WHERE ($id IS NULL OR id = $id) ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<MissedReportView>();
        while (reader.Read())
        {
            list.Add(new MissedReportView(
                reader.GetInt64(0), reader.GetString(1), Ms(reader.GetInt64(2)), reader.IsDBNull(3) ? null : Ms(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : Ms(reader.GetInt64(4)), Strings(reader.GetString(5)), Strings(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return list;
    }
}

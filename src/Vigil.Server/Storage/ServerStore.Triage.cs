using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Server.Feedback;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>How far back the alert-count history features of the triage model look: 30 days.</summary>
    public static readonly TimeSpan TriageHistoryWindow = TimeSpan.FromDays(30);

    private const string TriageModelColumns =
        "version, trained_ms, trained_by, examples, holdout, score, current_score, current_version, promoted, active, metrics";

    /// <summary>Gets the id of the latest verdict (0 when none), to tell when a <see cref="TriageVerdictIndex"/> is stale.</summary>
    /// <returns>The id.</returns>
    public long LatestVerdictId()
    {
        using var connection = Connect();
        return Scalar(connection, "SELECT MAX(id) FROM verdicts;", null) is long id ? id : 0;
    }

    /// <summary>Reads the latest labelled verdict of every judged alert into an index by detector and time.</summary>
    /// <returns>The index.</returns>
    public TriageVerdictIndex TriageVerdicts()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        return TriageVerdicts(connection, transaction);
    }

    /// <summary>Counts a new alert's earlier alerts (within <see cref="TriageHistoryWindow"/>): of its detector, and on its entities.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The counts.</returns>
    public (int DetectorAlerts, int EntityAlerts) TriageCounts(PipelineAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var connection = Connect();
        return TriageCounts(connection, null, alert.Alert.Detector, alert.Entities, alert.Alert.Time.ToUnixTimeMilliseconds());
    }

    /// <summary>Reads the labelled alerts (latest verdict not undetermined), most recent first, with their history, in one snapshot.</summary>
    /// <param name="limit">The most examples.</param>
    /// <returns>The examples.</returns>
    public IReadOnlyList<TriageExample> TriageExamples(int limit)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var index = TriageVerdicts(connection, transaction);
        var rows = new List<(string Id, string Detector, int Severity, long TimeMs, List<AlertEntity> Entities, string Verdict)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                WITH latest AS ({LatestVerdicts})
                SELECT a.id, a.detector, a.severity, a.time_ms, s.entities, l.verdict
                FROM latest l JOIN alerts a ON a.id = l.alert_id JOIN alert_state s ON s.alert_id = a.id
                WHERE l.verdict <> 'undetermined' ORDER BY a.time_ms DESC, a.id LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3),
                    JsonSerializer.Deserialize<List<AlertEntity>>(reader.GetString(4)) ?? [], reader.GetString(5)));
            }
        }

        var examples = new List<TriageExample>(rows.Count);
        foreach (var row in rows)
        {
            var (detectorAlerts, entityAlerts) = TriageCounts(connection, transaction, row.Detector, row.Entities, row.TimeMs);
            var (verdicts, falsePositives) = index.Before(row.Detector, row.TimeMs);
            examples.Add(new TriageExample(row.Id, row.Detector, row.Severity, Ms(row.TimeMs), row.Entities,
                new TriageHistory(detectorAlerts, verdicts, falsePositives, entityAlerts), row.Verdict == VerdictNames.TruePositive));
        }

        return examples;
    }

    /// <summary>Gets the active triage model.</summary>
    /// <returns>Its version and bytes, or null when none is active.</returns>
    public (int Version, byte[] Model)? ActiveTriageModel()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, model FROM triage_models WHERE active = 1 ORDER BY version DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), (byte[])reader.GetValue(1)) : null;
    }

    /// <summary>Stores a trained model with its score and the active model's, and makes it active when promoted. Audited.</summary>
    /// <param name="model">The model bytes (ML.NET zip).</param>
    /// <param name="examples">The training verdicts.</param>
    /// <param name="holdout">The held-out verdicts.</param>
    /// <param name="candidate">Its held-out metrics.</param>
    /// <param name="current">The active model's held-out metrics, or null.</param>
    /// <param name="currentVersion">The active model's version, or null.</param>
    /// <param name="promote">Whether it becomes the active model.</param>
    /// <param name="actor">Who asked.</param>
    /// <returns>The stored model.</returns>
    public TriageModelView SaveTriageModel(
        byte[] model, int examples, int holdout, TriageMetrics candidate, TriageMetrics? current, int? currentVersion, bool promote, string actor)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        if (promote)
        {
            Execute(connection, "UPDATE triage_models SET active = 0 WHERE active = 1;", transaction);
        }

        TriageMetrics[] metrics = current is null ? [candidate] : [candidate, current];
        var version = (long)Scalar(connection, """
            INSERT INTO triage_models (trained_ms, examples, holdout, score, current_score, promoted, active, model, current_version, metrics, trained_by)
            VALUES ($now, $examples, $holdout, $score, $current, $promoted, $promoted, $model, $currentVersion, $metrics, $actor);
            SELECT last_insert_rowid();
            """, transaction,
            ("$now", Now()), ("$examples", examples), ("$holdout", holdout), ("$score", candidate.Auc), ("$current", current?.Auc),
            ("$promoted", promote ? 1 : 0), ("$model", model), ("$currentVersion", currentVersion), ("$metrics", Json(metrics)), ("$actor", actor))!;
        var view = ReadTriageModels(connection, transaction, version)[0];
        RecordAudit(connection, transaction, actor, "triage.train", "triage-model/v" + view.Version, null, Json(view));
        if (promote)
        {
            RecordAudit(connection, transaction, actor, "triage.promote", "triage-model",
                currentVersion is { } v ? Json(new { activeVersion = v, score = current?.Auc }) : null, Json(new { activeVersion = view.Version, score = view.Score }));
        }

        transaction.Commit();
        return view;
    }

    /// <summary>Lists every trained triage model, newest first.</summary>
    /// <returns>The models (without their bytes).</returns>
    public IReadOnlyList<TriageModelView> ListTriageModels()
    {
        using var connection = Connect();
        return ReadTriageModels(connection, null, null);
    }

    private static TriageVerdictIndex TriageVerdicts(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = Scalar(connection, "SELECT MAX(id) FROM verdicts;", transaction) is long id ? id : 0;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            WITH latest AS ({LatestVerdicts})
            SELECT a.detector, a.time_ms, l.verdict FROM latest l JOIN alerts a ON a.id = l.alert_id WHERE l.verdict <> 'undetermined';
            """;
        var list = new List<(string, long, bool)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1), VerdictNames.IsFalsePositive(reader.GetString(2))));
        }

        return new TriageVerdictIndex(version, list);
    }

    private static (int DetectorAlerts, int EntityAlerts) TriageCounts(
        SqliteConnection connection, SqliteTransaction? transaction, string detector, IReadOnlyList<AlertEntity> entities, long timeMs)
    {
        var from = timeMs - (long)TriageHistoryWindow.TotalMilliseconds;
        var detectorAlerts = Convert.ToInt32(
            Scalar(connection, "SELECT COUNT(*) FROM alerts WHERE detector = $d AND time_ms >= $from AND time_ms < $t;", transaction,
                ("$d", detector), ("$from", from), ("$t", timeMs)),
            System.Globalization.CultureInfo.InvariantCulture);
        var names = entities.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            return (detectorAlerts, 0);
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT COUNT(DISTINCT e.alert_id) FROM alert_entities e JOIN alerts a ON a.id = e.alert_id
            WHERE e.entity IN ({string.Join(", ", names.Select((_, i) => "$e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})
              AND a.time_ms >= $from AND a.time_ms < $t;
            """;
        for (var i = 0; i < names.Count; i++)
        {
            command.Parameters.AddWithValue("$e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), names[i]);
        }

        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$t", timeMs);
        return (detectorAlerts, Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<TriageModelView> ReadTriageModels(SqliteConnection connection, SqliteTransaction? transaction, long? version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TriageModelColumns} FROM triage_models WHERE ($v IS NULL OR version = $v) ORDER BY version DESC;";
        command.Parameters.AddWithValue("$v", (object?)version ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<TriageModelView>();
        while (reader.Read())
        {
            var metrics = JsonSerializer.Deserialize<TriageMetrics[]>(reader.GetString(10), ServerJson.Options) ?? [];
            list.Add(new TriageModelView(
                reader.GetInt32(0), Ms(reader.GetInt64(1)), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetInt64(8) != 0, reader.GetInt64(9) != 0,
                metrics[0], metrics.Length > 1 ? metrics[1] : null));
        }

        return list;
    }
}

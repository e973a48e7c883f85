using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Core.Alerts;
using Vigil.Server.Feedback;
using Vigil.Server.Incidents;
using Vigil.Server.Pipeline;
using Vigil.Storage.Embedded;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>
    /// Stores what the pipeline raised and moves the detection cursor, in one transaction: alerts (an alert already stored,
    /// say after a crash between detection and commit, is skipped, so nothing is duplicated), their state, suppression,
    /// incidents and entity risk. Either all of it is durable or none.
    /// Throttling: an alert of the same detector on the same entities as one stored within the throttle window after it is
    /// not stored again; it adds to that alert's repeat count and last-seen time (a noisy rule on one host is one alert
    /// saying "seen 300 times", not 300 alerts).
    /// </summary>
    /// <param name="cursor">The last journal sequence number the alerts cover, or null to leave the cursor (a model tick).</param>
    /// <param name="alerts">The alerts with the time their events were received and their final confidence.</param>
    /// <param name="settings">Grouping and throttling windows.</param>
    /// <param name="throttle">The worker's memory of recently stored alerts by throttle key.</param>
    /// <returns>What was stored.</returns>
    public DetectionCommit CommitDetections(long? cursor, IReadOnlyList<ScoredAlert> alerts, IncidentSettings settings, AlertThrottle throttle)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        var suppressions = ActiveSuppressions(connection, transaction, now);
        var result = new DetectionCommit();
        var window = (long)settings.ThrottleWindow.TotalMilliseconds;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(ScoredAlert Alert, string Key, string? SuppressedBy)>();
        var repeats = new Dictionary<string, (int Count, long LastMs)>(StringComparer.Ordinal);
        foreach (var alert in alerts.OrderBy(a => a.Raised.Alert.Time).ThenBy(a => a.Raised.Alert.Id, StringComparer.Ordinal))
        {
            if (!seen.Add(alert.Raised.Alert.Id))
            {
                continue;
            }

            var suppressedBy = suppressions.FirstOrDefault(s => s.Matches(alert.Raised))?.Id;
            var key = ThrottleKey(alert.Raised) + (suppressedBy is null ? string.Empty : ":suppressed");
            var timeMs = alert.Raised.Alert.Time.ToUnixTimeMilliseconds();
            if (window > 0 && (throttle.Find(key, timeMs, window) ?? FindStored(connection, transaction, key, timeMs, window, throttle)) is { } first
                && !string.Equals(first, alert.Raised.Alert.Id, StringComparison.Ordinal))
            {
                repeats[first] = repeats.TryGetValue(first, out var r) ? (r.Count + 1, Math.Max(r.LastMs, timeMs)) : (1, timeMs);
                result.Throttled++;
                continue;
            }

            throttle.Remember(key, alert.Raised.Alert.Id, timeMs, window);
            candidates.Add((alert, key, suppressedBy));
        }

        var rendered = candidates.ToDictionary(c => c.Alert.Raised.Alert.Id, c => c.Alert.Raised.Rendered(), StringComparer.Ordinal);
        var newlyStored = new List<StoredAlert>();
        EmbeddedAlertStore.Insert(connection, transaction, [.. rendered.Values.Select(r => r.Alert)], newlyStored);
        var isNew = newlyStored.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (alert, key, suppressedBy) in candidates)
        {
            if (!isNew.Contains(alert.Raised.Alert.Id))
            {
                result.Duplicates++;
                continue;
            }

            string? incident = null;
            if (suppressedBy is null)
            {
                incident = Group(connection, transaction, alert.Raised, countsForRisk: true, settings, now);
                result.Incidents.Add(incident);
                result.New.Add(alert.Raised);
            }
            else
            {
                result.Suppressed++;
            }

            Execute(connection, """
                INSERT INTO alert_state (alert_id, received_ms, stored_ms, status, confidence, confidence_source, rule_confidence, triage_score,
                  incident_id, tactics, entities, suppressed_by, throttle_key, time_ms, thehive, repeats, last_ms)
                VALUES ($id, $received, $stored, $status, $confidence, $source, $rule, $triage, $incident, $tactics, $entities, $suppressed, $throttle, $time, $thehive, 0, $time);
                """, transaction,
                ("$id", alert.Raised.Alert.Id), ("$received", alert.ReceivedAt.ToUnixTimeMilliseconds()), ("$stored", now), ("$status", suppressedBy is null ? "new" : "suppressed"),
                ("$confidence", alert.Confidence), ("$source", alert.ConfidenceSource), ("$rule", alert.Raised.Confidence),
                ("$triage", alert.TriageScore), ("$incident", incident), ("$tactics", JsonSerializer.Serialize(alert.Raised.Tactics)),
                ("$entities", JsonSerializer.Serialize(alert.Raised.Entities)), ("$suppressed", suppressedBy), ("$throttle", key),
                ("$time", alert.Raised.Alert.Time.ToUnixTimeMilliseconds()), ("$thehive", rendered[alert.Raised.Alert.Id].TheHive));
            result.Stored.Add(alert);
            if (suppressedBy is null)
            {
                foreach (var entity in alert.Raised.Entities.DistinctBy(e => e.Name, StringComparer.OrdinalIgnoreCase))
                {
                    AddEntityRisk(connection, transaction, entity, alert.Raised, now);
                }
            }
        }

        foreach (var (id, (count, lastMs)) in repeats)
        {
            Execute(connection, "UPDATE alert_state SET repeats = repeats + $n, last_ms = MAX(last_ms, $last) WHERE alert_id = $id;", transaction,
                ("$id", id), ("$n", count), ("$last", lastMs));
        }

        if (cursor is { } seq)
        {
            SetCursor(connection, transaction, DetectionCursor, seq);
        }

        transaction.Commit();
        return result;
    }

    /// <summary>Looks for a stored alert the throttle has forgotten (the first after a restart), and remembers it.</summary>
    private static string? FindStored(SqliteConnection connection, SqliteTransaction transaction, string key, long timeMs, long window, AlertThrottle throttle)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT alert_id, time_ms FROM alert_state WHERE throttle_key = $k AND time_ms BETWEEN $from AND $to ORDER BY time_ms LIMIT 1;";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$from", timeMs - window);
        command.Parameters.AddWithValue("$to", timeMs);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = reader.GetString(0);
        throttle.Remember(key, id, reader.GetInt64(1), window);
        return id;
    }

    private static string ThrottleKey(PipelineAlert alert)
    {
        var entities = string.Join('|', alert.Entities.Select(e => e.Name.ToUpperInvariant()).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(alert.Alert.Detector + "\n" + entities)))[..24];
    }

    private static string Group(SqliteConnection connection, SqliteTransaction transaction, PipelineAlert alert, bool countsForRisk, IncidentSettings settings, long now)
    {
        var time = alert.Alert.Time.ToUnixTimeMilliseconds();
        var window = (long)settings.GroupingWindow.TotalMilliseconds;
        var names = alert.Entities.Where(e => GroupingKeys.Links(e.Kind, e.Name) && (e.Kind != "ip" || alert.Entities.Count == 1))
            .Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? id = null;
        if (names.Count > 0)
        {
            using var find = connection.CreateCommand();
            find.Transaction = transaction;
            var placeholders = string.Join(", ", names.Select((_, i) => "$e" + i));
            find.CommandText = $"""
                SELECT i.id FROM incidents i JOIN incident_entities e ON e.incident_id = i.id
                WHERE e.entity IN ({placeholders}) AND i.status <> 'closed' AND i.last_ms >= $from AND i.first_ms <= $to
                ORDER BY i.last_ms DESC LIMIT 1;
                """;
            for (var i = 0; i < names.Count; i++)
            {
                find.Parameters.AddWithValue("$e" + i, names[i]);
            }

            find.Parameters.AddWithValue("$from", time - window);
            find.Parameters.AddWithValue("$to", time + window);
            id = find.ExecuteScalar() as string;
        }

        var points = countsForRisk ? RiskScoring.Points(alert) : 0;
        var severity = EmbeddedAlertStore.Rank(alert.Alert.Severity);
        if (id is null)
        {
            id = "INC-" + alert.Alert.Id[..Math.Min(12, alert.Alert.Id.Length)].ToUpperInvariant();
            var main = alert.Entities.FirstOrDefault(e => e.Kind == "user") ?? (alert.Entities.Count > 0 ? alert.Entities[0] : null);
            Execute(connection, """
                INSERT INTO incidents VALUES ($id, $title, 'open', $now, $now, $time, $time, $severity, $points, $risk, $entities, $tactics, $techniques, 1);
                """, transaction,
                ("$id", id), ("$title", main is null ? alert.Alert.Title : $"{alert.Alert.Title} ({main.Name})"), ("$now", now), ("$time", time),
                ("$severity", severity), ("$points", points), ("$risk", RiskScoring.Risk(points, alert.Tactics.Count)),
                ("$entities", JsonSerializer.Serialize(names)), ("$tactics", JsonSerializer.Serialize(alert.Tactics)),
                ("$techniques", JsonSerializer.Serialize(alert.Alert.Techniques)));
        }
        else
        {
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT points, entities, tactics, techniques FROM incidents WHERE id = $id;";
            read.Parameters.AddWithValue("$id", id);
            double total;
            List<string> entities, tactics, techniques;
            using (var reader = read.ExecuteReader())
            {
                reader.Read();
                total = reader.GetDouble(0) + points;
                entities = Union(reader.GetString(1), names);
                tactics = Union(reader.GetString(2), alert.Tactics);
                techniques = Union(reader.GetString(3), alert.Alert.Techniques);
            }

            Execute(connection, """
                UPDATE incidents SET updated_ms = $now, first_ms = MIN(first_ms, $time), last_ms = MAX(last_ms, $time), severity = MAX(severity, $severity),
                  points = $points, risk = $risk, entities = $entities, tactics = $tactics, techniques = $techniques, alert_count = alert_count + 1
                WHERE id = $id;
                """, transaction,
                ("$id", id), ("$now", now), ("$time", time), ("$severity", severity), ("$points", total), ("$risk", RiskScoring.Risk(total, tactics.Count)),
                ("$entities", JsonSerializer.Serialize(entities)), ("$tactics", JsonSerializer.Serialize(tactics)), ("$techniques", JsonSerializer.Serialize(techniques)));
        }

        foreach (var name in names)
        {
            Execute(connection, "INSERT OR IGNORE INTO incident_entities VALUES ($id, $entity);", transaction, ("$id", id), ("$entity", name));
        }

        return id;
    }

    private static void AddEntityRisk(SqliteConnection connection, SqliteTransaction transaction, AlertEntity entity, PipelineAlert alert, long now)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT points, tactics FROM entity_risk WHERE entity = $entity;";
        read.Parameters.AddWithValue("$entity", entity.Name);
        double points = 0;
        List<string> tactics = [.. alert.Tactics];
        using (var reader = read.ExecuteReader())
        {
            if (reader.Read())
            {
                points = reader.GetDouble(0);
                tactics = Union(reader.GetString(1), alert.Tactics);
            }
        }

        points += RiskScoring.Points(alert);
        Execute(connection, """
            INSERT INTO entity_risk VALUES ($entity, $kind, $points, $tactics, $criticality, $risk, 1, $now)
            ON CONFLICT (entity) DO UPDATE SET points = excluded.points, tactics = excluded.tactics, risk = excluded.risk,
              criticality = COALESCE(excluded.criticality, criticality), alert_count = alert_count + 1, updated_ms = excluded.updated_ms;
            """, transaction,
            ("$entity", entity.Name), ("$kind", entity.Kind), ("$points", points), ("$tactics", JsonSerializer.Serialize(tactics)),
            ("$criticality", entity.Criticality), ("$risk", RiskScoring.Risk(points, tactics.Count)), ("$now", now));
    }

    private static List<string> Union(string json, IEnumerable<string> more)
        => [.. (JsonSerializer.Deserialize<List<string>>(json) ?? []).Concat(more).Distinct(StringComparer.OrdinalIgnoreCase)];
}

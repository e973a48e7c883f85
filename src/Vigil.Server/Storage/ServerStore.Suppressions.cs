using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Server.Feedback;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>The fewest false-positive verdicts on a detector (or on one of its entities) before a suppression is proposed.</summary>
    public const int MinFalsePositivesToPropose = 2;

    /// <summary>The expiry of a suppression when none is given: 30 days.</summary>
    public static readonly TimeSpan DefaultSuppressionExpiry = TimeSpan.FromDays(30);

    private const int PreviewIds = 10;
    private const int PreviewTruePositiveIds = 100;

    private const string SuppressionColumns = "id, detector, entity, reason, status, created_by, created_ms, expires_ms, decided_by, decided_ms, preview";

    /// <summary>
    /// Derives suppression proposals from the latest verdicts. For each detector with at least
    /// <see cref="MinFalsePositivesToPropose"/> false positives: one proposal per entity that at least that many of them share
    /// (the entity covering most first, then among the rest); when no entity qualifies, one for the whole detector if false
    /// positives are at least half of its verdicts. A proposal equal to one already proposed or active is not made again, nor
    /// one equal to a rejected or revoked one unless there are now more false positives behind it. Each carries an impact
    /// preview on the stored alerts. Audited.
    /// </summary>
    /// <param name="actor">Who asked.</param>
    /// <returns>The new proposals.</returns>
    public IReadOnlyList<SuppressionView> ProposeSuppressions(string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        var judged = new List<(string Id, string Detector, string Verdict, List<string> Entities)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                WITH latest AS ({LatestVerdicts})
                SELECT a.id, a.detector, l.verdict, s.entities FROM alerts a JOIN alert_state s ON s.alert_id = a.id JOIN latest l ON l.alert_id = a.id
                ORDER BY a.time_ms, a.id;
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var entities = JsonSerializer.Deserialize<List<AlertEntity>>(reader.GetString(3)) ?? [];
                judged.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    [.. entities.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase)]));
            }
        }

        var existing = ReadSuppressions(connection, transaction, null, now);
        var created = new List<SuppressionView>();
        foreach (var detector in judged.GroupBy(j => j.Detector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var falsePositives = detector.Where(j => VerdictNames.IsFalsePositive(j.Verdict)).ToList();
            if (falsePositives.Count < MinFalsePositivesToPropose)
            {
                continue;
            }

            var verdicts = detector.Count();
            var share = $"{falsePositives.Count} of {verdicts} verdicts on {detector.Key} are false positives";
            var candidates = new List<(string? Entity, int Evidence, string Reason)>();
            var remaining = falsePositives.ToList();
            while (remaining
                .SelectMany(f => f.Entities.Select(e => (Entity: e, f.Id)))
                .GroupBy(x => x.Entity, StringComparer.OrdinalIgnoreCase)
                .Select(g => (Entity: g.Key, Ids: g.Select(x => x.Id).ToList()))
                .Where(g => g.Ids.Count >= MinFalsePositivesToPropose)
                .OrderByDescending(g => g.Ids.Count).ThenBy(g => g.Entity, StringComparer.Ordinal)
                .FirstOrDefault() is { Entity: not null } best)
            {
                candidates.Add((best.Entity, best.Ids.Count,
                    $"{best.Ids.Count} false-positive verdicts on {detector.Key} share entity '{best.Entity}' (alerts {string.Join(", ", best.Ids.Take(5))}"
                    + (best.Ids.Count > 5 ? ", ..." : string.Empty) + $"); {share}"));
                remaining.RemoveAll(f => best.Ids.Contains(f.Id, StringComparer.Ordinal));
            }

            if (candidates.Count == 0 && falsePositives.Count * 2 >= verdicts)
            {
                candidates.Add((null, falsePositives.Count,
                    $"{share} ({(double)falsePositives.Count / verdicts:P0}); no entity is shared by {MinFalsePositivesToPropose} or more of them"));
            }

            foreach (var (entity, evidence, reason) in candidates)
            {
                var same = existing.Where(s => s.Detector == detector.Key && string.Equals(s.Entity, entity, StringComparison.OrdinalIgnoreCase)).ToList();
                if (same.Any(s => s.View.Status is "proposed" or "active")
                    || same.Any(s => s.View.Status is "rejected" or "revoked" && s.Evidence >= evidence))
                {
                    continue;
                }

                created.Add(InsertProposal(connection, transaction, detector.Key, entity, reason, evidence, actor, now));
            }
        }

        transaction.Commit();
        return created;
    }

    /// <summary>Lists suppressions, newest first.</summary>
    /// <param name="status">proposed, active, expired, rejected or revoked; null for all.</param>
    /// <returns>The suppressions.</returns>
    public IReadOnlyList<SuppressionView> ListSuppressions(string? status)
    {
        using var connection = Connect();
        return [.. ReadSuppressions(connection, null, null, Now()).Select(s => s.View).Where(s => status is null || s.Status == status)];
    }

    /// <summary>Accepts a proposed suppression: new alerts it matches are stored as suppressed until it expires. Audited.</summary>
    /// <param name="id">The suppression.</param>
    /// <param name="expiry">How long it applies from now.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The outcome.</returns>
    public SuppressionChange AcceptSuppression(string id, TimeSpan expiry, string actor)
        => ChangeSuppression(id, actor, "suppression.accept", "proposed", "active", expiry);

    /// <summary>Rejects a proposed suppression. Audited.</summary>
    /// <param name="id">The suppression.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The outcome.</returns>
    public SuppressionChange RejectSuppression(string id, string actor) => ChangeSuppression(id, actor, "suppression.reject", "proposed", "rejected", null);

    /// <summary>Revokes an active suppression (also one past its expiry). Audited.</summary>
    /// <param name="id">The suppression.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The outcome.</returns>
    public SuppressionChange RevokeSuppression(string id, string actor) => ChangeSuppression(id, actor, "suppression.revoke", "active", "revoked", null);

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

    private SuppressionChange ChangeSuppression(string id, string actor, string action, string from, string to, TimeSpan? expiry)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        var before = ReadSuppressions(connection, transaction, id, now).FirstOrDefault().View;
        if (before is null)
        {
            return SuppressionChange.NotFound;
        }

        var stored = (string)Scalar(connection, "SELECT status FROM suppressions WHERE id = $id;", transaction, ("$id", id))!;
        if (stored != from)
        {
            return new SuppressionChange(null, $"suppression '{id}' is {before.Status}; only a {from} one can be {to}");
        }

        Execute(connection, """
            UPDATE suppressions SET status = $status, decided_by = $actor, decided_ms = $now, expires_ms = COALESCE($expires, expires_ms) WHERE id = $id;
            """, transaction,
            ("$id", id), ("$status", to), ("$actor", actor), ("$now", now), ("$expires", expiry is { } e ? now + (long)e.TotalMilliseconds : null));
        var after = ReadSuppressions(connection, transaction, id, now)[0].View;
        RecordAudit(connection, transaction, actor, action, "suppression/" + id, Json(before), Json(after));
        transaction.Commit();
        return new SuppressionChange(after, null);
    }

    private SuppressionView InsertProposal(
        SqliteConnection connection, SqliteTransaction transaction, string detector, string? entity, string reason, int evidence, string actor, long now)
    {
        var id = "SUP-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var preview = Preview(connection, transaction, detector, entity, now);
        Execute(connection, """
            INSERT INTO suppressions (id, detector, entity, reason, status, created_by, created_ms, expires_ms, preview, evidence)
            VALUES ($id, $detector, $entity, $reason, 'proposed', $actor, $now, $expires, $preview, $evidence);
            """, transaction,
            ("$id", id), ("$detector", detector), ("$entity", entity), ("$reason", reason), ("$actor", actor), ("$now", now),
            ("$expires", now + (long)DefaultSuppressionExpiry.TotalMilliseconds), ("$preview", Json(preview)), ("$evidence", evidence));
        var view = ReadSuppressions(connection, transaction, id, now)[0].View;
        RecordAudit(connection, transaction, actor, "suppression.propose", "suppression/" + id, null, Json(view));
        return view;
    }

    private static SuppressionPreview Preview(SqliteConnection connection, SqliteTransaction transaction, string detector, string? entity, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            WITH latest AS ({LatestVerdicts})
            SELECT a.id, l.verdict FROM alerts a JOIN alert_state s ON s.alert_id = a.id LEFT JOIN latest l ON l.alert_id = a.id
            WHERE a.detector = $detector AND ($entity IS NULL OR a.id IN (SELECT alert_id FROM alert_entities WHERE entity = $entity))
            ORDER BY a.time_ms, a.id;
            """;
        command.Parameters.AddWithValue("$detector", detector);
        command.Parameters.AddWithValue("$entity", (object?)entity ?? DBNull.Value);
        var (removed, benign, falsePositives, unjudged) = (0, 0, 0, 0);
        var first = new List<string>();
        var truePositives = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var alertId = reader.GetString(0);
            var verdict = reader.IsDBNull(1) ? null : reader.GetString(1);
            removed++;
            if (first.Count < PreviewIds)
            {
                first.Add(alertId);
            }

            switch (verdict)
            {
                case VerdictNames.TruePositive:
                    truePositives.Add(alertId);
                    break;
                case VerdictNames.BenignPositive:
                    benign++;
                    break;
                case VerdictNames.FalsePositiveLogic or VerdictNames.FalsePositiveData:
                    falsePositives++;
                    break;
                default:
                    unjudged++;
                    break;
            }
        }

        return new SuppressionPreview(
            removed, first, truePositives.Count, [.. truePositives.Take(PreviewTruePositiveIds)], benign, falsePositives, unjudged, Ms(now));
    }

    private static List<(SuppressionView View, string Detector, string? Entity, int Evidence)> ReadSuppressions(
        SqliteConnection connection, SqliteTransaction? transaction, string? id, long? now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SuppressionColumns}, evidence FROM suppressions WHERE ($id IS NULL OR id = $id) ORDER BY created_ms DESC, id;";
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<(SuppressionView, string, string?, int)>();
        while (reader.Read())
        {
            var status = reader.GetString(4);
            var expires = reader.GetInt64(7);
            if (status == "active" && now is { } n && expires <= n)
            {
                status = "expired";
            }

            var entity = reader.IsDBNull(2) ? null : reader.GetString(2);
            var preview = JsonSerializer.Deserialize<SuppressionPreview>(reader.GetString(10), ServerJson.Options)
                ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"suppression {reader.GetString(0)} has no preview"));
            list.Add((new SuppressionView(
                reader.GetString(0), reader.GetString(1), entity, reader.GetString(3), status, reader.GetString(5), Ms(reader.GetInt64(6)), Ms(expires),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : Ms(reader.GetInt64(9)), preview),
                reader.GetString(1), entity, reader.GetInt32(11)));
        }

        return list;
    }
}

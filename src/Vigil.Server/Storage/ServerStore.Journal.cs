using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>The cursor name of the detection worker.</summary>
    public const string DetectionCursor = "detection";

    /// <summary>
    /// Journals batches in one transaction. A batch whose idempotency key is already journaled is not written again; its
    /// first sequence number is returned with <c>Duplicate = true</c>.
    /// </summary>
    /// <param name="batches">The batches.</param>
    /// <returns>For each batch in order: its sequence number and whether it was a duplicate.</returns>
    public IReadOnlyList<(long Sequence, bool Duplicate)> AppendJournal(IReadOnlyList<IncomingBatch> batches)
    {
        var results = new List<(long, bool)>(batches.Count);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT seq FROM journal WHERE idempotency_key = $key;";
        var findKey = find.Parameters.Add("$key", SqliteType.Text);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO journal (received_ms, source, format, idempotency_key, events, payload) VALUES ($received, $source, $format, $key, $events, $payload) RETURNING seq;";
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var source = insert.Parameters.Add("$source", SqliteType.Text);
        var format = insert.Parameters.Add("$format", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var events = insert.Parameters.Add("$events", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var keysInThisCall = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            if (batch.IdempotencyKey is { } k)
            {
                if (keysInThisCall.TryGetValue(k, out var earlier))
                {
                    results.Add((earlier, true));
                    continue;
                }

                findKey.Value = k;
                if (find.ExecuteScalar() is long existing)
                {
                    results.Add((existing, true));
                    continue;
                }
            }

            received.Value = batch.ReceivedAt.ToUnixTimeMilliseconds();
            source.Value = batch.Source;
            format.Value = batch.Format;
            key.Value = (object?)batch.IdempotencyKey ?? DBNull.Value;
            events.Value = batch.EstimatedEvents;
            // The bodies arrive as whole arrays: bind them without another copy.
            payload.Value = MemoryMarshal.TryGetArray(batch.Payload, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : batch.Payload.ToArray();
            var seq = (long)insert.ExecuteScalar()!;
            if (batch.IdempotencyKey is { } added)
            {
                keysInThisCall[added] = seq;
            }

            results.Add((seq, false));
        }

        transaction.Commit();
        return results;
    }

    /// <summary>Reads journaled batches after a sequence number, oldest first.</summary>
    /// <param name="after">The last sequence number already processed.</param>
    /// <param name="maxBatches">The most batches to return.</param>
    /// <param name="maxEvents">Stops adding batches once this many (estimated) events are in.</param>
    /// <returns>The batches.</returns>
    public IReadOnlyList<JournalBatch> ReadJournal(long after, int maxBatches, long maxEvents)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, source, format, received_ms, payload, events FROM journal WHERE seq > $after ORDER BY seq LIMIT $limit;";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", maxBatches);
        var batches = new List<JournalBatch>();
        long total = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read() && (batches.Count == 0 || total < maxEvents))
        {
            batches.Add(new JournalBatch(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), (byte[])reader.GetValue(4)));
            total += reader.GetInt64(5);
        }

        return batches;
    }

    /// <summary>The sequence number to replay from at start: the first batch received within <paramref name="window"/> before the cursor's batch.</summary>
    /// <param name="cursor">The detection cursor.</param>
    /// <param name="window">How far back.</param>
    /// <returns>The last sequence number before the replay (replay reads after it).</returns>
    public long ReplayFrom(long cursor, TimeSpan window)
    {
        using var connection = Connect();
        var received = Scalar(connection, "SELECT received_ms FROM journal WHERE seq <= $c ORDER BY seq DESC LIMIT 1;", null, ("$c", cursor)) as long?;
        if (received is null)
        {
            return cursor;
        }

        var first = Scalar(connection, "SELECT MIN(seq) FROM journal WHERE seq <= $c AND received_ms >= $from;", null,
            ("$c", cursor), ("$from", received.Value - (long)window.TotalMilliseconds)) as long?;
        return first is null ? cursor : first.Value - 1;
    }

    /// <summary>
    /// Empties the payloads of journaled batches that detection has passed and that were received before
    /// <paramref name="cutoff"/>; the rows and idempotency keys stay. Pages freed are reused by SQLite.
    /// </summary>
    /// <param name="cutoff">Batches received before this lose their payload.</param>
    /// <returns>How many batches were emptied, and how many payload bytes that freed.</returns>
    public (long Batches, long Bytes) PruneJournal(DateTimeOffset cutoff)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var cursor = Scalar(connection, "SELECT seq FROM cursors WHERE name = $name;", transaction, ("$name", DetectionCursor)) as long? ?? 0;
        using var measure = connection.CreateCommand();
        measure.Transaction = transaction;
        measure.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM journal WHERE seq <= $c AND received_ms < $cutoff AND length(payload) > 0;";
        measure.Parameters.AddWithValue("$c", cursor);
        measure.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        long batches, bytes;
        using (var reader = measure.ExecuteReader())
        {
            reader.Read();
            batches = reader.GetInt64(0);
            bytes = reader.GetInt64(1);
        }

        Execute(connection, "UPDATE journal SET payload = x'' WHERE seq <= $c AND received_ms < $cutoff AND length(payload) > 0;", transaction,
            ("$c", cursor), ("$cutoff", cutoff.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return (batches, bytes);
    }

    /// <summary>Gets a cursor (0 when never set).</summary>
    /// <param name="name">The cursor.</param>
    /// <returns>The last sequence number processed.</returns>
    public long GetCursor(string name)
    {
        using var connection = Connect();
        return Scalar(connection, "SELECT seq FROM cursors WHERE name = $name;", null, ("$name", name)) is long seq ? seq : 0;
    }

    /// <summary>Gets the journal figures: last sequence number, and events journaled but not yet past the detection cursor.</summary>
    /// <returns>The figures.</returns>
    public (long LastSequence, long PendingBatches, long PendingEvents, long TotalEvents) JournalFigures()
    {
        using var connection = Connect();
        var cursor = Scalar(connection, "SELECT seq FROM cursors WHERE name = $name;", null, ("$name", DetectionCursor)) as long? ?? 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0), COUNT(*) FILTER (WHERE seq > $c), COALESCE(SUM(events) FILTER (WHERE seq > $c), 0), COALESCE(SUM(events), 0) FROM journal;";
        command.Parameters.AddWithValue("$c", cursor);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    internal static void SetCursor(SqliteConnection connection, SqliteTransaction transaction, string name, long seq)
        => Execute(connection, "INSERT INTO cursors VALUES ($name, $seq) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq;", transaction, ("$name", name), ("$seq", seq));
}

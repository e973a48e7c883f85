using Microsoft.Data.Sqlite;

namespace Vigil.Response.Audit;

/// <summary>Walks a stored audit chain once, in sequence order, and reports the first break.</summary>
internal static class AuditChainVerifier
{
    /// <summary>Verifies the chain in <c>response_audit</c>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="expectedHeadHash">An anchored hash that must still be in the chain, or null.</param>
    /// <returns>The report.</returns>
    public static AuditVerification Verify(SqliteConnection connection, string? expectedHeadHash)
    {
        long total;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM response_audit;";
            total = (long)count.ExecuteScalar()!;
        }

        var anchorFound = expectedHeadHash is null || string.Equals(expectedHeadHash, AuditHashing.Genesis, StringComparison.Ordinal);
        var previous = AuditHashing.Genesis;
        long expectedSeq = 1;
        long verified = 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time_ms, kind, actor, subject, body, prev_hash, hash FROM response_audit ORDER BY seq;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var stored = reader.GetString(7);
            var prevHash = reader.GetString(6);
            var computed = AuditHashing.ComputeHash(seq, reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), prevHash);
            if (!string.Equals(computed, stored, StringComparison.Ordinal))
            {
                return Broken(AuditBreak.Altered, verified, previous, seq, total,
                    $"record {seq}: the stored hash does not match its contents (altered or forged)");
            }

            if (seq != expectedSeq)
            {
                return Broken(AuditBreak.Removed, verified, previous, expectedSeq, total,
                    seq > expectedSeq
                        ? $"record {expectedSeq} is missing (the next stored record is {seq}): removed"
                        : $"record {seq} is out of sequence (expected {expectedSeq}): forged");
            }

            if (!string.Equals(prevHash, previous, StringComparison.Ordinal))
            {
                return Broken(AuditBreak.ChainBroken, verified, previous, seq, total,
                    $"record {seq}: its previous-hash does not match record {seq - 1} (reordered, replaced or removed)");
            }

            previous = stored;
            anchorFound |= string.Equals(stored, expectedHeadHash, StringComparison.Ordinal);
            verified++;
            expectedSeq++;
        }

        if (!anchorFound)
        {
            return new AuditVerification(AuditBreak.Truncated, verified, previous, expectedSeq,
                $"the anchored head hash {expectedHeadHash} is not in the chain: records after {expectedSeq - 1} were removed or rewritten", 0);
        }

        return new AuditVerification(AuditBreak.None, verified, previous, null, null, 0);
    }

    private static AuditVerification Broken(AuditBreak kind, long verified, string head, long seq, long total, string reason) =>
        new(kind, verified, head, seq, reason, total - verified);
}

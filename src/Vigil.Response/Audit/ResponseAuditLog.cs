using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Vigil.Response.Audit;

/// <summary>
/// The tamper-evident response audit log: append-only, hash-chained records in one SQLite table
/// <c>response_audit</c> (see <see cref="AuditHashing"/> for the encoding). Appends are serialised (a lock in this
/// process, <c>BEGIN IMMEDIATE</c> across processes) so the chain never forks; triggers refuse UPDATE and DELETE.
/// Anyone with write access to the file can still drop the triggers and rewrite it: <see cref="Verify(string?)"/> detects
/// that, and an anchored head hash kept elsewhere detects a truncated tail. Thread-safe; one connection guarded by a lock.
/// </summary>
internal sealed class ResponseAuditLog : IDisposable
{
    private const string Columns = "seq, time_ms, kind, actor, subject, body, prev_hash, hash";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _path;

    private ResponseAuditLog(SqliteConnection connection, TimeProvider time, string path)
    {
        _connection = connection;
        _time = time;
        _path = path;
    }

    /// <summary>Opens (and creates when missing) an audit log.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="time">The clock records are stamped with.</param>
    /// <returns>The log.</returns>
    /// <exception cref="AuditLogException">The file cannot be opened or is not an audit log.</exception>
    public static ResponseAuditLog Open(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS response_audit (
                  seq INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL,
                  subject TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE TRIGGER IF NOT EXISTS response_audit_no_update BEFORE UPDATE ON response_audit
                  BEGIN SELECT RAISE(ABORT, 'response_audit is append-only'); END;
                CREATE TRIGGER IF NOT EXISTS response_audit_no_delete BEFORE DELETE ON response_audit
                  BEGIN SELECT RAISE(ABORT, 'response_audit is append-only'); END;
                """;
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new AuditLogException($"{path}: cannot open the audit log: {ex.Message}", ex);
        }

        return new ResponseAuditLog(connection, time, path);
    }

    /// <summary>Appends a record chained to the current head.</summary>
    /// <param name="kind">What it is about.</param>
    /// <param name="actor">Who did it.</param>
    /// <param name="subject">What it concerns.</param>
    /// <param name="body">The details; stored as canonical JSON (<c>{}</c> when null).</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="AuditLogException">The record cannot be written.</exception>
    public AuditRecord Append(AuditKind kind, string actor, string subject, JsonNode? body)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subject);
        var kindName = AuditKindNames.ToName(kind);
        var canonical = AuditHashing.CanonicalJson(body);
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                long seq;
                string prevHash;
                using (var head = _connection.CreateCommand())
                {
                    head.Transaction = transaction;
                    head.CommandText = "SELECT seq, hash FROM response_audit ORDER BY seq DESC LIMIT 1;";
                    using var reader = head.ExecuteReader();
                    (seq, prevHash) = reader.Read() ? (reader.GetInt64(0) + 1, reader.GetString(1)) : (1L, AuditHashing.Genesis);
                }

                var timeMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
                var hash = AuditHashing.ComputeHash(seq, timeMs, kindName, actor, subject, canonical, prevHash);
                using (var insert = _connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO response_audit ({Columns}) VALUES ($seq, $time, $kind, $actor, $subject, $body, $prev, $hash);";
                    insert.Parameters.AddWithValue("$seq", seq);
                    insert.Parameters.AddWithValue("$time", timeMs);
                    insert.Parameters.AddWithValue("$kind", kindName);
                    insert.Parameters.AddWithValue("$actor", actor);
                    insert.Parameters.AddWithValue("$subject", subject);
                    insert.Parameters.AddWithValue("$body", canonical);
                    insert.Parameters.AddWithValue("$prev", prevHash);
                    insert.Parameters.AddWithValue("$hash", hash);
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
                return new AuditRecord(seq, timeMs, kind, actor, subject, canonical, prevHash, hash);
            }
            catch (SqliteException ex)
            {
                throw new AuditLogException($"{_path}: cannot append to the audit log: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Reads records in sequence order.</summary>
    /// <param name="after">Only records with a greater sequence number (0 for the start).</param>
    /// <param name="limit">The most records to return.</param>
    /// <returns>The records.</returns>
    /// <exception cref="AuditLogException">The log cannot be read or holds an unknown kind.</exception>
    public IReadOnlyList<AuditRecord> Read(long after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var records = new List<AuditRecord>();
        lock (_gate)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM response_audit WHERE seq > $after ORDER BY seq LIMIT $limit;";
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    records.Add(ToRecord(reader));
                }
            }
            catch (SqliteException ex)
            {
                throw new AuditLogException($"{_path}: cannot read the audit log: {ex.Message}", ex);
            }
        }

        return records;
    }

    /// <summary>
    /// Writes every record as one JSON object per line, in sequence order: <c>seq</c>, <c>time</c> (ISO 8601 UTC),
    /// <c>time_ms</c>, <c>kind</c>, <c>actor</c>, <c>subject</c>, <c>body</c> (the stored JSON), <c>prev_hash</c>, <c>hash</c>.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="AuditLogException">The log cannot be read.</exception>
    public long ExportJsonLines(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        long count = 0;
        var after = 0L;
        while (true)
        {
            var page = Read(after, 1000);
            foreach (var record in page)
            {
                writer.Write(AuditJsonLine.Format(record));
                writer.Write('\n');
                count++;
                after = record.Seq;
            }

            if (page.Count < 1000)
            {
                return count;
            }
        }
    }

    /// <summary>Verifies the whole chain, optionally against a head hash recorded earlier outside this file.</summary>
    /// <param name="expectedHeadHash">An anchored hash that must still be in the chain (it may have been followed by later records).</param>
    /// <returns>The report: intact with count and head, or the first break and why.</returns>
    /// <exception cref="AuditLogException">The log cannot be read.</exception>
    public AuditVerification Verify(string? expectedHeadHash = null)
    {
        lock (_gate)
        {
            try
            {
                return AuditChainVerifier.Verify(_connection, expectedHeadHash);
            }
            catch (SqliteException ex)
            {
                throw new AuditLogException($"{_path}: cannot read the audit log: {ex.Message}", ex);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private AuditRecord ToRecord(SqliteDataReader reader)
    {
        var kindName = reader.GetString(2);
        if (!AuditKindNames.TryParse(kindName, out var kind))
        {
            throw new AuditLogException($"{_path}: record {reader.GetInt64(0)} has an unknown kind '{kindName}'");
        }

        return new AuditRecord(reader.GetInt64(0), reader.GetInt64(1), kind, reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetString(6), reader.GetString(7));
    }
}

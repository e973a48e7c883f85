using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Core.Alerts;

namespace Vigil.Storage.Embedded;

/// <summary>
/// The default alert store: one SQLite file (write-ahead log, full synchronous commits: an append that returned survives
/// a crash). Alerts are keyed by their stable id, so a retried append stores nothing twice; ingest batch keys are kept
/// the same way. The schema version is checked at open: a file from a newer Vigil is refused rather than damaged.
/// Thread-safe: each call opens a pooled connection.
/// </summary>
public sealed class EmbeddedAlertStore : IAlertStore
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private EmbeddedAlertStore(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
    }

    /// <summary>Opens (and creates when missing) the store in a file.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock batch keys are recorded with; the system clock when null.</param>
    /// <returns>The store.</returns>
    /// <exception cref="EmbeddedStoreException">The file cannot be opened, is not a Vigil store, or is from a newer version.</exception>
    public static EmbeddedAlertStore Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var store = new EmbeddedAlertStore(connectionString, time ?? TimeProvider.System);
        try
        {
            using var connection = store.Connect();
            var version = Scalar<long>(connection, "PRAGMA user_version;");
            if (version > SchemaVersion)
            {
                throw new EmbeddedStoreException($"{path}: the store has schema version {version}, newer than this Vigil's {SchemaVersion}; use a newer Vigil");
            }

            if (version == 0)
            {
                Execute(connection, """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS alerts (
                      id TEXT PRIMARY KEY, detector TEXT NOT NULL, title TEXT NOT NULL, severity INTEGER NOT NULL,
                      time_ms INTEGER NOT NULL, techniques TEXT NOT NULL, entities TEXT NOT NULL, json TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS alerts_time ON alerts (time_ms);
                    CREATE TABLE IF NOT EXISTS alert_entities (alert_id TEXT NOT NULL, entity TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (alert_id, entity));
                    CREATE INDEX IF NOT EXISTS alert_entities_entity ON alert_entities (entity);
                    CREATE TABLE IF NOT EXISTS batches (key TEXT PRIMARY KEY, recorded_ms INTEGER NOT NULL);
                    PRAGMA user_version = 1;
                    """);
            }
        }
        catch (SqliteException ex)
        {
            throw new EmbeddedStoreException($"{path}: cannot open the store: {ex.Message}", ex);
        }

        return store;
    }

    /// <inheritdoc />
    public int Append(IReadOnlyCollection<StoredAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var added = Insert(connection, transaction, alerts, null);
        transaction.Commit();
        return added;
    }

    /// <summary>Inserts alerts inside the caller's transaction (the server commits alerts, incidents and its cursor together).</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="transaction">The transaction.</param>
    /// <param name="alerts">The alerts; ones already stored (same id) are skipped.</param>
    /// <param name="newlyStored">Receives the alerts that were not stored before, or null.</param>
    /// <returns>How many were new.</returns>
    internal static int Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<StoredAlert> alerts, List<StoredAlert>? newlyStored)
    {
        foreach (var alert in alerts)
        {
            if (string.IsNullOrEmpty(alert.Id) || Rank(alert.Severity) < 0)
            {
                throw new ArgumentException($"alert '{alert.Id}': an id and a severity ({string.Join(", ", Severities)}) are required", nameof(alerts));
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO alerts VALUES ($id, $detector, $title, $severity, $time, $techniques, $entities, $json);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var detector = insert.Parameters.Add("$detector", SqliteType.Text);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var severity = insert.Parameters.Add("$severity", SqliteType.Integer);
        var time = insert.Parameters.Add("$time", SqliteType.Integer);
        var techniques = insert.Parameters.Add("$techniques", SqliteType.Text);
        var entities = insert.Parameters.Add("$entities", SqliteType.Text);
        var json = insert.Parameters.Add("$json", SqliteType.Text);
        using var entity = connection.CreateCommand();
        entity.Transaction = transaction;
        entity.CommandText = "INSERT OR IGNORE INTO alert_entities VALUES ($id, $entity);";
        var entityId = entity.Parameters.Add("$id", SqliteType.Text);
        var entityValue = entity.Parameters.Add("$entity", SqliteType.Text);
        var added = 0;
        foreach (var alert in alerts)
        {
            id.Value = alert.Id;
            detector.Value = alert.Detector;
            title.Value = alert.Title;
            severity.Value = Rank(alert.Severity);
            time.Value = alert.Time.ToUnixTimeMilliseconds();
            techniques.Value = JsonSerializer.Serialize(alert.Techniques, StoreJsonContext.Default.IReadOnlyListString);
            entities.Value = JsonSerializer.Serialize(alert.Entities, StoreJsonContext.Default.IReadOnlyListString);
            json.Value = alert.Json;
            var inserted = insert.ExecuteNonQuery();
            added += inserted;
            if (inserted == 0)
            {
                continue;
            }

            newlyStored?.Add(alert);
            foreach (var value in alert.Entities.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                entityId.Value = alert.Id;
                entityValue.Value = value;
                entity.ExecuteNonQuery();
            }
        }

        return added;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAlert> Query(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MinimumSeverity is { } minimum && Rank(minimum) < 0)
        {
            throw new ArgumentException($"'{minimum}' is not a severity ({string.Join(", ", Severities)})", nameof(query));
        }

        using var connection = Connect();
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.From is { } from)
        {
            where.Add("a.time_ms >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            where.Add("a.time_ms < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (query.MinimumSeverity is { } severity)
        {
            where.Add("a.severity >= $severity");
            command.Parameters.AddWithValue("$severity", Rank(severity));
        }

        if (query.Detector is { } detector)
        {
            where.Add("a.detector = $detector");
            command.Parameters.AddWithValue("$detector", detector);
        }

        if (query.Entity is { } entity)
        {
            where.Add("a.id IN (SELECT alert_id FROM alert_entities WHERE entity = $entity)");
            command.Parameters.AddWithValue("$entity", entity);
        }

        command.CommandText = "SELECT a.id, a.detector, a.title, a.severity, a.time_ms, a.techniques, a.entities, a.json FROM alerts a"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY a.time_ms DESC, a.id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 10_000));
        var results = new List<StoredAlert>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new StoredAlert(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Severities[reader.GetInt32(3)],
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                JsonSerializer.Deserialize(reader.GetString(5), StoreJsonContext.Default.IReadOnlyListString) ?? [],
                JsonSerializer.Deserialize(reader.GetString(6), StoreJsonContext.Default.IReadOnlyListString) ?? [],
                reader.GetString(7)));
        }

        return results;
    }

    /// <inheritdoc />
    public bool TryRecordBatch(string batchKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchKey);
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO batches VALUES ($key, $now);";
        command.Parameters.AddWithValue("$key", batchKey);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    /// <summary>The rank of a severity name (0 informational ... 4 critical), or -1.</summary>
    /// <param name="severity">The name.</param>
    /// <returns>The rank.</returns>
    internal static int Rank(string severity) => Array.IndexOf(Severities, severity);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}

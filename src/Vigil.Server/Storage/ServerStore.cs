using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Storage.Embedded;

namespace Vigil.Server.Storage;

/// <summary>
/// Everything the server keeps, in one SQLite file inside the workspace (write-ahead log, full synchronous commits): the
/// ingest journal, the detection cursor, alerts (the tables of <see cref="EmbeddedAlertStore"/>), alert state, incidents,
/// entity risk, verdicts, missed-threat reports, suppressions, triage models, API keys and the audit trail of every state
/// change. Thread-safe: each call opens a pooled connection; SQLite serialises writers.
/// </summary>
internal sealed partial class ServerStore
{
    /// <summary>The version of the server tables this code writes and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly string _connectionString;

    private ServerStore(string path, string connectionString, TimeProvider time, EmbeddedAlertStore alerts)
    {
        Path = path;
        _connectionString = connectionString;
        Time = time;
        Alerts = alerts;
    }

    /// <summary>Gets the database file.</summary>
    public string Path { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the alert tables, for queries.</summary>
    public EmbeddedAlertStore Alerts { get; }

    /// <summary>Opens (and creates) the store.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <returns>The store.</returns>
    /// <exception cref="EmbeddedStoreException">The file cannot be opened or is from a newer Vigil.</exception>
    public static ServerStore Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CreatePrivately(path);

        var alerts = EmbeddedAlertStore.Open(path, time);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var store = new ServerStore(path, connectionString, time ?? TimeProvider.System, alerts);
        try
        {
            using var connection = store.Connect();
            Execute(connection, "CREATE TABLE IF NOT EXISTS vigil_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
            var version = Scalar(connection, "SELECT value FROM vigil_meta WHERE key = 'server_schema';", null) is string text
                ? int.Parse(text, CultureInfo.InvariantCulture)
                : 0;
            if (version > SchemaVersion)
            {
                throw new EmbeddedStoreException($"{path}: the server tables have schema version {version}, newer than this Vigil's {SchemaVersion}; use a newer Vigil");
            }

            if (version == 0)
            {
                Execute(connection, ServerSchema.Sql);
            }
        }
        catch (SqliteException ex)
        {
            throw new EmbeddedStoreException($"{path}: cannot open the server store: {ex.Message}", ex);
        }

        return store;
    }

    /// <summary>
    /// Creates the store's folder and file readable by the owner only (events, alerts and API key hashes are in it);
    /// SQLite gives its -wal and -shm files the same mode. An existing file keeps the mode its owner gave it.
    /// </summary>
    private static void CreatePrivately(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (!File.Exists(full) && !OperatingSystem.IsWindows())
        {
            using var created = new FileStream(full, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }

    /// <summary>Opens a pooled connection with the store's settings.</summary>
    /// <returns>The open connection.</returns>
    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
        return connection;
    }

    internal long Now() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}

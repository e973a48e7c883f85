using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Security;

namespace Vigil.Server.Storage;

internal sealed partial class ServerStore
{
    /// <summary>Creates an API key. Only its SHA-256 hash is stored: the key itself is returned once and cannot be shown again.</summary>
    /// <param name="name">A name for it (who or what uses it).</param>
    /// <param name="role">Its role (see <see cref="Roles"/>).</param>
    /// <param name="createdBy">Who created it.</param>
    /// <returns>The key record and the secret key.</returns>
    public (ApiKeyInfo Key, string Secret) CreateKey(string name, string role, string createdBy)
    {
        if (!Roles.IsRole(role))
        {
            throw new ArgumentException($"'{role}' is not a role ({string.Join(", ", Roles.All)})", nameof(role));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = $"vgl_{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var now = Now();
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT INTO api_keys (id, name, role, hash, created_ms, created_by) VALUES ($id, $name, $role, $hash, $now, $by);", transaction,
            ("$id", id), ("$name", name), ("$role", role), ("$hash", Hash(secret)), ("$now", now), ("$by", createdBy));
        var info = new ApiKeyInfo(id, name, role, DateTimeOffset.FromUnixTimeMilliseconds(now), createdBy, null, null);
        RecordAudit(connection, transaction, createdBy, "api-key.create", "api-key/" + id, null, Json(info));
        transaction.Commit();
        return (info, secret);
    }

    /// <summary>Finds the key a secret belongs to, if it exists and is not revoked.</summary>
    /// <param name="secret">The key as presented.</param>
    /// <returns>The key, or null.</returns>
    public ApiKeyInfo? FindKey(string secret)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role, created_ms, created_by, revoked_ms, last_used_ms FROM api_keys WHERE hash = $hash AND revoked_ms IS NULL;";
        command.Parameters.AddWithValue("$hash", Hash(secret));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadKey(reader) : null;
    }

    /// <summary>Lists every key (never the secrets, which are not stored).</summary>
    /// <returns>The keys, oldest first.</returns>
    public IReadOnlyList<ApiKeyInfo> ListKeys()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role, created_ms, created_by, revoked_ms, last_used_ms FROM api_keys ORDER BY created_ms, id;";
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read())
        {
            keys.Add(ReadKey(reader));
        }

        return keys;
    }

    /// <summary>Revokes a key.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="actor">Who revokes it.</param>
    /// <returns>The key after revocation, or null when there is no such key.</returns>
    public ApiKeyInfo? RevokeKey(string id, string actor)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var before = ReadKeyById(connection, transaction, id);
        if (before is null)
        {
            return null;
        }

        Execute(connection, "UPDATE api_keys SET revoked_ms = COALESCE(revoked_ms, $now) WHERE id = $id;", transaction, ("$id", id), ("$now", Now()));
        var after = ReadKeyById(connection, transaction, id)!;
        RecordAudit(connection, transaction, actor, "api-key.revoke", "api-key/" + id, Json(before), Json(after));
        transaction.Commit();
        return after;
    }

    /// <summary>Whether any key exists (the first start creates an admin key).</summary>
    /// <returns>True when one does.</returns>
    public bool HasKeys()
    {
        using var connection = Connect();
        return Scalar(connection, "SELECT 1 FROM api_keys LIMIT 1;", null) is not null;
    }

    private static ApiKeyInfo? ReadKeyById(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, name, role, created_ms, created_by, revoked_ms, last_used_ms FROM api_keys WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadKey(reader) : null;
    }

    private static ApiKeyInfo ReadKey(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetString(4),
        reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Response.Audit;

/// <summary>
/// The fixed encoding the audit chain is hashed with (version 1). A record's hash is
/// <c>SHA-256(frame(seq) frame(time_ms) frame(kind) frame(actor) frame(subject) frame(body) frame(prev_hash))</c>, lowercase hex,
/// where <c>frame(x)</c> is the ASCII decimal byte length of the UTF-8 of <c>x</c>, a colon, those bytes and a comma
/// (a netstring, so no field can bleed into the next); <c>seq</c> and <c>time_ms</c> are invariant decimal integers, <c>kind</c>
/// is the snake_case name, and <c>body</c> is the stored canonical JSON text. The first record chains from <see cref="Genesis"/>.
/// </summary>
internal static class AuditHashing
{
    /// <summary>The previous-hash of the first record: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Computes a record's hash from its stored column values.</summary>
    /// <param name="seq">The sequence number.</param>
    /// <param name="timeMs">The time in Unix milliseconds.</param>
    /// <param name="kind">The stored kind name.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="body">The stored body text.</param>
    /// <param name="prevHash">The previous hash.</param>
    /// <returns>The SHA-256, lowercase hex.</returns>
    public static string ComputeHash(long seq, long timeMs, string kind, string actor, string subject, string body, string prevHash)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + body.Length);
        Frame(buffer, seq.ToString(CultureInfo.InvariantCulture));
        Frame(buffer, timeMs.ToString(CultureInfo.InvariantCulture));
        Frame(buffer, kind);
        Frame(buffer, actor);
        Frame(buffer, subject);
        Frame(buffer, body);
        Frame(buffer, prevHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// The canonical JSON of a body: no whitespace, object members sorted by ordinal key at every depth, array order
    /// kept, strings escaped by the default <see cref="Utf8JsonWriter"/> encoder, numbers as the node holds them.
    /// A null body is <c>{}</c>.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The canonical text.</returns>
    public static string CanonicalJson(JsonNode? body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            if (body is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, body);
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void Frame(ArrayBufferWriter<byte> buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = bytes.Length.ToString(CultureInfo.InvariantCulture);
        Encoding.ASCII.GetBytes(length, buffer);
        buffer.Write(":"u8);
        buffer.Write(bytes);
        buffer.Write(","u8);
    }
}

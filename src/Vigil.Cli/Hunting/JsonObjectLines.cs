using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Cli.Hunting;

/// <summary>Writes one JSON object a line to a text writer (the export formats), reusing one buffer.</summary>
internal sealed class JsonObjectLines(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);

    /// <summary>Writes an object whose properties <paramref name="body"/> writes, then a line feed.</summary>
    public void Write(Action<Utf8JsonWriter> body)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>Writes one JSON object per hit and line (JSON lines), as hits arrive.</summary>
internal sealed class JsonlHitWriter : IHitWriter
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    public JsonlHitWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void OnHit(DetectionHit hit)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        HitJson.Write(_json, hit);
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Write('\n');
    }

    public void Complete() => _output.Flush();

    public void Dispose() => _json.Dispose();
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Cli.Hunting;

/// <summary>Writes one JSON object per hit and line (JSON lines), as hits arrive.</summary>
internal sealed class JsonlHitWriter : IHitWriter
{
    private const int FlushBytes = 1 << 16;

    private readonly TextWriter _output;
    private readonly Stream? _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 17);
    private readonly Utf8JsonWriter _json;

    public JsonlHitWriter(TextWriter output)
    {
        _output = output;

        // A UTF-8 StreamWriter (stdout, --output) gets the bytes directly: no UTF-8 -> UTF-16 -> UTF-8 round trip.
        _stream = output is StreamWriter { Encoding: UTF8Encoding } writer ? writer.BaseStream : null;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void OnHit(DetectionHit hit) => WriteLine(hit, static (json, h) => HitJson.Write(json, h));

    public void OnFinding(ModelFinding finding, AttackMapping attack)
        => WriteLine((finding, attack), static (json, f) => FindingJson.Write(json, f.finding, f.attack));

    private void WriteLine<T>(T item, Action<Utf8JsonWriter, T> write)
    {
        var start = _buffer.WrittenCount;
        _json.Reset(_buffer);
        write(_json, item);
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_stream is null)
        {
            _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan[start..]));
            _buffer.ResetWrittenCount();
        }
        else if (_buffer.WrittenCount >= FlushBytes)
        {
            FlushPending();
        }
    }

    public void Complete()
    {
        FlushPending();
        _output.Flush();
    }

    private void FlushPending()
    {
        if (_stream is not null && _buffer.WrittenCount > 0)
        {
            _output.Flush();
            _stream.Write(_buffer.WrittenSpan);
            _stream.Flush();
        }

        _buffer.ResetWrittenCount();
    }

    public void Dispose() => _json.Dispose();
}

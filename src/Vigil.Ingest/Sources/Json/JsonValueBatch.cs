using System.Buffers;
using Vigil.Core.Events;
using Vigil.Ingest.Parsers.Json;

namespace Vigil.Ingest.Sources.Json;

/// <summary>
/// A run of complete JSON values (elements of an array, or values of a stream) copied into one pooled buffer, each with the
/// line where it starts. Parsed once, by any thread; the buffer then goes back to the pool.
/// </summary>
internal sealed class JsonValueBatch : EventBatch
{
    private readonly string _source;
    private byte[]? _data;
    private int _length;
    private (int Start, int Length, long Line)[] _values = ArrayPool<(int, int, long)>.Shared.Rent(256);
    private int _count;

    /// <summary>Creates an empty batch with room for at least <paramref name="capacity"/> bytes.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="capacity">The bytes to reserve.</param>
    public JsonValueBatch(string source, int capacity)
    {
        _source = source;
        _data = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <inheritdoc />
    public override long ByteCount => FileBytes;

    /// <summary>Gets or sets the file bytes the batch stands for (compressed bytes for gzip).</summary>
    public long FileBytes { get; set; }

    /// <summary>Gets the number of values.</summary>
    public int Count => _count;

    /// <summary>Gets whether the batch reached its target size.</summary>
    public bool IsFull => _length >= SourceLimits.BlockSize;

    /// <summary>Tells whether a value of <paramref name="length"/> bytes still fits.</summary>
    /// <param name="length">The value size.</param>
    /// <returns>Whether it fits.</returns>
    public bool HasRoom(int length) => _data is not null && _data.Length - _length >= length;

    /// <summary>Copies a value in.</summary>
    /// <param name="value">The value's bytes.</param>
    /// <param name="line">The 1-based line where it starts.</param>
    public void Add(ReadOnlySpan<byte> value, long line)
    {
        value.CopyTo(_data.AsSpan(_length));
        if (_count == _values.Length)
        {
            var larger = ArrayPool<(int, int, long)>.Shared.Rent(_values.Length * 2);
            _values.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<(int, int, long)>.Shared.Return(_values);
            _values = larger;
        }

        _values[_count++] = (_length, value.Length, line);
        _length += value.Length;
    }

    /// <inheritdoc />
    public override void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        var data = Interlocked.Exchange(ref _data, null)
            ?? throw new InvalidOperationException("This batch was parsed already; its buffer went back to the pool.");
        try
        {
            using var parser = new JsonEventParser(_source, scratch, schema, handler, errors);
            for (var i = 0; i < _count; i++)
            {
                var (start, length, line) = _values[i];
                parser.ParseValue(data.AsSpan(start, length), line);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
            ArrayPool<(int, int, long)>.Shared.Return(_values);
            _values = [];
            _count = 0;
        }
    }
}

using System.Buffers;
using Vigil.Core.Events;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>A few consecutive EVTX chunks copied into one pooled buffer; parsed once, by any thread, then the buffer goes back to the pool.</summary>
internal sealed class EvtxChunkBatch : EventBatch
{
    private readonly string _source;
    private readonly long _firstChunk;
    private readonly long _fileOffset;
    private byte[]? _data;
    private int _length;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="firstChunk">The number of its first chunk.</param>
    /// <param name="fileOffset">The file offset of its first chunk.</param>
    /// <param name="capacity">The bytes to reserve.</param>
    public EvtxChunkBatch(string source, long firstChunk, long fileOffset, int capacity)
    {
        _source = source;
        _firstChunk = firstChunk;
        _fileOffset = fileOffset;
        _data = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <inheritdoc />
    public override long ByteCount => FileBytes;

    /// <summary>Gets or sets the file bytes the batch stands for (compressed bytes for gzip).</summary>
    public long FileBytes { get; set; }

    /// <summary>Gets the free room for the next chunk.</summary>
    public Span<byte> Free => _data.AsSpan(_length);

    /// <summary>Gets the number of chunk bytes held.</summary>
    public int Length => _length;

    /// <summary>Takes <paramref name="count"/> bytes written into <see cref="Free"/>.</summary>
    /// <param name="count">The byte count.</param>
    public void Commit(int count) => _length += count;

    /// <inheritdoc />
    public override void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        var data = Interlocked.Exchange(ref _data, null)
            ?? throw new InvalidOperationException("This batch was parsed already; its buffer went back to the pool.");
        try
        {
            var parser = EvtxChunkParser.ForCurrentThread;
            for (var start = 0; start < _length; start += EvtxChunkParser.ChunkSize)
            {
                var length = Math.Min(EvtxChunkParser.ChunkSize, _length - start);
                var number = _firstChunk + (start / EvtxChunkParser.ChunkSize);
                parser.ParseChunk(new EvtxChunkRef(_source, data, start, length, number, _fileOffset + start), scratch, schema, handler, errors);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }
}

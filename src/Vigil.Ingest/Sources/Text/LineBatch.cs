using System.Buffers;
using Vigil.Core.Events;

namespace Vigil.Ingest.Sources.Text;

/// <summary>
/// A line-aligned block of a line-based file (about <see cref="SourceLimits.BlockSize"/> bytes) with the number of its
/// first line, so that any thread can parse it and still give every event and error its exact line. The block lives in a
/// pooled buffer that goes back to the pool when parsing ends: a batch is parsed once.
/// </summary>
internal sealed class LineBatch : EventBatch
{
    private readonly string _source;
    private readonly LineFormat _format;
    private readonly object? _blockState;
    private readonly int _start;
    private readonly int _end;
    private readonly long _firstLine;
    private readonly long _byteCount;
    private byte[]? _block;

    /// <summary>Creates a batch that takes ownership of <paramref name="block"/> (rented from <see cref="ArrayPool{T}.Shared"/>).</summary>
    /// <param name="source">The input name.</param>
    /// <param name="format">The format that parses the lines.</param>
    /// <param name="blockState">The state <see cref="LineFormat.InspectBlock"/> returned for the block.</param>
    /// <param name="block">The pooled buffer.</param>
    /// <param name="start">Where the first line starts in the buffer.</param>
    /// <param name="end">Where the block ends (after a line feed, or at the end of the file).</param>
    /// <param name="firstLine">The 1-based number of the first line.</param>
    /// <param name="byteCount">The file bytes the batch stands for (compressed bytes for gzip).</param>
    public LineBatch(string source, LineFormat format, object? blockState, byte[] block, int start, int end, long firstLine, long byteCount)
    {
        _source = source;
        _format = format;
        _blockState = blockState;
        _block = block;
        _start = start;
        _end = end;
        _firstLine = firstLine;
        _byteCount = byteCount;
    }

    /// <inheritdoc />
    public override long ByteCount => _byteCount;

    /// <inheritdoc />
    public override void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        var block = Interlocked.Exchange(ref _block, null)
            ?? throw new InvalidOperationException("This batch was parsed already; its buffer went back to the pool.");
        try
        {
            using var parser = _format.CreateParser(_source, scratch, schema, handler, errors, _blockState);
            var rest = block.AsSpan(_start, _end - _start);
            var line = _firstLine;
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    parser.ParseLine(rest, line);
                    break;
                }

                parser.ParseLine(rest[..newline], line);
                rest = rest[(newline + 1)..];
                line++;
            }

            parser.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}

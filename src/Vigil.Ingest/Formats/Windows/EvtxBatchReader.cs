using System.Buffers.Binary;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Reads EVTX files (Windows event logs) in pure C#: the 4 KiB file header is checked (magic, CRC-32), then every
/// 64 KiB chunk present in the file is read, whatever the header's chunk count and "dirty" flag say (logs copied from a
/// live system are often not closed cleanly), and handed on as batches of <see cref="ChunksPerBatch"/> chunks for the
/// workers to parse in parallel; memory stays bounded by the batches in flight. A file without a file header (a bare
/// chunk, <c>ElfChnk</c>) reads too. Each event's <see cref="EventRecord.Location"/> is its EVTX record id
/// (usually equal to <c>EventRecordID</c>); its timestamp is <c>TimeCreated</c>, else the record's written time. Field names: see <see cref="WindowsEventFieldWriter"/>.
/// </summary>
internal sealed class EvtxBatchReader : IBatchReader
{
    /// <summary>Chunks per batch: small enough for several workers to share a small file, large enough to amortise the hand-over.</summary>
    public const int ChunksPerBatch = 4;

    private const int FileHeaderSize = 0x1000;

    private readonly string _source;
    private readonly InputFile _input;
    private long _offset;
    private long _chunkNumber;
    private long _reportedBytes;
    private bool _started;
    private bool _done;

    /// <summary>Creates a reader.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="input">The opened file.</param>
    public EvtxBatchReader(string source, InputFile input)
    {
        _source = source;
        _input = input;
    }

    /// <inheritdoc />
    /// <remarks>For EVTX this is the number of the chunk being read (1-based), as there are no lines.</remarks>
    public long CurrentLine => _chunkNumber + 1;

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return null;
        }

        if (!_started)
        {
            _started = true;
            if (!ReadFileHeader(errors))
            {
                _done = true;
                return null;
            }
        }

        // One read for the whole batch (the input fills it unless the file ends).
        cancellationToken.ThrowIfCancellationRequested();
        var batch = new EvtxChunkBatch(_source, _chunkNumber, _offset, ChunksPerBatch * EvtxChunkParser.ChunkSize);
        var room = batch.Free[..(ChunksPerBatch * EvtxChunkParser.ChunkSize)];
        var n = _input.Read(room);
        var partial = n % EvtxChunkParser.ChunkSize;
        _offset += n;
        _chunkNumber += (n / EvtxChunkParser.ChunkSize) + (partial > 0 ? 1 : 0);
        batch.Commit(n);
        if (n < room.Length)
        {
            _done = true;
            if (partial > 0 && partial < EvtxChunkParser.ChunkHeaderSize && room.Slice(n - partial, partial).IndexOfAnyExcept((byte)0) < 0)
            {
                // Trailing padding, not a chunk.
                batch.Commit(-partial);
            }
        }

        if (batch.Length == 0)
        {
            return null;
        }

        var read = _input.FileBytesRead;
        batch.FileBytes = read - _reportedBytes;
        _reportedBytes = read;
        return batch;
    }

    private bool ReadFileHeader(IReadErrorSink errors)
    {
        var head = _input.Peek(8);
        if (head.StartsWith("ElfChnk\0"u8))
        {
            // A bare chunk (carved or exported): no file header.
            return true;
        }

        Span<byte> header = stackalloc byte[FileHeaderSize];
        var n = _input.Read(header);
        _offset = n;
        if (n < 128 || !header.StartsWith("ElfFile\0"u8))
        {
            errors.OnError(new ReadError(_source, 0, "not an EVTX file (no ElfFile header)"));
            return false;
        }

        var crc = EvtxCrc32.Append(0, header[..120]);
        if (crc != BinaryPrimitives.ReadUInt32LittleEndian(header[124..]))
        {
            errors.OnError(new ReadError(_source, 0, "EVTX file header checksum mismatch; reading every chunk anyway"));
        }

        var headerBlock = BinaryPrimitives.ReadUInt16LittleEndian(header[40..]);
        if (headerBlock != FileHeaderSize && headerBlock != 0)
        {
            errors.OnError(new ReadError(
                _source, 0, string.Create(CultureInfo.InvariantCulture, $"unusual EVTX header block size {headerBlock}; assuming {FileHeaderSize}")));
        }

        return n == FileHeaderSize || ReportCutHeader(errors);
    }

    private bool ReportCutHeader(IReadErrorSink errors)
    {
        errors.OnError(new ReadError(_source, 0, "EVTX file is cut off inside its header; no chunks"));
        return false;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Vigil.Core.Events;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Parses the records of one 64 KiB EVTX chunk into events. A chunk is self-contained (its names and templates are
/// addressed by chunk offsets), so chunks parse on any thread in any order. A record that does not parse is reported
/// with its chunk, record id and file offset, and parsing goes on with the next record (found by its magic when the
/// broken record's size cannot be trusted). Not thread-safe: one parser per thread (see <see cref="ForCurrentThread"/>).
/// </summary>
internal sealed partial class EvtxChunkParser
{
    /// <summary>The size of a chunk.</summary>
    public const int ChunkSize = 0x10000;

    /// <summary>The size of a chunk header (including its string and template tables).</summary>
    public const int ChunkHeaderSize = 0x200;

    private const int RecordHeaderSize = 24;

    [ThreadStatic]
    private static EvtxChunkParser? _current;

    private readonly WindowsEventFieldWriter _writer = new();
    private byte[] _data = [];
    private int _base;
    private int _length;

    /// <summary>Gets the parser of the calling thread.</summary>
    public static EvtxChunkParser ForCurrentThread => _current ??= new EvtxChunkParser();

    /// <summary>Tells whether <paramref name="chunk"/> starts with the chunk magic <c>ElfChnk\0</c>.</summary>
    /// <param name="chunk">The chunk bytes.</param>
    /// <returns>Whether the magic is there.</returns>
    public static bool HasMagic(ReadOnlySpan<byte> chunk) => chunk.StartsWith("ElfChnk\0"u8);

    /// <summary>Parses one chunk, calling <paramref name="handler"/> for each record.</summary>
    /// <param name="chunk">Where the chunk is.</param>
    /// <param name="scratch">The thread's record.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="handler">Receives the events.</param>
    /// <param name="errors">Receives broken chunks and records.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ParseChunk(in EvtxChunkRef chunk, EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        _data = chunk.Buffer;
        _base = chunk.Start;
        _length = chunk.Length;
        ResetCaches();
        try
        {
            ParseRecords(chunk, scratch, schema, handler, errors);
        }
        finally
        {
            _data = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRecords(in EvtxChunkRef chunk, EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        var span = new ReadOnlySpan<byte>(_data, _base, _length);
        var firstRecordId = span.Length >= 24 ? BinaryPrimitives.ReadInt64LittleEndian(span[16..]) : 0;
        var end = span.Length;
        if (span.Length < ChunkHeaderSize)
        {
            Report(errors, chunk, firstRecordId, 0, "chunk is cut off before the end of its header");
            return;
        }

        if (!HasMagic(span))
        {
            if (span.IndexOfAnyExcept((byte)0) < 0)
            {
                return;
            }

            Report(errors, chunk, 0, 0, "bad chunk magic; reading its records anyway");
            firstRecordId = 0;
        }
        else
        {
            var headerCrc = EvtxCrc32.Append(EvtxCrc32.Append(0, span[..120]), span[128..ChunkHeaderSize]);
            if (headerCrc != BinaryPrimitives.ReadUInt32LittleEndian(span[124..]))
            {
                Report(errors, chunk, firstRecordId, 0, "chunk header checksum mismatch; reading its records anyway");
            }

            var freeSpace = BinaryPrimitives.ReadUInt32LittleEndian(span[48..]);
            if (freeSpace >= ChunkHeaderSize && freeSpace <= (uint)span.Length)
            {
                end = (int)freeSpace;
                var dataCrc = EvtxCrc32.Append(0, span[ChunkHeaderSize..end]);
                if (dataCrc != BinaryPrimitives.ReadUInt32LittleEndian(span[52..]))
                {
                    Report(errors, chunk, firstRecordId, 0, "chunk records checksum mismatch; reading its records anyway");
                }
            }
        }

        if (chunk.Length < ChunkSize)
        {
            Report(errors, chunk, firstRecordId, span.Length, "chunk is cut off by the end of the file; reading the records that are complete");
        }

        var pos = ChunkHeaderSize;
        while (pos + RecordHeaderSize <= end)
        {
            var header = span[pos..];
            if (!header.StartsWith("**\0\0"u8))
            {
                if (span[pos..end].IndexOfAnyExcept((byte)0) < 0)
                {
                    return;
                }

                Report(errors, chunk, 0, pos, "no record magic where a record should start; skipping to the next record");
                pos = NextRecord(span, pos, end);
                continue;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var recordId = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            if (size < RecordHeaderSize + 4 || size > (uint)(span.Length - pos)
                || BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + (int)size - 4)..]) != size)
            {
                Report(errors, chunk, recordId, pos, "bad record size; skipping to the next record");
                pos = NextRecord(span, pos, end);
                continue;
            }

            ParseRecord(chunk, pos, (int)size, recordId, scratch, schema, handler, errors);
            pos += (int)size;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRecord(
        in EvtxChunkRef chunk, int pos, int size, long recordId, EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        scratch.Reset(schema);
        scratch.SourceName = chunk.Source;
        scratch.Location = recordId;
        var fileTime = BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(_base + pos + 16));
        scratch.TimestampTicks = fileTime > 0 && fileTime < DateTime.MaxValue.Ticks - WindowsEventFieldWriter.FileTimeEpochTicks
            ? fileTime + WindowsEventFieldWriter.FileTimeEpochTicks
            : 0;
        _writer.Begin(scratch);
        try
        {
            ParseDocument(pos + RecordHeaderSize, pos + size - 4);
        }
        catch (InvalidDataException ex)
        {
            Report(errors, chunk, recordId, pos, ex.Message);
            return;
        }

        if (scratch.FieldCount == 0)
        {
            Report(errors, chunk, recordId, pos, "record has no fields");
            return;
        }

        if (_writer.TimeCreatedTicks != 0)
        {
            // TimeCreated is when the event happened; the record's own time is when it was written (or 0 in some exports).
            scratch.TimestampTicks = _writer.TimeCreatedTicks;
        }

        handler.OnEvent(scratch);
    }

    /// <summary>Finds the next 8-byte aligned record magic after <paramref name="pos"/>, or <paramref name="end"/>.</summary>
    private static int NextRecord(ReadOnlySpan<byte> span, int pos, int end)
    {
        for (var p = (pos + 8) & ~7; p + RecordHeaderSize <= end; p += 8)
        {
            if (span[p..].StartsWith("**\0\0"u8))
            {
                return p;
            }
        }

        return end;
    }

    private static void Report(IReadErrorSink errors, in EvtxChunkRef chunk, long recordId, int offset, string message)
    {
        var text = recordId > 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"EVTX chunk {chunk.Number} record {recordId} at file offset 0x{chunk.FileOffset + offset:x}: {message}")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"EVTX chunk {chunk.Number} at file offset 0x{chunk.FileOffset + offset:x}: {message}");
        errors.OnError(new ReadError(chunk.Source, recordId > 0 ? recordId : 0, text));
    }
}

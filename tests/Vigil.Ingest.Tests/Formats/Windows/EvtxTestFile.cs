using System.Buffers.Binary;
using System.Text;
using Vigil.Ingest.Formats.Windows;

namespace Vigil.Ingest.Tests.Formats.Windows;

/// <summary>Writes small EVTX files byte by byte for tests: a file header, then chunks of records in binary XML.</summary>
internal sealed class EvtxTestFile
{
    private readonly List<byte[]> _chunks = [];
    private List<byte> _b = [];
    private int _recordStart;
    private long _firstRecord;
    private long _lastRecord;

    public int Position => _b.Count;

    public EvtxTestFile BeginChunk()
    {
        _b = [.. new byte[EvtxChunkParser.ChunkHeaderSize]];
        _firstRecord = 0;
        return this;
    }

    public EvtxTestFile BeginRecord(long id, DateTime time)
    {
        _firstRecord = _firstRecord == 0 ? id : _firstRecord;
        _lastRecord = id;
        _recordStart = _b.Count;
        Bytes("**\0\0"u8);
        U32(0);
        U64((ulong)id);
        U64((ulong)time.ToFileTimeUtc());
        return this;
    }

    public EvtxTestFile EndRecord()
    {
        while ((_b.Count + 4 - _recordStart) % 8 != 0)
        {
            _b.Add(0);
        }

        var size = _b.Count + 4 - _recordStart;
        U32((uint)size);
        Patch(_recordStart + 4, (uint)size);
        return this;
    }

    public EvtxTestFile EndChunk()
    {
        var chunk = new byte[EvtxChunkParser.ChunkSize];
        _b.CopyTo(0, chunk, 0, Math.Min(_b.Count, chunk.Length));
        "ElfChnk\0"u8.CopyTo(chunk);
        BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(8), _firstRecord);
        BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(16), _lastRecord);
        BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(24), _firstRecord);
        BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(32), _lastRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(40), 128);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(44), (uint)_recordStart);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(48), (uint)_b.Count);
        Seal(chunk);
        _chunks.Add(chunk);
        return this;
    }

    /// <summary>Recomputes a chunk's two checksums (after a test edits it).</summary>
    public static void Seal(Span<byte> chunk)
    {
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], EvtxCrc32.Append(0, chunk[EvtxChunkParser.ChunkHeaderSize..free]));
        var crc = EvtxCrc32.Append(EvtxCrc32.Append(0, chunk[..120]), chunk[128..EvtxChunkParser.ChunkHeaderSize]);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], crc);
    }

    /// <summary>The file: a 4 KiB header (chunk count, flags, checksum) and the chunks.</summary>
    public byte[] ToArray(int? claimedChunks = null, uint flags = 0) => Concat(FileHeader(claimedChunks ?? _chunks.Count, flags), _chunks);

    public static byte[] FileHeader(int chunks, uint flags)
    {
        var header = new byte[0x1000];
        "ElfFile\0"u8.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), Math.Max(0, chunks - 1));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(32), 128);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(36), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(38), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(40), 0x1000);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(42), (ushort)chunks);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(120), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), EvtxCrc32.Append(0, header.AsSpan(0, 120)));
        return header;
    }

    public static byte[] Concat(byte[] header, IEnumerable<byte[]> chunks)
    {
        using var output = new MemoryStream();
        output.Write(header);
        foreach (var chunk in chunks)
        {
            output.Write(chunk);
        }

        return output.ToArray();
    }

    public EvtxTestFile Fragment() => Bytes([0x0f, 1, 1, 0]);

    public EvtxTestFile Eof() => Bytes([0x00]);

    /// <summary>Open start element with its name defined inline.</summary>
    public EvtxTestFile Open(string name, bool attributes = false, bool dependencyId = true)
    {
        _b.Add(attributes ? (byte)0x41 : (byte)0x01);
        if (dependencyId)
        {
            U16(0xffff);
        }

        U32(0);
        U32((uint)(_b.Count + 4));
        Name(name);
        if (attributes)
        {
            U32(0);
        }

        return this;
    }

    public EvtxTestFile Attribute(string name)
    {
        _b.Add(0x06);
        U32((uint)(_b.Count + 4));
        return Name(name);
    }

    public EvtxTestFile CloseStart() => Bytes([0x02]);

    public EvtxTestFile CloseEmpty() => Bytes([0x03]);

    public EvtxTestFile End() => Bytes([0x04]);

    public EvtxTestFile Text(string text)
    {
        _b.Add(0x05);
        _b.Add(0x01);
        U16((ushort)text.Length);
        return Bytes(Encoding.Unicode.GetBytes(text));
    }

    public EvtxTestFile CharRef(char c)
    {
        _b.Add(0x08);
        return U16(c);
    }

    public EvtxTestFile EntityRef(string name)
    {
        _b.Add(0x09);
        U32((uint)(_b.Count + 4));
        return Name(name);
    }

    public EvtxTestFile CData(string text)
    {
        _b.Add(0x07);
        U16((ushort)text.Length);
        return Bytes(Encoding.Unicode.GetBytes(text));
    }

    public EvtxTestFile Substitution(int index, byte type, bool optional = false)
    {
        _b.Add(optional ? (byte)0x0e : (byte)0x0d);
        U16((ushort)index);
        _b.Add(type);
        return this;
    }

    /// <summary>A template instance with its definition inline (body written by <paramref name="body"/>), then its values.</summary>
    public EvtxTestFile Template(Action<EvtxTestFile> body, params (byte Type, byte[] Data)[] values)
    {
        var def = TemplateHeader();
        body(this);
        Patch(def + 20, (uint)(_b.Count - def - 24));
        return Values(values);
    }

    /// <summary>Starts a template instance whose definition is inline; returns the definition offset (write the body, then <see cref="Patch"/> its size).</summary>
    public int TemplateHeader(int? definitionOffset = null)
    {
        _b.Add(0x0c);
        _b.Add(0x01);
        U32(0);
        var def = definitionOffset ?? _b.Count + 4;
        U32((uint)def);
        if (definitionOffset is null)
        {
            U32(0);
            Bytes(new byte[16]);
            U32(0);
        }

        return def;
    }

    public EvtxTestFile Values(params (byte Type, byte[] Data)[] values)
    {
        U32((uint)values.Length);
        foreach (var (type, data) in values)
        {
            U16((ushort)data.Length);
            _b.Add(type);
            _b.Add(0);
        }

        foreach (var (_, data) in values)
        {
            Bytes(data);
        }

        return this;
    }

    public EvtxTestFile Bytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _b.Add(b);
        }

        return this;
    }

    public EvtxTestFile U16(ushort v) => Bytes([(byte)v, (byte)(v >> 8)]);

    public EvtxTestFile U32(uint v)
    {
        Span<byte> s = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        return Bytes(s);
    }

    public EvtxTestFile U64(ulong v)
    {
        Span<byte> s = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(s, v);
        return Bytes(s);
    }

    public void Patch(int at, uint v)
    {
        _b[at] = (byte)v;
        _b[at + 1] = (byte)(v >> 8);
        _b[at + 2] = (byte)(v >> 16);
        _b[at + 3] = (byte)(v >> 24);
    }

    private EvtxTestFile Name(string name)
    {
        U32(0);
        U16(0);
        U16((ushort)name.Length);
        Bytes(Encoding.Unicode.GetBytes(name));
        return U16(0);
    }
}

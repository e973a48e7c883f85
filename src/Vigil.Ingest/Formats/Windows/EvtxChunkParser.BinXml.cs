using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// The binary XML of records ([MS-EVEN6] 2.2.12): a token interpreter over the chunk bytes that streams elements, attributes
/// and rendered values straight into the <see cref="WindowsEventFieldWriter"/> (no XML text, no DOM). Template definitions
/// (shared by records of a chunk, or defined inline by the first record using them) are validated once per chunk, cached
/// by offset and compiled into plans (<c>EvtxChunkParser.Plan.cs</c>); names are read in place by offset. Hostile input is
/// bounded: nesting of elements, templates and binary XML values is limited, and so is the number of tokens one record may
/// expand to (cyclic or exponential template references). The hot methods are compiled fully optimised from the first
/// call (<see cref="MethodImplOptions.AggressiveOptimization"/>): tiered compilation was seen to leave them at tier 0.
/// </summary>
internal sealed partial class EvtxChunkParser
{
    private const int MaxNesting = 96;
    private const int MaxTokensPerRecord = 1 << 20;
    private const int TemplateHeaderSize = 24;

    private readonly int[] _templateSlots = new int[ChunkSize];
    private Template[] _templates = new Template[64];
    private int _templateCount;
    private Value[] _values = new Value[256];
    private int _valueCount;
    private int _budget;
    private char[] _text = new char[1024];
    private char[] _attr = new char[256];
    private int _attrLength;

    private ReadOnlySpan<byte> Chunk
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_data, _base, _length);
    }

    private void ResetCaches()
    {
        // Templates by definition offset: _templateSlots[offset] is 1 + the index in _templates, or 0.
        for (var i = 0; i < _templateCount; i++)
        {
            _templateSlots[_templates[i].DefOffset] = 0;
        }

        _templateCount = 0;
        ResetPlans();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseDocument(int pos, int end)
    {
        _budget = MaxTokensPerRecord;
        _valueCount = 0;
        ParseContent(ref pos, end, 0, 0, 0);
        if (_writer.Depth != 0)
        {
            throw new InvalidDataException("binary XML ends inside an element");
        }
    }

    /// <summary>Interprets tokens until end of fragment (false) or the close of the enclosing element (true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ParseContent(ref int pos, int end, int subs, int subCount, int nest)
    {
        if (nest > MaxNesting)
        {
            throw new InvalidDataException("binary XML nests too deep");
        }

        _recordNest = Math.Max(_recordNest, nest);

        while (pos < end)
        {
            if (--_budget < 0)
            {
                throw new InvalidDataException("binary XML expands to too many tokens (cyclic templates?)");
            }

            var token = Chunk[pos];
            switch (token & 0xbf)
            {
                case 0x00:
                    pos++;
                    return false;
                case 0x01:
                    ParseElement(ref pos, end, subs, subCount, nest);
                    break;
                case 0x04:
                    pos++;
                    return true;
                case 0x05 or 0x07 or 0x08 or 0x09:
                    _attrLength = 0;
                    AppendTextToken(ref pos, end);
                    if (_recording)
                    {
                        Emit(PlanCode.Text, _attr.AsSpan(0, _attrLength));
                    }
                    else
                    {
                        _writer.Text(_attr.AsSpan(0, _attrLength));
                    }

                    break;
                case 0x0a:
                    pos += 5;
                    ReadName(U32(pos - 4), ref pos);
                    break;
                case 0x0b:
                    pos += 3 + (2 * U16(pos + 1));
                    break;
                case 0x0c when _recording:
                    throw new InvalidDataException("template instance inside a template definition: not compiled");
                case 0x0c:
                    ParseTemplateInstance(ref pos, end, nest);
                    break;
                case 0x0d or 0x0e when _recording:
                    RecordSubstitution(ref pos, nest);
                    break;
                case 0x0d or 0x0e:
                    ParseSubstitution(ref pos, subs, subCount, nest);
                    break;
                case 0x0f:
                    pos += 4;
                    break;
                default:
                    throw Unexpected(token, pos);
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseElement(ref int pos, int end, int subs, int subCount, int nest)
    {
        var token = Chunk[pos];
        Need(pos, 11);

        // Open start element: token, dependency id (u16), data size (u32), name offset (u32). Some writers leave out the
        // dependency id (elements inside binary XML values): then the name offset is 2 bytes earlier.
        var nameOffset = U32(pos + 7);
        if (nameOffset == pos + 11 || (nameOffset < pos && nameOffset >= EvtxChunkParser.ChunkHeaderSize) || !PlausibleName(U32(pos + 5), pos + 9, pos))
        {
            pos += 11;
        }
        else
        {
            nameOffset = U32(pos + 5);
            pos += 9;
        }

        var name = ReadName(nameOffset, ref pos);
        if (_recording)
        {
            Emit(PlanCode.Start, name);
        }
        else
        {
            _writer.StartElement(name);
        }

        if ((token & 0x40) != 0)
        {
            pos += 4;
            while (pos < end && (Chunk[pos] & 0xbf) == 0x06)
            {
                if (--_budget < 0)
                {
                    throw new InvalidDataException("binary XML expands to too many tokens");
                }

                pos += 5;
                var attrName = ReadName(U32(pos - 4), ref pos);
                if (_recording)
                {
                    RecordAttribute(attrName, ref pos, end);
                    continue;
                }

                _attrLength = 0;
                var omitted = false;
                while (pos < end && (Chunk[pos] & 0xbf) is 0x05 or 0x07 or 0x08 or 0x09 or 0x0d or 0x0e)
                {
                    if ((Chunk[pos] & 0xbf) is 0x0d or 0x0e)
                    {
                        omitted |= AppendAttributeSubstitution(ref pos, subs, subCount);
                    }
                    else
                    {
                        AppendTextToken(ref pos, end);
                    }
                }

                if (!omitted || _attrLength > 0)
                {
                    _writer.Attribute(attrName, _attr.AsSpan(0, _attrLength));
                }
            }
        }

        var close = Chunk[Need(pos, 1)];
        pos++;
        if (close == 0x02)
        {
            if (!ParseContent(ref pos, end, subs, subCount, nest + 1))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"element not closed before offset 0x{pos:x}"));
            }
        }
        else if (close != 0x03)
        {
            throw Unexpected(close, pos - 1);
        }

        if (_recording)
        {
            Emit(PlanCode.End, []);
        }
        else
        {
            _writer.EndElement();
        }
    }

    private static bool PlausibleName(uint offset, int inlineAt, int before)
        => offset == inlineAt || (offset < before && offset >= ChunkHeaderSize);

    /// <summary>A value, CDATA, character or entity reference token: appended as text to <c>_attr</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendTextToken(ref int pos, int end)
    {
        var token = Chunk[pos];
        switch (token & 0xbf)
        {
            case 0x05:
                var type = Chunk[Need(pos + 1, 1)];
                if (type == EvtxValueType.String)
                {
                    var count = U16(pos + 2);
                    AppendAttr(Chars(pos + 4, count));
                    pos += 4 + (2 * count);
                }
                else
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"value token of type 0x{type:x2} at offset 0x{pos:x}"));
                }

                break;
            case 0x07:
                var length = U16(pos + 1);
                AppendAttr(Chars(pos + 3, length));
                pos += 3 + (2 * length);
                break;
            case 0x08:
                Span<char> one = [(char)U16(pos + 1)];
                AppendAttr(one);
                pos += 3;
                break;
            default:
                pos += 5;
                var entity = ReadName(U32(pos - 4), ref pos);
                var known = entity switch
                {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => null,
                };
                if (known is null)
                {
                    AppendAttr("&");
                    AppendAttr(entity);
                    AppendAttr(";");
                }
                else
                {
                    AppendAttr(known);
                }

                break;
        }

        if (pos > end)
        {
            throw new InvalidDataException("text runs past the end of its fragment");
        }
    }

    private void ParseSubstitution(ref int pos, int subs, int subCount, int nest)
    {
        var optional = Chunk[pos] == 0x0e;
        var index = U16(pos + 1);
        Need(pos, 4);
        pos += 4;
        Substitute(optional, index, subs, subCount, nest);
    }

    /// <summary>Writes substitution <paramref name="index"/> of the current template instance as element content.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Substitute(bool optional, int index, int subs, int subCount, int nest)
    {
        if (index >= subCount)
        {
            if (optional)
            {
                _writer.OmitElement();
            }

            return;
        }

        var value = _values[subs + index];
        var data = Chunk.Slice(value.Offset, value.Size);
        switch (value.Type)
        {
            case EvtxValueType.Null:
                if (optional)
                {
                    _writer.OmitElement();
                }

                return;
            case EvtxValueType.BinXml or EvtxValueType.EvtXml:
                var p = value.Offset;
                ParseContent(ref p, value.Offset + value.Size, 0, 0, nest + 1);
                return;
        }

        if ((value.Type & EvtxValueType.Array) == 0)
        {
            var length = EvtxValueFormatter.Render(value.Type, data, ref _text);
            _writer.Text(_text.AsSpan(0, length));
            return;
        }

        var itemType = (byte)(value.Type & 0x7f);
        if (itemType == EvtxValueType.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);
            while (!chars.IsEmpty)
            {
                var nul = chars.IndexOf('\0');
                _writer.ArrayItem(nul < 0 ? chars : chars[..nul]);
                chars = nul < 0 ? [] : chars[(nul + 1)..];
            }

            return;
        }

        var itemSize = EvtxValueFormatter.ItemSize(itemType, data.Length);
        if (itemSize == 0)
        {
            var length = EvtxValueFormatter.Render(EvtxValueType.Binary, data, ref _text);
            _writer.Text(_text.AsSpan(0, length));
            return;
        }

        for (var at = 0; at + itemSize <= data.Length; at += itemSize)
        {
            var length = EvtxValueFormatter.Render(itemType, data.Slice(at, itemSize), ref _text);
            _writer.ArrayItem(_text.AsSpan(0, length));
        }
    }

    /// <summary>Appends a substitution in an attribute value; true when it is optional and has no value (the attribute is left out).</summary>
    private bool AppendAttributeSubstitution(ref int pos, int subs, int subCount)
    {
        var optional = Chunk[pos] == 0x0e;
        var index = U16(pos + 1);
        Need(pos, 4);
        pos += 4;
        return AppendAttributeSubstitution(optional, index, subs, subCount);
    }

    /// <summary>Appends substitution <paramref name="index"/> to the attribute value in <c>_attr</c>; true when it is optional and has no value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AppendAttributeSubstitution(bool optional, int index, int subs, int subCount)
    {
        if (index >= subCount)
        {
            return optional;
        }

        var value = _values[subs + index];
        if (value.Type == EvtxValueType.Null)
        {
            return optional;
        }

        var data = Chunk.Slice(value.Offset, value.Size);
        if ((value.Type & EvtxValueType.Array) != 0 || value.Type is EvtxValueType.BinXml or EvtxValueType.EvtXml)
        {
            var hex = EvtxValueFormatter.Render(EvtxValueType.Binary, data, ref _text);
            AppendAttr(_text.AsSpan(0, hex));
            return false;
        }

        var length = EvtxValueFormatter.Render(value.Type, data, ref _text);
        AppendAttr(_text.AsSpan(0, length));
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseTemplateInstance(ref int pos, int end, int nest)
    {
        Need(pos, 10);
        var defOffset = (int)Math.Min(U32(pos + 6), int.MaxValue);
        pos += 10;
        var slot = (uint)defOffset < ChunkSize ? _templateSlots[defOffset] : 0;
        Template template;
        if (slot != 0)
        {
            template = _templates[slot - 1];
        }
        else
        {
            if (defOffset < ChunkHeaderSize || defOffset > _length - TemplateHeaderSize)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"template definition offset 0x{defOffset:x} is outside the chunk"));
            }

            var size = U32(defOffset + 20);
            if (size > (uint)(_length - defOffset - TemplateHeaderSize))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"template at offset 0x{defOffset:x} runs past the chunk"));
            }

            template = Compile(defOffset, (int)size);
            if (_templateCount == _templates.Length)
            {
                Array.Resize(ref _templates, _templateCount * 2);
            }

            _templates[_templateCount++] = template;
            _templateSlots[defOffset] = _templateCount;
        }

        var dataSize = template.DataSize;

        if (defOffset == pos)
        {
            pos += TemplateHeaderSize + dataSize;
        }

        var count = U32(pos);
        pos += 4;
        if (count > (uint)(end - pos) / 4)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"template instance at offset 0x{pos - 4:x} claims {count} values"));
        }

        var first = _valueCount;
        if (first + (int)count > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(first + (int)count, _values.Length * 2));
        }

        var dataPos = pos + (4 * (int)count);
        for (var i = 0; i < count; i++)
        {
            var size = U16(pos + (4 * i));
            _values[first + i] = new Value(dataPos, size, Chunk[pos + (4 * i) + 2]);
            dataPos += size;
        }

        if (dataPos > end)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"template values at offset 0x{pos:x} run past the end of the record"));
        }

        _valueCount += (int)count;
        if (template.PlanStart >= 0 && nest + template.PlanNest <= MaxNesting)
        {
            RunPlan(template, first, (int)count, nest);
        }
        else
        {
            var body = defOffset + TemplateHeaderSize;
            ParseContent(ref body, defOffset + TemplateHeaderSize + dataSize, first, (int)count, nest + 1);
        }

        _valueCount = first;
        pos = dataPos;
    }

    /// <summary>Reads the name at <paramref name="offset"/>; when it is defined inline at <paramref name="pos"/>, moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> ReadName(uint offset, ref int pos)
    {
        if (offset > (uint)(_length - 8))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"name offset 0x{offset:x} is outside the chunk"));
        }

        var at = (int)offset;
        var count = U16(at + 6);
        var chars = Chars(at + 8, count);
        if (at == pos)
        {
            pos = at + 8 + (2 * count) + 2;
        }

        return chars;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Chars(int at, int count)
        => MemoryMarshal.Cast<byte, char>(Chunk.Slice(Need(at, 2 * count), 2 * count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendAttr(ReadOnlySpan<char> text)
    {
        if (_attrLength + text.Length > _attr.Length)
        {
            Array.Resize(ref _attr, Math.Max(_attrLength + text.Length, _attr.Length * 2));
        }

        text.CopyTo(_attr.AsSpan(_attrLength));
        _attrLength += text.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Need(int at, int count)
    {
        if (at < 0 || count < 0 || at > _length - count)
        {
            ThrowPastChunk(at);
        }

        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(Chunk[Need(at, 2)..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(Chunk[Need(at, 4)..]);

    [DoesNotReturn]
    private static void ThrowPastChunk(int at)
        => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"binary XML runs past the chunk at offset 0x{at:x}"));

    private static InvalidDataException Unexpected(byte token, int pos)
        => new(string.Create(CultureInfo.InvariantCulture, $"unexpected binary XML token 0x{token:x2} at chunk offset 0x{pos:x}"));

    private readonly record struct Value(int Offset, int Size, byte Type);
}

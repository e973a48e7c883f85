using Vigil.Core.Events;

namespace Vigil.Ingest.Formats.Auditd;

/// <summary>
/// The records of one audit event gathered so far (fields, raw lines, first line, time), kept until the event completes.
/// Its buffers are reused from event to event.
/// </summary>
internal sealed class AuditdPendingEvent
{
    private char[] _chars = new char[1024];
    private int _charCount;
    private (int NameStart, int NameLength, int ValueStart, int ValueLength)[] _fields = new (int, int, int, int)[32];
    private int _fieldCount;
    private byte[] _raw = new byte[1024];
    private int _rawLength;

    /// <summary>Gets the event serial.</summary>
    public long Serial { get; private set; }

    /// <summary>Gets the line of the first record.</summary>
    public long FirstLine { get; private set; }

    /// <summary>Gets the event time as UTC ticks.</summary>
    public long TimestampTicks { get; private set; }

    /// <summary>Gets or sets a value indicating whether the node name was added.</summary>
    public bool HasNode { get; set; }

    /// <summary>Empties the event for a new serial.</summary>
    /// <param name="serial">The serial.</param>
    /// <param name="firstLine">The line of the first record.</param>
    /// <param name="utcTicks">The event time.</param>
    public void Start(long serial, long firstLine, long utcTicks)
    {
        Serial = serial;
        FirstLine = firstLine;
        TimestampTicks = utcTicks;
        HasNode = false;
        _charCount = 0;
        _fieldCount = 0;
        _rawLength = 0;
    }

    /// <summary>Appends a record line to the raw text (lines separated by line feeds).</summary>
    /// <param name="line">The line.</param>
    public void AppendRaw(ReadOnlySpan<byte> line)
    {
        var needed = _rawLength + line.Length + 1;
        if (needed > _raw.Length)
        {
            Array.Resize(ref _raw, Math.Max(needed, _raw.Length * 2));
        }

        if (_rawLength > 0)
        {
            _raw[_rawLength++] = (byte)'\n';
        }

        line.CopyTo(_raw.AsSpan(_rawLength));
        _rawLength += line.Length;
    }

    /// <summary>Adds a field.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public void Add(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        var needed = _charCount + name.Length + value.Length;
        if (needed > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
        }

        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        name.CopyTo(_chars.AsSpan(_charCount));
        value.CopyTo(_chars.AsSpan(_charCount + name.Length));
        _fields[_fieldCount++] = (_charCount, name.Length, _charCount + name.Length, value.Length);
        _charCount = needed;
    }

    /// <summary>Returns whether a field named <paramref name="name"/> was added after field number <paramref name="from"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="from">The first field to look at.</param>
    /// <returns>Whether it was.</returns>
    public bool Has(ReadOnlySpan<char> name, int from)
    {
        for (var f = from; f < _fieldCount; f++)
        {
            if (_chars.AsSpan(_fields[f].NameStart, _fields[f].NameLength).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the number of fields added.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Fills <paramref name="record"/> with the event.</summary>
    /// <param name="record">The record, already reset.</param>
    public void CopyTo(EventRecord record)
    {
        for (var f = 0; f < _fieldCount; f++)
        {
            var (nameStart, nameLength, valueStart, valueLength) = _fields[f];
            record.Add(_chars.AsSpan(nameStart, nameLength), _chars.AsSpan(valueStart, valueLength));
        }

        record.SetRaw(_raw.AsSpan(0, _rawLength));
        record.TimestampTicks = TimestampTicks;
        record.Location = FirstLine;
    }
}

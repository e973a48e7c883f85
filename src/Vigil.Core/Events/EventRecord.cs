using System.Runtime.CompilerServices;

namespace Vigil.Core.Events;

/// <summary>
/// One event as flat fields (name, value, kind), stored in reusable buffers so that reading and matching
/// allocate nothing per event. A reader fills a record, a consumer reads it, then the record is reset and reused.
/// Nested source objects are flattened to dotted names; arrays give one entry per element under the same name.
/// Call <see cref="Snapshot"/> to keep an event beyond its callback. Not thread-safe: one record per thread.
/// </summary>
public sealed class EventRecord
{
    private char[] _chars = new char[2048];
    private int _charCount;
    private Entry[] _entries = new Entry[32];
    private int _count;
    private int[] _first = [];
    private int[] _last = [];
    private int[] _stamp = [];
    private int _generation = 1;
    private byte[] _raw = [];
    private int _rawLength;

    /// <summary>Gets the schema the field ids refer to.</summary>
    public EventSchema Schema { get; private set; } = EventSchema.Empty;

    /// <summary>Gets or sets the name of the input the event came from (a file path).</summary>
    public string SourceName { get; set; } = string.Empty;

    /// <summary>Gets or sets the 1-based line (text inputs) or record number (binary inputs) of the event; 0 when unknown.</summary>
    public long Location { get; set; }

    /// <summary>Gets or sets the event time as UTC ticks, or 0 when the reader did not set it.</summary>
    public long TimestampTicks { get; set; }

    /// <summary>Gets the number of field entries.</summary>
    public int FieldCount => _count;

    /// <summary>Gets the raw source bytes of the event (for JSON inputs, the JSON value), or empty.</summary>
    public ReadOnlySpan<byte> Raw => _raw.AsSpan(0, _rawLength);

    /// <summary>Empties the record for the next event and binds it to <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema field names resolve against.</param>
    public void Reset(EventSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!ReferenceEquals(schema, Schema) || _stamp.Length < schema.Count)
        {
            Schema = schema;
            _first = new int[schema.Count];
            _last = new int[schema.Count];
            _stamp = new int[schema.Count];
            _generation = 1;
        }
        else if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }

        _charCount = 0;
        _count = 0;
        _rawLength = 0;
        Location = 0;
        TimestampTicks = 0;
    }

    /// <summary>Stores the raw bytes of the event (copied).</summary>
    /// <param name="raw">The raw bytes.</param>
    public void SetRaw(ReadOnlySpan<byte> raw)
    {
        if (_raw.Length < raw.Length)
        {
            _raw = new byte[Math.Max(raw.Length, _raw.Length * 2)];
        }

        raw.CopyTo(_raw);
        _rawLength = raw.Length;
    }

    /// <summary>Adds a field; the name is resolved against the schema.</summary>
    /// <param name="name">The field name (dotted for nested objects).</param>
    /// <param name="value">The value text (numbers and booleans as their JSON text, null as empty).</param>
    /// <param name="kind">The value kind.</param>
    public void Add(ReadOnlySpan<char> name, ReadOnlySpan<char> value, FieldValueKind kind = FieldValueKind.String)
        => Add(Schema.Resolve(name), name, value, kind);

    /// <summary>Adds a field whose id the caller already resolved (-1 for unknown).</summary>
    /// <param name="fieldId">The field id in <see cref="Schema"/>, or -1.</param>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value text.</param>
    /// <param name="kind">The value kind.</param>
    public void Add(int fieldId, ReadOnlySpan<char> name, ReadOnlySpan<char> value, FieldValueKind kind)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var needed = _charCount + name.Length + value.Length;
        if (needed > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
        }

        ref var e = ref _entries[_count];
        e.NameStart = _charCount;
        e.NameLength = name.Length;
        name.CopyTo(_chars.AsSpan(_charCount));
        _charCount += name.Length;
        e.ValueStart = _charCount;
        e.ValueLength = value.Length;
        value.CopyTo(_chars.AsSpan(_charCount));
        _charCount += value.Length;
        e.Kind = kind;
        e.FieldId = fieldId;
        e.Next = -1;
        if (fieldId >= 0)
        {
            if (_stamp[fieldId] != _generation)
            {
                _stamp[fieldId] = _generation;
                _first[fieldId] = _count;
            }
            else
            {
                _entries[_last[fieldId]].Next = _count;
            }

            _last[fieldId] = _count;
        }

        _count++;
    }

    /// <summary>Returns the first entry of field <paramref name="fieldId"/>, or -1 when the event lacks it.</summary>
    /// <param name="fieldId">A field id of <see cref="Schema"/>.</param>
    /// <returns>An entry index, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int First(int fieldId) => (uint)fieldId < (uint)_stamp.Length && _stamp[fieldId] == _generation ? _first[fieldId] : -1;

    /// <summary>Returns the next entry with the same field id, or -1.</summary>
    /// <param name="entry">An entry index.</param>
    /// <returns>An entry index, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int entry) => _entries[entry].Next;

    /// <summary>Gets the value text of an entry.</summary>
    /// <param name="entry">An entry index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> ValueAt(int entry)
    {
        ref readonly var e = ref _entries[entry];
        return _chars.AsSpan(e.ValueStart, e.ValueLength);
    }

    /// <summary>Gets the name of an entry.</summary>
    /// <param name="entry">An entry index.</param>
    /// <returns>The name.</returns>
    public ReadOnlySpan<char> NameAt(int entry)
    {
        ref readonly var e = ref _entries[entry];
        return _chars.AsSpan(e.NameStart, e.NameLength);
    }

    /// <summary>Gets the value kind of an entry.</summary>
    /// <param name="entry">An entry index.</param>
    /// <returns>The kind.</returns>
    public FieldValueKind KindAt(int entry) => _entries[entry].Kind;

    /// <summary>Gets the schema field id of an entry (-1 when the schema does not know the name).</summary>
    /// <param name="entry">An entry index.</param>
    /// <returns>The field id.</returns>
    public int FieldIdAt(int entry) => _entries[entry].FieldId;

    /// <summary>Finds the first entry named <paramref name="name"/> (ignoring case), known to the schema or not.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>An entry index, or -1.</returns>
    public int Find(ReadOnlySpan<char> name)
    {
        var id = Schema.Resolve(name);
        if (id >= 0)
        {
            return First(id);
        }

        for (var i = 0; i < _count; i++)
        {
            if (NameAt(i).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the value of the first entry named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? GetString(string name)
    {
        var i = Find(name);
        return i < 0 ? null : ValueAt(i).ToString();
    }

    /// <summary>
    /// Copies this record into a new one that can be kept after the reader reuses this one. The copy is detached from
    /// the schema (its lookups go by name), so it costs only the event's own size.
    /// </summary>
    /// <returns>An independent copy.</returns>
    public EventRecord Snapshot()
    {
        var copy = new EventRecord
        {
            _chars = _chars[.._charCount],
            _charCount = _charCount,
            _entries = _count == 0 ? new Entry[1] : _entries[.._count],
            _count = _count,
            _raw = _raw[.._rawLength],
            _rawLength = _rawLength,
            Schema = EventSchema.Empty,
            SourceName = SourceName,
            Location = Location,
            TimestampTicks = TimestampTicks,
        };
        for (var i = 0; i < copy._count; i++)
        {
            copy._entries[i].FieldId = -1;
            copy._entries[i].Next = -1;
        }

        return copy;
    }

    private struct Entry
    {
        public int NameStart;
        public int NameLength;
        public int ValueStart;
        public int ValueLength;
        public int FieldId;
        public int Next;
        public FieldValueKind Kind;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// Turns the XML structure of one Windows event (as a stream of element starts, attributes, text and element ends) into
/// flat fields, shared by the EVTX and Windows XML readers so that both name and render fields the same way, and the same
/// way as the JSON path (<see cref="Parsers.Json.JsonFlattener"/> for <c>evtx_dump</c> output):
/// <list type="bullet">
/// <item><c>System</c> children by their own name with their text (<c>EventID</c>, <c>Channel</c>...), attributes as
/// <c>Element_Attribute</c> (<c>Provider_Name</c>, <c>EventID_Qualifiers</c>), except <c>TimeCreated/@SystemTime</c> →
/// <c>TimeCreated</c> and the attributes of <c>Execution</c>, <c>Security</c>, <c>Correlation</c> by their own name
/// (<c>ProcessID</c>, <c>UserID</c>, <c>ActivityID</c>). Empty System elements give no field.</item>
/// <item><c>EventData/Data[@Name=X]</c> → <c>X</c>; unnamed <c>Data</c> → <c>Data</c> and <c>Data0</c>, <c>Data1</c>...;
/// other <c>EventData</c> children (<c>Binary</c>) by their own name. Empty elements give a <see cref="FieldValueKind.Null"/> field.</item>
/// <item><c>UserData/&lt;Wrapper&gt;/&lt;Field&gt;</c> → <c>Field</c>, deeper levels dotted from there (<c>Field.Child</c>).</item>
/// <item>Other children of <c>Event</c> (<c>RenderingInfo</c>) by dotted name from the child; <c>xmlns</c> attributes are dropped.</item>
/// </list>
/// A value that is an array (EVTX array substitutions) gives one entry per item under the same name. Whitespace-only text
/// of an element that has child elements (indentation) is dropped. Not thread-safe: one writer per thread.
/// </summary>
internal sealed class WindowsEventFieldWriter
{
    /// <summary>The deepest element nesting turned into fields; deeper elements are ignored.</summary>
    public const int MaxDepth = SourceLimits.MaxDepth;

    /// <summary>Ticks from 0001-01-01 to 1601-01-01, the FILETIME epoch.</summary>
    public const long FileTimeEpochTicks = 504911232000000000;

    private Frame[] _frames = new Frame[16];
    private int _depth;
    private char[] _text = new char[4096];
    private int _textLength;
    private char[] _name = new char[256];
    private int _nameLength;
    private int[] _segments = new int[16];
    private int _segmentCount;
    private int _unnamedData;
    private EventRecord _record = null!;

    private enum Kind : byte
    {
        /// <summary>The root element (<c>Event</c>).</summary>
        Root,

        /// <summary><c>Event/System</c>.</summary>
        System,

        /// <summary>A child of System (or deeper).</summary>
        SystemChild,

        /// <summary><c>Event/EventData</c>.</summary>
        EventData,

        /// <summary><c>EventData/Data</c>.</summary>
        Data,

        /// <summary><c>Event/UserData</c>.</summary>
        UserData,

        /// <summary>The one child of UserData.</summary>
        Wrapper,

        /// <summary>An element named after itself (or dotted from its parent).</summary>
        Field,

        /// <summary>Too deep: ignored with everything inside.</summary>
        Ignored,
    }

    /// <summary>Gets the UTC ticks of <c>TimeCreated/@SystemTime</c> in the current event, or 0.</summary>
    public long TimeCreatedTicks { get; private set; }

    /// <summary>Gets the current element depth (0 outside the root element).</summary>
    public int Depth => _depth;

    /// <summary>Starts an event: fields go to <paramref name="record"/>, which the caller has reset.</summary>
    /// <param name="record">The record to fill.</param>
    public void Begin(EventRecord record)
    {
        _record = record;
        _depth = 0;
        _textLength = 0;
        _nameLength = 0;
        _segmentCount = 0;
        _unnamedData = 0;
        TimeCreatedTicks = 0;
    }

    /// <summary>Opens an element.</summary>
    /// <param name="name">The element's local name (a prefix, if any, is kept as given).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartElement(ReadOnlySpan<char> name)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        Kind kind;
        var nameStart = _nameLength;
        if (_depth == 0)
        {
            kind = Kind.Root;
        }
        else
        {
            ref var parent = ref _frames[_depth - 1];
            parent.HasChildren = true;
            kind = parent.Kind switch
            {
                _ when _depth >= MaxDepth => Kind.Ignored,
                Kind.Root => name switch
                {
                    "System" => Kind.System,
                    "EventData" => Kind.EventData,
                    "UserData" => Kind.UserData,
                    _ => Kind.Field,
                },
                Kind.System => Kind.SystemChild,
                Kind.EventData => name is "Data" ? Kind.Data : Kind.Field,
                Kind.UserData => Kind.Wrapper,
                Kind.Wrapper => Kind.Field,
                Kind.SystemChild => Kind.SystemChild,
                Kind.Data or Kind.Field => Kind.Field,
                _ => Kind.Ignored,
            };

            if (kind is Kind.SystemChild or Kind.Field)
            {
                if (parent.Kind is Kind.SystemChild or Kind.Data or Kind.Field && parent.NameLength > 0)
                {
                    // Dotted from the parent field's name.
                    AppendName(_name.AsSpan(parent.NameStart, parent.NameLength));
                    AppendName(".");
                }

                AppendName(name);
            }
        }

        _frames[_depth++] = new Frame
        {
            Kind = kind,
            NameStart = nameStart,
            NameLength = _nameLength - nameStart,
            TextStart = _textLength,
            SegmentStart = _segmentCount,
            IsTimeCreated = kind == Kind.SystemChild && name is "TimeCreated",
            BareAttributes = kind == Kind.SystemChild && name is "Execution" or "Security" or "Correlation",
        };
    }

    /// <summary>Adds an attribute of the element opened last (before its content).</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The rendered value.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (_depth == 0 || name.StartsWith("xmlns", StringComparison.Ordinal))
        {
            return;
        }

        ref var frame = ref _frames[_depth - 1];
        switch (frame.Kind)
        {
            case Kind.Data when name is "Name":
                // The Data element's field name: it replaces the (empty) name of the frame.
                _nameLength = frame.NameStart;
                AppendName(value);
                frame.NameLength = _nameLength - frame.NameStart;
                frame.Named = true;
                break;
            case Kind.SystemChild when frame.IsTimeCreated && name is "SystemTime":
                _record.Add("TimeCreated", value, FieldValueKind.String);
                TimeCreatedTicks = ParseSystemTime(value);
                break;
            case Kind.SystemChild when frame.BareAttributes:
                _record.Add(name, value, FieldValueKind.String);
                break;
            case Kind.SystemChild or Kind.Field:
                var mark = _nameLength;
                AppendName(_name.AsSpan(frame.NameStart, frame.NameLength));
                AppendName("_");
                AppendName(name);
                _record.Add(_name.AsSpan(mark, _nameLength - mark), value, FieldValueKind.String);
                _nameLength = mark;
                break;
        }
    }

    /// <summary>Appends text to the content of the element opened last.</summary>
    /// <param name="text">The text.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<char> text)
    {
        if (_depth == 0 || _frames[_depth - 1].Kind is not (Kind.SystemChild or Kind.Data or Kind.Field))
        {
            return;
        }

        if (_textLength + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_textLength + text.Length, _text.Length * 2));
        }

        text.CopyTo(_text.AsSpan(_textLength));
        _textLength += text.Length;
    }

    /// <summary>Appends one item of an array value to the content of the element opened last (one field entry per item).</summary>
    /// <param name="item">The rendered item.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ArrayItem(ReadOnlySpan<char> item)
    {
        if (_depth == 0 || _frames[_depth - 1].Kind is not (Kind.SystemChild or Kind.Data or Kind.Field))
        {
            return;
        }

        if (_segmentCount + 2 > _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }

        _segments[_segmentCount++] = _textLength;
        Text(item);
        _segments[_segmentCount++] = _textLength;
    }

    /// <summary>Marks the element opened last as not rendered (an optional substitution without a value): it gives no field.</summary>
    public void OmitElement()
    {
        if (_depth > 0)
        {
            _frames[_depth - 1].Omitted = true;
        }
    }

    /// <summary>Closes the element opened last, adding its field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndElement()
    {
        if (_depth == 0)
        {
            return;
        }

        ref var frame = ref _frames[--_depth];
        var text = _text.AsSpan(frame.TextStart, _textLength - frame.TextStart);
        if (frame.HasChildren && text.IsWhiteSpace())
        {
            text = [];
        }

        if (!frame.Omitted)
        {
            switch (frame.Kind)
            {
                case Kind.SystemChild when !text.IsEmpty:
                    AddValues(frame, _name.AsSpan(frame.NameStart, frame.NameLength), text);
                    break;
                case Kind.Data when !frame.Named:
                    AddUnnamedData(frame, text);
                    break;
                case Kind.Data or Kind.Field when !text.IsEmpty || !frame.HasChildren:
                    AddValues(frame, _name.AsSpan(frame.NameStart, frame.NameLength), text);
                    break;
            }
        }

        _textLength = frame.TextStart;
        _nameLength = frame.NameStart;
        _segmentCount = frame.SegmentStart;
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss[.fffffffff]Z</c> to UTC ticks; 0 when it does not parse.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The ticks, or 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long ParseSystemTime(ReadOnlySpan<char> text)
    {
        if (text.Length < 19 || text[4] != '-' || text[10] != 'T')
        {
            return 0;
        }

        // As DateTime.TryParseExact(text[..19], "yyyy-MM-ddTHH:mm:ss") would, without its machinery: fixed-width ASCII
        // digits, the separators, and a valid date and time of day.
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        var hour = Digits(text.Slice(11, 2));
        var minute = Digits(text.Slice(14, 2));
        var second = Digits(text.Slice(17, 2));
        if (text[7] != '-' || text[13] != ':' || text[16] != ':'
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return 0;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        if (text.Length > 20 && text[19] == '.')
        {
            var scale = 1_000_000L;
            for (var i = 20; i < text.Length && char.IsAsciiDigit(text[i]) && scale > 0; i++)
            {
                ticks += (text[i] - '0') * scale;
                scale /= 10;
            }
        }

        return ticks;
    }

    /// <summary>The value of a run of ASCII digits, or -1 when there is anything else.</summary>
    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddValues(in Frame frame, ReadOnlySpan<char> name, ReadOnlySpan<char> text)
    {
        if (frame.SegmentStart == _segmentCount)
        {
            _record.Add(name, text, ValueKind(frame, text));
            return;
        }

        // An array value: Windows repeats the element for each item.
        for (var i = frame.SegmentStart; i < _segmentCount; i += 2)
        {
            var item = _text.AsSpan(_segments[i], _segments[i + 1] - _segments[i]);
            _record.Add(name, item, ValueKind(frame, item));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnnamedData(in Frame frame, ReadOnlySpan<char> text)
    {
        if (frame.SegmentStart == _segmentCount)
        {
            AddUnnamedData(text, ValueKind(frame, text));
            return;
        }

        for (var i = frame.SegmentStart; i < _segmentCount; i += 2)
        {
            var item = _text.AsSpan(_segments[i], _segments[i + 1] - _segments[i]);
            AddUnnamedData(item, ValueKind(frame, item));
        }
    }

    private void AddUnnamedData(ReadOnlySpan<char> value, FieldValueKind kind)
    {
        Span<char> indexed = stackalloc char[16];
        "Data".CopyTo(indexed);
        _unnamedData.TryFormat(indexed[4..], out var digits, provider: CultureInfo.InvariantCulture);
        _unnamedData++;
        _record.Add("Data", value, kind);
        _record.Add(indexed[..(4 + digits)], value, kind);
    }

    private static FieldValueKind ValueKind(in Frame frame, ReadOnlySpan<char> value)
        => value.IsEmpty && frame.Kind != Kind.SystemChild ? FieldValueKind.Null : FieldValueKind.String;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendName(ReadOnlySpan<char> part)
    {
        if (_nameLength + part.Length > _name.Length)
        {
            Array.Resize(ref _name, Math.Max(_nameLength + part.Length, _name.Length * 2));
        }

        part.CopyTo(_name.AsSpan(_nameLength));
        _nameLength += part.Length;
    }

    private struct Frame
    {
        public int NameStart;
        public int NameLength;
        public int TextStart;
        public int SegmentStart;
        public Kind Kind;
        public bool HasChildren;
        public bool Named;
        public bool Omitted;
        public bool IsTimeCreated;
        public bool BareAttributes;
    }
}

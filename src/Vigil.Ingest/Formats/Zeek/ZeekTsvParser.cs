using System.Buffers;
using System.Globalization;
using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Zeek;

/// <summary>
/// Parses the lines of one batch of a Zeek TSV log: header lines update the header in force, each data line becomes one
/// event named by the <c>#fields</c> header. See <see cref="ZeekTsvFormat"/> for the rules. One instance per batch; not thread-safe.
/// </summary>
internal sealed class ZeekTsvParser : ILineParser
{
    private const string PathField = "_path";

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.eE+-");

    private readonly string _source;
    private readonly EventRecord _record;
    private readonly EventSchema _schema;
    private readonly IEventHandler _handler;
    private readonly IReadErrorSink _errors;
    private readonly int _pathId;
    private ZeekHeader _header;
    private int[]? _ids;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(256);
    private char[] _chars = ArrayPool<char>.Shared.Rent(256);
    private long _orphanFirst;
    private long _orphanLast;
    private long _orphanCount;

    /// <summary>Creates a parser.</summary>
    /// <param name="source">The input name for records and errors.</param>
    /// <param name="record">The scratch record to fill.</param>
    /// <param name="schema">The schema to resolve names against.</param>
    /// <param name="handler">Receives each event.</param>
    /// <param name="errors">Receives each malformed line.</param>
    /// <param name="header">The header in force at the first line of the batch.</param>
    public ZeekTsvParser(string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, ZeekHeader header)
    {
        _source = source;
        _record = record ?? throw new ArgumentNullException(nameof(record));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
        _header = header;
        _pathId = schema.Resolve(PathField);
    }

    /// <inheritdoc />
    public void ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            return;
        }

        if (ZeekHeader.IsHeaderLine(line))
        {
            ReportOrphans();
            var header = _header.Apply(line);
            if (!ReferenceEquals(header, _header))
            {
                _header = header;
                _ids = null;
            }

            return;
        }

        var names = _header.Names;
        if (names is null)
        {
            _orphanFirst = _orphanCount == 0 ? lineNumber : _orphanFirst;
            _orphanLast = lineNumber;
            _orphanCount++;
            return;
        }

        var separator = _header.Separator;
        var columns = (separator.Length == 1 ? line.Count(separator[0]) : line.Count(separator)) + 1;
        if (columns != names.Length)
        {
            _errors.OnError(new ReadError(_source, lineNumber, string.Create(
                CultureInfo.InvariantCulture, $"expected {names.Length} columns as the #fields header declares, found {columns}; line skipped")));
            return;
        }

        Emit(line, lineNumber, names);
    }

    /// <inheritdoc />
    public void Flush() => ReportOrphans();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_bytes.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
        _bytes = [];
        _chars = [];
    }

    private void Emit(ReadOnlySpan<byte> line, long lineNumber, string[] names)
    {
        _record.Reset(_schema);
        _record.SourceName = _source;
        _record.Location = lineNumber;
        var ids = _ids ??= ResolveIds(names);
        if (_header.Path is { } path)
        {
            _record.Add(_pathId, PathField, path, FieldValueKind.String);
        }

        var types = _header.Types;
        var column = 0;
        foreach (var range in line.Split(_header.Separator))
        {
            var type = types.Length == names.Length ? types[column] : default;
            AddColumn(ids[column], names[column], line[range], type);
            column++;
        }

        _record.SetRaw(line);
        _record.TimestampTicks = EventTimestamp.TryGetFromEvent(_record, out var ticks) ? ticks : 0;
        _handler.OnEvent(_record);
    }

    private void AddColumn(int id, string name, ReadOnlySpan<byte> value, ZeekColumnType type)
    {
        if (value.SequenceEqual(_header.UnsetField))
        {
            return;
        }

        if (value.SequenceEqual(_header.EmptyField))
        {
            _record.Add(id, name, [], FieldValueKind.String);
            return;
        }

        if (!type.IsContainer)
        {
            AddValue(id, name, value, type.Value);
            return;
        }

        foreach (var range in value.Split(_header.SetSeparator))
        {
            AddValue(id, name, value[range], type.Value);
        }
    }

    private void AddValue(int id, string name, ReadOnlySpan<byte> value, ZeekValueType type)
    {
        switch (type)
        {
            case ZeekValueType.Bool when value.SequenceEqual("T"u8):
                _record.Add(id, name, "true", FieldValueKind.True);
                return;
            case ZeekValueType.Bool when value.SequenceEqual("F"u8):
                _record.Add(id, name, "false", FieldValueKind.False);
                return;
        }

        var length = ZeekEscapes.ToChars(value, ref _bytes, ref _chars);
        var text = _chars.AsSpan(0, length);
        var kind = type == ZeekValueType.Number && IsNumber(text) ? FieldValueKind.Number : FieldValueKind.String;
        _record.Add(id, name, text, kind);
    }

    /// <summary>A decimal number as Zeek writes them (<c>80</c>, <c>-3</c>, <c>1588205198.899710</c>, <c>1.5e-05</c>).</summary>
    private static bool IsNumber(ReadOnlySpan<char> text)
        => !text.IsEmpty && (char.IsAsciiDigit(text[0]) || (text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1])))
            && text.IndexOfAnyExcept(NumberChars) < 0;

    private int[] ResolveIds(string[] names)
    {
        var ids = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            ids[i] = _schema.Resolve(names[i]);
        }

        return ids;
    }

    private void ReportOrphans()
    {
        if (_orphanCount == 0)
        {
            return;
        }

        _errors.OnError(new ReadError(_source, _orphanFirst, string.Create(
            CultureInfo.InvariantCulture,
            $"data line before any #fields header (a Zeek TSV log starts with #separator, #fields and #types lines): "
            + $"{_orphanCount} line(s) up to line {_orphanLast} skipped")));
        _orphanCount = 0;
    }
}

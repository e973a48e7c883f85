using System.Buffers;
using System.Globalization;
using System.Xml;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>
/// A run of <c>&lt;Event&gt;</c> elements (UTF-8 bytes) copied into one pooled buffer, each with the line where it starts;
/// parsed once, by any thread, with a secure <see cref="XmlReader"/> (no DTD, no external resolution), into the same fields
/// as EVTX records (<see cref="WindowsEventFieldWriter"/>).
/// </summary>
internal sealed class WindowsXmlBatch : EventBatch
{
    [ThreadStatic]
    private static WindowsEventFieldWriter? _writer;

    private readonly string _source;
    private byte[]? _data;
    private int _length;
    private (int Start, int Length, long Line)[] _events = ArrayPool<(int, int, long)>.Shared.Rent(64);
    private int _count;

    /// <summary>Creates an empty batch with room for at least <paramref name="capacity"/> bytes.</summary>
    /// <param name="source">The input name.</param>
    /// <param name="capacity">The bytes to reserve.</param>
    public WindowsXmlBatch(string source, int capacity)
    {
        _source = source;
        _data = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <inheritdoc />
    public override long ByteCount => FileBytes;

    /// <summary>Gets or sets the file bytes the batch stands for (compressed bytes for gzip).</summary>
    public long FileBytes { get; set; }

    /// <summary>Gets whether the batch reached its target size.</summary>
    public bool IsFull => _length >= SourceLimits.BlockSize;

    /// <summary>Tells whether an event of <paramref name="length"/> bytes still fits.</summary>
    /// <param name="length">The event size.</param>
    /// <returns>Whether it fits.</returns>
    public bool HasRoom(int length) => _data is not null && _data.Length - _length >= length;

    /// <summary>Copies an event in.</summary>
    /// <param name="xml">The event's bytes.</param>
    /// <param name="line">The 1-based line where it starts.</param>
    public void Add(ReadOnlySpan<byte> xml, long line)
    {
        xml.CopyTo(_data.AsSpan(_length));
        if (_count == _events.Length)
        {
            var larger = ArrayPool<(int, int, long)>.Shared.Rent(_events.Length * 2);
            _events.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<(int, int, long)>.Shared.Return(_events);
            _events = larger;
        }

        _events[_count++] = (_length, xml.Length, line);
        _length += xml.Length;
    }

    /// <inheritdoc />
    public override void Parse(EventRecord scratch, EventSchema schema, IEventHandler handler, IReadErrorSink errors)
    {
        var data = Interlocked.Exchange(ref _data, null)
            ?? throw new InvalidOperationException("This batch was parsed already; its buffer went back to the pool.");
        try
        {
            var writer = _writer ??= new WindowsEventFieldWriter();
            for (var i = 0; i < _count; i++)
            {
                var (start, length, line) = _events[i];
                scratch.Reset(schema);
                scratch.SourceName = _source;
                scratch.Location = line;
                writer.Begin(scratch);
                if (TryParse(data, start, length, line, writer, out var problem))
                {
                    scratch.TimestampTicks = writer.TimeCreatedTicks;
                    handler.OnEvent(scratch);
                }
                else
                {
                    errors.OnError(new ReadError(_source, line, problem));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
            ArrayPool<(int, int, long)>.Shared.Return(_events);
            _events = [];
            _count = 0;
        }
    }

    private static bool TryParse(byte[] data, int start, int length, long line, WindowsEventFieldWriter writer, out string problem)
    {
        problem = string.Empty;
        using var stream = new MemoryStream(data, start, length, writable: false);
        try
        {
            // XmlTextReader with Normalization off keeps CR LF in values as EVTX stores them (XmlReader.Create would turn them into LF).
            using var reader = new XmlTextReader(stream)
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                Normalization = false,
                EntityHandling = EntityHandling.ExpandEntities,
                WhitespaceHandling = WhitespaceHandling.All,
            };

            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (writer.Depth >= WindowsEventFieldWriter.MaxDepth)
                        {
                            problem = string.Create(
                                CultureInfo.InvariantCulture, $"malformed event: elements nest deeper than {WindowsEventFieldWriter.MaxDepth}");
                            return false;
                        }

                        writer.StartElement(reader.LocalName);
                        var empty = reader.IsEmptyElement;
                        while (reader.MoveToNextAttribute())
                        {
                            if (reader.Prefix != "xmlns" && reader.Name != "xmlns")
                            {
                                writer.Attribute(reader.LocalName, reader.Value);
                            }
                        }

                        if (empty)
                        {
                            writer.EndElement();
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        writer.Text(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        writer.EndElement();
                        break;
                }
            }

            return true;
        }
        catch (XmlException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" Line ", StringComparison.Ordinal);
            reason = (cut > 0 ? reason[..cut] : reason).TrimEnd('.');
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"malformed event starting at line {line}: {reason} (at line {line + Math.Max(ex.LineNumber, 1) - 1}, position {ex.LinePosition})");
            return false;
        }
    }
}

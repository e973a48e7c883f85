using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Auditd;

/// <summary>
/// Linux audit logs (<c>/var/log/audit/audit.log</c>): the records that share a serial are one event. A block never ends
/// inside the run of consecutive lines that share the serial of its last line (unless that line is <c>type=EOE</c>),
/// so an event written on consecutive lines stays in one batch. See docs/formats-text.md.
/// </summary>
internal sealed class AuditdFormat : LineFormat
{
    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => new AuditdLineParser(source, record, schema, handler, errors);

    /// <inheritdoc />
    public override int FindCut(ReadOnlySpan<byte> block)
    {
        var end = block.Length;
        var lastStart = LineStart(block, end);
        if (!AuditdRecordHeader.TryGetSerial(block[lastStart..end], out var serial, out var isEnd) || isEnd)
        {
            return block.Length;
        }

        var cut = lastStart;
        while (cut > 0)
        {
            var previous = LineStart(block, cut);
            if (!AuditdRecordHeader.TryGetSerial(block[previous..cut], out var other, out _) || other != serial)
            {
                break;
            }

            cut = previous;
        }

        // The whole block is one event: keep it (the reader then parses it as it is).
        return cut;
    }

    /// <summary>Returns the start of the line that ends at <paramref name="end"/> (just after its line feed).</summary>
    private static int LineStart(ReadOnlySpan<byte> block, int end)
    {
        var body = end > 0 && block[end - 1] == (byte)'\n' ? end - 1 : end;
        return block[..body].LastIndexOf((byte)'\n') + 1;
    }
}

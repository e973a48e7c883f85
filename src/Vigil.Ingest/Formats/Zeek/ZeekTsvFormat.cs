using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Zeek;

/// <summary>
/// Zeek's TSV logs (the ASCII writer's default): a header of <c>#separator \x09</c>, <c>#set_separator</c>,
/// <c>#empty_field</c>, <c>#unset_field</c>, <c>#path</c>, <c>#open</c>, <c>#fields</c> and <c>#types</c> lines, then one
/// event per line, until <c>#close</c>. Fields are named by <c>#fields</c> (<c>id.orig_h</c>); <c>_path</c> holds the
/// <c>#path</c> value; unset fields (<c>-</c>) are left out, empty ones (<c>(empty)</c>) are empty strings; sets and
/// vectors give one value per element under the same name; <c>count</c>, <c>int</c>, <c>double</c>, <c>port</c>,
/// <c>interval</c> and <c>time</c> values are numbers and <c>bool</c> values true/false; <c>\xHH</c> escapes are decoded;
/// <c>ts</c> is the event time. The header may appear again part way (concatenated logs): each block starts from the
/// header in force before it (<see cref="InspectBlock"/>), and its parser applies the header lines it meets.
/// One instance per file: it carries the header from block to block.
/// </summary>
internal sealed class ZeekTsvFormat : LineFormat
{
    private ZeekHeader _current = ZeekHeader.Initial;

    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => new ZeekTsvParser(source, record, schema, handler, errors, blockState as ZeekHeader ?? ZeekHeader.Initial);

    /// <inheritdoc />
    public override object? InspectBlock(ReadOnlySpan<byte> block, long firstLine)
    {
        var atStart = _current;
        var rest = block;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            if (ZeekHeader.IsHeaderLine(line))
            {
                _current = _current.Apply(line.EndsWith("\r"u8) ? line[..^1] : line);
            }

            if (newline < 0)
            {
                break;
            }

            // Jump to the next header line; data lines need no look.
            rest = rest[(newline + 1)..];
            if (!rest.IsEmpty && rest[0] != '#')
            {
                var next = rest.IndexOf("\n#"u8);
                if (next < 0)
                {
                    break;
                }

                rest = rest[(next + 1)..];
            }
        }

        return atStart;
    }
}

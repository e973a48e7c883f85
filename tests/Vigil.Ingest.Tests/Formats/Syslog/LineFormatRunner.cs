using System.Text;
using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Syslog;

/// <summary>Runs the lines of a text through one parser of a line format, as one batch.</summary>
internal static class LineFormatRunner
{
    public static ReadResult Parse(LineFormat format, string text) => Parse(format, Encoding.UTF8.GetBytes(text));

    public static ReadResult Parse(LineFormat format, byte[] bytes)
    {
        var handler = new CollectingHandler();
        var errors = new CollectingErrors();
        using (var parser = format.CreateParser("test", new EventRecord(), EventSchema.Empty, handler, errors, null))
        {
            var rest = bytes.AsSpan();
            var line = 1L;
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf((byte)'\n');
                parser.ParseLine(newline < 0 ? rest : rest[..newline], line++);
                rest = newline < 0 ? [] : rest[(newline + 1)..];
            }

            parser.Flush();
        }

        return new ReadResult(handler.Events, errors.Errors, []);
    }

    public static EventRecord ParseOne(LineFormat format, string line)
    {
        var result = Parse(format, line);
        result.Errors.ShouldBeEmpty();
        return result.Events.ShouldHaveSingleItem();
    }
}

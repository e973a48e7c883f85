using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>CEF lines (not written yet).</summary>
internal sealed class CefFormat : LineFormat
{
    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => throw new NotSupportedException("this format is not supported yet");
}

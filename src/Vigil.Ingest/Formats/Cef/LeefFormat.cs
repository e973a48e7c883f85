using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>LEEF lines (not written yet).</summary>
internal sealed class LeefFormat : LineFormat
{
    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => throw new NotSupportedException("this format is not supported yet");
}

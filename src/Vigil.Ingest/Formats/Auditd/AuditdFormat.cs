using Vigil.Core.Events;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Auditd;

/// <summary>auditd lines (not written yet).</summary>
internal sealed class AuditdFormat : LineFormat
{
    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => throw new NotSupportedException("this format is not supported yet");
}

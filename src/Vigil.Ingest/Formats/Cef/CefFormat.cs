using Vigil.Core.Events;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Formats.Cef;

/// <summary>
/// ArcSight Common Event Format lines, bare or after a syslog header. The event time is the first of the extension keys
/// <c>rt</c>, <c>end</c>, <c>start</c> that parses, else the syslog header time. See docs/formats-text.md.
/// </summary>
internal sealed class CefFormat : LineFormat
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _defaultOffset;

    /// <summary>Creates the format with the system clock and UTC for times without a zone.</summary>
    public CefFormat()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the format.</summary>
    /// <param name="timeProvider">The clock year-less times are placed near.</param>
    /// <param name="defaultOffset">The UTC offset of times written without a zone (default: UTC).</param>
    public CefFormat(TimeProvider timeProvider, TimeSpan defaultOffset = default)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _defaultOffset = defaultOffset;
    }

    /// <inheritdoc />
    public override ILineParser CreateParser(
        string source, EventRecord record, EventSchema schema, IEventHandler handler, IReadErrorSink errors, object? blockState)
        => new CefLineParser(source, record, schema, handler, errors, new SyslogHeaderParser(_timeProvider.GetUtcNow(), _defaultOffset));
}

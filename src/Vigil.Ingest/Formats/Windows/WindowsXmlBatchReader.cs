using Vigil.Core.Events;
using Vigil.Ingest.Sources;

namespace Vigil.Ingest.Formats.Windows;

/// <summary>Reads Windows XML event exports (not written yet).</summary>
internal sealed class WindowsXmlBatchReader(string source, InputFile input) : IBatchReader
{
    /// <inheritdoc />
    public long CurrentLine => 0;

    /// <inheritdoc />
    public EventBatch? ReadNext(IReadErrorSink errors, CancellationToken cancellationToken)
    {
        _ = input;
        errors.OnError(new ReadError(source, 0, "this format is not supported yet"));
        return null;
    }
}

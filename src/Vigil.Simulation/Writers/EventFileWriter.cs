using System.Text;
using Vigil.Simulation.Events;

namespace Vigil.Simulation.Writers;

/// <summary>
/// Writes one log file, event by event, as UTF-8 without a byte order mark and with LF line ends (the same bytes on
/// every platform). Subclasses write the format; <see cref="Complete"/> closes any wrapper.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal abstract class EventFileWriter<T> : IDisposable
    where T : TimedEvent
{
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(2048);
    private bool _started;
    private bool _completed;

    /// <summary>Opens (creates or truncates) the file.</summary>
    protected EventFileWriter(string path)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
    }

    /// <summary>Gets the file path.</summary>
    public string Path { get; }

    /// <summary>Gets the number of events written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one event.</summary>
    public void Write(T item)
    {
        Start();
        _line.Clear();
        Render(item, _line);
        _writer.Write(_line);
        Count++;
    }

    /// <summary>Writes what follows the last event and flushes.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        Start();
        _line.Clear();
        RenderFooter(_line);
        _writer.Write(_line);
        _writer.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the file.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
        }
    }

    /// <summary>Renders one event, with its line end.</summary>
    protected abstract void Render(T item, StringBuilder text);

    /// <summary>Renders what precedes the first event.</summary>
    protected virtual void RenderHeader(StringBuilder text)
    {
    }

    /// <summary>Renders what follows the last event.</summary>
    protected virtual void RenderFooter(StringBuilder text)
    {
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _line.Clear();
        RenderHeader(_line);
        _writer.Write(_line);
    }
}

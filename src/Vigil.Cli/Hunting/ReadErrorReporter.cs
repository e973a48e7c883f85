using Vigil.Core.Events;

namespace Vigil.Cli.Hunting;

/// <summary>
/// Prints the first <see cref="PrintLimit"/> read errors (<c>read error: file:line: message</c>) and counts them all.
/// Thread-safe: readers report from worker threads.
/// </summary>
internal sealed class ReadErrorReporter : IReadErrorSink
{
    /// <summary>The most read errors printed one by one.</summary>
    public const int PrintLimit = 20;

    private readonly Lock _lock = new();
    private Action<string> _writeLine;
    private long _count;

    public ReadErrorReporter(Action<string> writeLine) => _writeLine = writeLine;

    /// <summary>Gets the number of read errors so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Sends the printed lines elsewhere (for example through a live progress display).</summary>
    /// <param name="writeLine">The new destination.</param>
    /// <returns>The previous destination.</returns>
    public Action<string> Redirect(Action<string> writeLine)
    {
        lock (_lock)
        {
            var previous = _writeLine;
            _writeLine = writeLine;
            return previous;
        }
    }

    public void OnError(ReadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_lock)
        {
            if (++_count <= PrintLimit)
            {
                _writeLine($"read error: {error}");
            }
        }
    }

    /// <summary>Prints how many errors were not printed, if any.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_count > PrintLimit)
            {
                _writeLine($"read error: {_count - PrintLimit} more read errors not shown ({_count} in all).");
            }
        }
    }
}

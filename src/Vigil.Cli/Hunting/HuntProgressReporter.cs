using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Vigil.Detection.Hunting;

namespace Vigil.Cli.Hunting;

/// <summary>Shows hunt progress on a Spectre progress task: bytes read of the total, events, events/s and hits.</summary>
internal sealed class HuntProgressReporter : IProgress<HuntProgress>
{
    private readonly ProgressTask _task;
    private readonly long _started = Stopwatch.GetTimestamp();

    public HuntProgressReporter(ProgressTask task) => _task = task;

    public void Report(HuntProgress value)
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var rate = seconds > 0 ? value.Events / seconds : 0;
        _task.Value = Math.Min(value.Bytes, _task.MaxValue);
        _task.Description = string.Create(
            CultureInfo.InvariantCulture, $"{value.Events:N0} events, {rate:N0} events/s, {value.Hits:N0} hits");
    }
}

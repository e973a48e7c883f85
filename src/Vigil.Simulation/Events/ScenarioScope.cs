using Vigil.Simulation.Scenarios;

namespace Vigil.Simulation.Events;

/// <summary>While alive, attributes the events logged to a scenario; restores the previous attribution when disposed.</summary>
internal readonly struct ScenarioScope : IDisposable
{
    private readonly EventLog _log;
    private readonly ScenarioRecord? _previous;

    /// <summary>Starts attributing to <paramref name="record"/> (null: to no scenario).</summary>
    public ScenarioScope(EventLog log, ScenarioRecord? record)
    {
        _log = log;
        _previous = log.Scenario;
        log.Scenario = record;
    }

    /// <inheritdoc />
    public void Dispose() => _log.Scenario = _previous;
}

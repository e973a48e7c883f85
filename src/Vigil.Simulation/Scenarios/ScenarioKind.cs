namespace Vigil.Simulation.Scenarios;

/// <summary>Whether a scenario is an attack a detector should find, or legitimate activity that looks unusual.</summary>
internal enum ScenarioKind
{
    /// <summary>Malicious activity, labelled with ATT&amp;CK techniques.</summary>
    Attack,

    /// <summary>A benign trap: unusual but legitimate.</summary>
    Benign,
}

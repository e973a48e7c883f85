namespace Vigil.Analytics.Backtesting;

/// <summary>What a ground-truth scenario is.</summary>
public enum GroundTruthScenarioKind
{
    /// <summary><c>attack</c>: malicious activity that should be detected.</summary>
    Attack = 0,

    /// <summary><c>benign</c>: a trap, legitimate activity that looks suspicious and should not raise a high alert.</summary>
    Benign = 1,
}

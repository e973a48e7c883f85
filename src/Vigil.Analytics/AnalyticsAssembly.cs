namespace Vigil.Analytics;

/// <summary>Marks the analytics assembly (behavioural models, simulation, backtesting).</summary>
internal static class AnalyticsAssembly
{
    /// <summary>The name models report as their producer.</summary>
    public const string Producer = "vigil";
}

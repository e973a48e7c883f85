namespace Vigil.Simulation.Tests.Support;

/// <summary>The test classes that read the same small simulation share one <see cref="SimulatedRun"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedRunCollection : ICollectionFixture<SimulatedRun>
{
    public const string Name = "simulated run";
}

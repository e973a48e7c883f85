namespace Vigil.Detection.Hunting;

/// <summary>Settings of a hunt.</summary>
public sealed class HuntOptions
{
    /// <summary>Gets the number of worker threads. <value>Default: the processor count.</value></summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets a factory of inspectors that see every event beside the rules (one per worker), or null.</summary>
    public Func<IEventInspector>? InspectorFactory { get; init; }
}

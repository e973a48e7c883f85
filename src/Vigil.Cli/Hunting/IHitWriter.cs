using Vigil.Detection.Hunting;

namespace Vigil.Cli.Hunting;

/// <summary>Writes hits in one output format.</summary>
internal interface IHitWriter : IHitSink
{
    /// <summary>Writes whatever is buffered; called once after the last hit.</summary>
    void Complete();
}

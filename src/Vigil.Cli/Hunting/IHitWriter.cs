using Vigil.Detection.Hunting;

namespace Vigil.Cli.Hunting;

/// <summary>Writes hits in one output format. Disposing does not close the output it writes to.</summary>
internal interface IHitWriter : IHitSink, IDisposable
{
    /// <summary>Writes whatever is buffered; called once after the last hit.</summary>
    void Complete();
}

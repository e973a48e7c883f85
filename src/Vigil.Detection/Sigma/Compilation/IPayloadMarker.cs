namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Receives the needles an automaton scan finds.</summary>
internal interface IPayloadMarker
{
    /// <summary>Called for each occurrence of needle <paramref name="needle"/> (an id local to the automaton).</summary>
    void MarkNeedle(int needle, int[] payloads);
}

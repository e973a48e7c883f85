namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Receives the payloads an automaton scan finds.</summary>
internal interface IPayloadMarker
{
    void Mark(int payload);
}

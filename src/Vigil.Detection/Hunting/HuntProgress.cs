namespace Vigil.Detection.Hunting;

/// <summary>How far a hunt has got.</summary>
/// <param name="Events">Events matched so far.</param>
/// <param name="Bytes">Input bytes read so far.</param>
/// <param name="Hits">Hits so far.</param>
public readonly record struct HuntProgress(long Events, long Bytes, long Hits);

namespace Vigil.Ingest.Formats.Windows;

/// <summary>Where one chunk's bytes are and where they came from.</summary>
/// <param name="Source">The input name.</param>
/// <param name="Buffer">The buffer holding the chunk.</param>
/// <param name="Start">The chunk's start in <paramref name="Buffer"/>.</param>
/// <param name="Length">The chunk's length (less than 64 KiB only when the file is cut off).</param>
/// <param name="Number">The 0-based chunk number in the file.</param>
/// <param name="FileOffset">The chunk's offset in the file.</param>
internal readonly record struct EvtxChunkRef(string Source, byte[] Buffer, int Start, int Length, long Number, long FileOffset);

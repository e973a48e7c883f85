namespace Vigil.Ingest.Sources;

/// <summary>The sizes and limits shared by the file readers.</summary>
internal static class SourceLimits
{
    /// <summary>The target size of one batch of input (a line-aligned block of NDJSON, or a run of JSON values): 1 MiB.</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>The largest single record (an NDJSON line or one JSON value) that is read; larger ones are reported and skipped: 16 MiB.</summary>
    public const int MaxRecordBytes = 16 << 20;

    /// <summary>The deepest nesting of objects and arrays accepted in one event; deeper events are reported: 64.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many bytes of (decompressed) content format detection looks at: 64 KiB.</summary>
    public const int SniffBytes = 64 << 10;

    /// <summary>The read size for compressed input and the initial buffer of the value scanner: 64 KiB.</summary>
    public const int ReadChunk = 64 << 10;
}

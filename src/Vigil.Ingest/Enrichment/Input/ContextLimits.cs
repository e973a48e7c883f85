namespace Vigil.Ingest.Enrichment.Input;

/// <summary>Bounds that keep a hostile or broken context file from exhausting memory or the stack.</summary>
internal static class ContextLimits
{
    /// <summary>Largest YAML or JSON file read (they are read whole): 64 MiB.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>Longest CSV record, in characters: 64 Ki. A longer record is reported and skipped.</summary>
    public const int MaxRecordChars = 64 * 1024;

    /// <summary>Most fields in one CSV record.</summary>
    public const int MaxFields = 256;

    /// <summary>Deepest YAML nesting accepted (context files need 3 or 4 levels).</summary>
    public const int MaxYamlDepth = 32;

    /// <summary>Most YAML nodes a file may expand to, aliases counted at their full size (stops billion-laughs files).</summary>
    public const int MaxYamlNodes = 1_000_000;

    /// <summary>Deepest JSON nesting accepted in a STIX bundle.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Errors kept per file; past this one summary error is added.</summary>
    public const int MaxErrorsPerFile = 1000;
}

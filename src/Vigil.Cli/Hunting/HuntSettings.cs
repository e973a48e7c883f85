using Vigil.Cli.Setup;

namespace Vigil.Cli.Hunting;

/// <summary>What <c>vigil hunt</c> was asked to do.</summary>
internal sealed class HuntSettings
{
    /// <summary>Gets the event files and folders.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Gets the organisation context folder (enrichment and indicators), or null.</summary>
    public string? ContextPath { get; init; }

    /// <summary>Gets the behavioural models folder, or null when models do not run.</summary>
    public string? ModelsPath { get; init; }

    /// <summary>Gets the alert store file (SQLite) hits and findings are kept in, or null.</summary>
    public string? StorePath { get; init; }

    /// <summary>Gets the model state file: loaded before the hunt when it exists, written after it; or null.</summary>
    public string? ModelStatePath { get; init; }

    /// <summary>Gets the forced input format, or Auto to detect it per file.</summary>
    public Vigil.Ingest.Sources.EventFileFormat InputFormat { get; init; }

    /// <summary>Gets the rule, mapping and selection settings.</summary>
    public required DetectionSetupOptions Detection { get; init; }

    /// <summary>Gets the hit format.</summary>
    public HitOutputFormat Format { get; init; }

    /// <summary>Gets the file hits are written to, or null for the standard output.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Gets the number of worker threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets whether the progress bar is off.</summary>
    public bool NoProgress { get; init; }

    /// <summary>Gets whether notes, progress and the summary are off (errors are still printed).</summary>
    public bool Quiet { get; init; }
}

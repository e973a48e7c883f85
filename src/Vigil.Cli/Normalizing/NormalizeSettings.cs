using Vigil.Ingest.Sources;

namespace Vigil.Cli.Normalizing;

/// <summary>The settings of one <c>vigil normalize</c> run.</summary>
internal sealed class NormalizeSettings
{
    /// <summary>Gets the input paths.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Gets the output shape.</summary>
    public NormalizeOutput Output { get; init; }

    /// <summary>Gets the forced input format, or Auto.</summary>
    public EventFileFormat InputFormat { get; init; }

    /// <summary>Gets the output file, or null for the standard output.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Gets the folder of normalization maps, or null for the default.</summary>
    public string? MapsPath { get; init; }

    /// <summary>Gets the organisation context folder, or null.</summary>
    public string? ContextPath { get; init; }

    /// <summary>Gets whether the summary is left out.</summary>
    public bool Quiet { get; init; }
}

namespace Vigil.Simulation.Tests.Support;

/// <summary>One event read back with Vigil's readers, normalized and enriched.</summary>
internal sealed class ReadEvent
{
    public required string File { get; init; }

    public required long Ticks { get; init; }

    /// <summary>The source fields (first value of each name, ignoring case).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required bool Mapped { get; init; }

    public required string ClassName { get; init; }

    /// <summary>The normalized view after enrichment.</summary>
    public required IReadOnlyDictionary<string, string> View { get; init; }

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public string? Get(string path) => View.TryGetValue(path, out var value) ? value : null;

    public DateTimeOffset Time => new(Ticks, TimeSpan.Zero);
}

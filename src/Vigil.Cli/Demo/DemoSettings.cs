namespace Vigil.Cli.Demo;

/// <summary>What <c>vigil demo</c> runs.</summary>
internal sealed record DemoSettings
{
    /// <summary>Gets the workspace folder to create.</summary>
    public required string Directory { get; init; }

    /// <summary>Gets the simulated days.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Gets the simulated people.</summary>
    public int Users { get; init; } = 200;

    /// <summary>Gets the simulation seed.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Gets the HTTP address.</summary>
    public string Listen { get; init; } = "http://127.0.0.1:8080";

    /// <summary>Gets whether to stop after the summary instead of serving on.</summary>
    public bool Exit { get; init; }
}

namespace Vigil.Cli.Normalizing;

/// <summary>What <c>vigil normalize</c> writes per event.</summary>
internal enum NormalizeOutput
{
    /// <summary>Vigil JSON lines: location, source fields and the OCSF view.</summary>
    Jsonl,

    /// <summary>OCSF objects with the source fields under <c>unmapped</c>.</summary>
    Ocsf,

    /// <summary>ECS-style objects.</summary>
    Ecs,
}

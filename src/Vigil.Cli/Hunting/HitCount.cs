namespace Vigil.Cli.Hunting;

/// <summary>A running count of hits for one rule, tactic or technique.</summary>
internal sealed class HitCount
{
    public HitCount(string id, string name, string? level)
    {
        Id = id;
        Name = name;
        Level = level;
    }

    public string Id { get; }

    public string Name { get; }

    public string? Level { get; }

    public long Count { get; set; }
}

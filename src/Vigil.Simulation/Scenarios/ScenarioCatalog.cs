namespace Vigil.Simulation.Scenarios;

/// <summary>The scenarios every run plans, with their ids and ATT&amp;CK techniques, in truth-file order.</summary>
internal static class ScenarioCatalog
{
    /// <summary>The attacks.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Techniques)> Attacks =
    [
        ("password-spraying", ["T1110.003"]),
        ("vpn-credential-stuffing", ["T1110.004", "T1133"]),
        ("lateral-movement", ["T1021.002", "T1078.002"]),
        ("off-hours-privileged-logon", ["T1078.002"]),
        ("new-admin-account", ["T1136.001", "T1098"]),
        ("data-exfiltration", ["T1048", "T1041"]),
        ("impossible-travel", ["T1078", "T1133"]),
        ("service-account-interactive", ["T1078.002"]),
    ];

    /// <summary>The benign traps.</summary>
    public static readonly IReadOnlyList<string> Benign =
    [
        "approved-privileged-access",
        "clinical-new-workflow",
        "patch-night",
        "new-employee",
        "user-travelling",
    ];

    /// <summary>The truth entry of an attack.</summary>
    public static ScenarioRecord Attack(string name)
    {
        var index = Attacks.Select(a => a.Name).ToList().IndexOf(name);
        return new ScenarioRecord($"attack-{index + 1:00}-{name}", ScenarioKind.Attack, name, Attacks[index].Techniques);
    }

    /// <summary>The truth entry of a benign trap.</summary>
    public static ScenarioRecord Trap(string name)
    {
        var index = Benign.ToList().IndexOf(name);
        return new ScenarioRecord($"benign-{index + 1:00}-{name}", ScenarioKind.Benign, name, []);
    }
}

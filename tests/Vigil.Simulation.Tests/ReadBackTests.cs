using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests;

/// <summary>The simulated logs read back with Vigil's own readers, maps and context.</summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class ReadBackTests
{
    /// <summary>Names no directory holds on purpose (docs/simulation.md): spraying guesses, stuffed addresses, the attacker's account.</summary>
    private static readonly string[] DeliberatelyUnknown =
    [
        "admin", "test", "scanner", "backup", "helpdesk", "user1", "training", "temp", "support", "sqladmin", "webadmin", "test1", "demo",
        "guest1", "office", "reception", "svc-update2", "svc-adsync2", "svc-sccm-upd", "svc-report3",
    ];

    private readonly SimulatedRun _run;

    public ReadBackTests(SimulatedRun run) => _run = run;

    [Fact]
    public void Read_EveryFile_NoReadErrorsAndEveryEventMapped()
    {
        _run.MapErrors.ShouldBe(0);
        _run.ReadErrors.ShouldBeEmpty();
        _run.Events.Where(e => !e.Mapped).Select(e => e.File).Distinct(StringComparer.Ordinal).ShouldBeEmpty();
        _run.Events.Count.ShouldBe((int)_run.Result.TotalEvents);
        foreach (var file in SimulationConstants.LogFiles)
        {
            _run.In(Path.GetFileName(file)).Count().ShouldBeGreaterThan(0, file);
        }
    }

    [Fact]
    public void Read_EveryFile_InTimeOrderInsideThePeriod()
    {
        var start = _run.Options.StartTicks;
        foreach (var file in SimulationConstants.LogFiles.Select(Path.GetFileName))
        {
            var ticks = _run.In(file!).Select(e => e.Ticks).ToList();
            ticks.ShouldAllBe(t => t >= start, file);
            ticks.ShouldBe(ticks.Order().ToList(), file);
        }
    }

    [Fact]
    public void Read_Classes_AsTheMapsDefineThem()
    {
        string[] expected = ["Authentication", "Process Activity", "Network Activity", "Authorize Session", "API Activity", "Account Change", "Group Management"];
        var classes = _run.Events.Select(e => e.ClassName).Distinct(StringComparer.Ordinal).ToList();

        classes.ShouldBeSubsetOf([.. expected, "Base Event"], StringComparer.Ordinal);
        foreach (var name in expected)
        {
            classes.ShouldContain(name, StringComparer.Ordinal);
        }

        _run.In("vpn.cef").ShouldAllBe(e => e.ClassName == "Authentication");
        _run.In("firewall.cef").ShouldAllBe(e => e.ClassName == "Network Activity");
        _run.In("windows-security.xml").Where(e => e.Field("EventID") == "4624").ShouldAllBe(e => e.Get("logon_type_id") != null);
    }

    [Fact]
    public void Load_Context_NoErrors()
    {
        _run.Context.Errors.ShouldBeEmpty();
        _run.Context.Context.Identities.Identities.Count.ShouldBe(SimulatedRun.Users + _run.Result.ServiceAccounts);
        _run.Context.Context.Assets.Assets.Count.ShouldBeGreaterThan(_run.Result.Hosts);
        _run.Context.IgnoredFiles.ShouldBe(["maintenance.yaml", "privileged-access.yaml"], ignoreOrder: true);
    }

    [Fact]
    public void Enrich_Users_ResolveExceptTheDocumentedUnknownNames()
    {
        var unresolved = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var resolved = 0;
        foreach (var e in _run.Events)
        {
            foreach (var entity in new[] { "actor.user", "user" })
            {
                switch (e.Get(entity + ".context.resolution"))
                {
                    case "resolved":
                        resolved++;
                        break;
                    case "unresolved" or "ambiguous":
                        unresolved.Add(UserPart(e.Get(entity + ".name") ?? e.Get(entity + ".uid") ?? "?"));
                        break;
                }
            }
        }

        resolved.ShouldBeGreaterThan(_run.Events.Count / 2);
        unresolved.Where(u => !DeliberatelyUnknown.Contains(u, StringComparer.OrdinalIgnoreCase) && !IsStuffedAddress(u)).ShouldBeEmpty();
    }

    [Fact]
    public void Enrich_ReportingHosts_AllInTheInventory()
    {
        var unresolved = _run.Events.Where(e => e.Get("device.context.resolution") == "unresolved").Select(e => e.Get("device.hostname")).Distinct(StringComparer.Ordinal).ToList();
        var withoutDevice = _run.Events.Where(e => e.File != "cloudtrail.json" && e.Get("device.context.resolution") is null).Select(e => e.File).Distinct(StringComparer.Ordinal).ToList();

        unresolved.ShouldBeEmpty();
        withoutDevice.ShouldBeEmpty();
    }

    [Fact]
    public void Enrich_EachFormOfAName_SameIdentity()
    {
        var clinical = _run.In("windows-security.xml").First(e => e.Field("TargetDomainName") == "MEDNET" && e.Field("EventID") == "4624"
            && e.Get("user.context.peer_group")?.StartsWith("clinical-", StringComparison.Ordinal) == true);
        var upn = _run.In("vpn.cef").First(e => e.Field("duser")!.Contains('@', StringComparison.Ordinal) && e.Field("outcome") == "/Success");
        var downLevel = _run.In("sysmon.xml").First(e => e.Field("User")!.StartsWith("CORP\\", StringComparison.Ordinal));
        var cloud = _run.In("cloudtrail.json").First(e => e.Field("eventName") == "ConsoleLogin" && e.Field("userIdentity.type") == "AssumedRole");

        clinical.Get("user.context.resolution").ShouldBe("resolved");
        clinical.Field("TargetUserName")!.ShouldContain('.');
        upn.Get("user.context.resolution").ShouldBe("resolved");
        downLevel.Get("actor.user.context.resolution").ShouldBe("resolved");
        cloud.Get("actor.user.context.resolution").ShouldBe("resolved");
        cloud.Get("user.context.id").ShouldBe(cloud.Get("actor.user.context.id"));
    }

    private static string UserPart(string raw)
        => raw.StartsWith("CN=", StringComparison.Ordinal) ? raw[3..raw.IndexOf(',', StringComparison.Ordinal)] : raw[(raw.LastIndexOf('\\') + 1)..];

    private static bool IsStuffedAddress(string name)
        => name.EndsWith("@corp.example", StringComparison.Ordinal) && name.Count(c => c == '.') == 3;
}

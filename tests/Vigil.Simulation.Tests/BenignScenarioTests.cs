using System.Globalization;
using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests;

/// <summary>Each benign trap of truth.json: its events are in the logs, in its window, as it says.</summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class BenignScenarioTests
{
    private readonly SimulatedRun _run;
    private readonly TruthQueries _q;

    public BenignScenarioTests(SimulatedRun run)
    {
        _run = run;
        _q = new TruthQueries(run);
    }

    [Fact]
    public void ClinicalNewWorkflow_NewViewerOnEveryImagingWorkstationFromItsStart()
    {
        var s = _run.Scenario("clinical-new-workflow");
        var start = TruthQueries.Parse(s.GetProperty("start"));
        var radvue = _run.In("sysmon.xml").Where(e => e.Field("Image") is { } image && image.EndsWith(@"\radvue.exe", StringComparison.OrdinalIgnoreCase)).ToList();
        var imaging = TruthQueries.Strings(s, "hosts").Where(h => h.StartsWith("IMG-", StringComparison.Ordinal)).ToList();

        radvue.ShouldAllBe(e => e.Time >= start);
        radvue.Select(e => e.Get("device.context.name")).Distinct(StringComparer.Ordinal).ShouldBe(imaging, ignoreOrder: true);
        _run.In("windows-security.xml").Where(e => e.Get("device.context.name") == "PACS02" && e.Get("user.context.peer_group") == "clinical-radiographers")
            .ShouldAllBe(e => e.Time >= start);
    }

    [Fact]
    public void PatchNight_PatchAccountOnManyServersInTheWindow()
    {
        var s = _run.Scenario("patch-night");
        var logons = _q.Window(s, "windows-security.xml").Where(e => e.Get("user.context.id") == "svc-patch" && e.Field("EventID") == "4624" && e.Field("LogonType") == "3").ToList();

        logons.Select(e => e.Get("device.context.name")).Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThan(10);
        logons.ShouldAllBe(e => e.Time.Hour >= 1 && e.Time.Hour < 5);
        _q.Window(s, "sysmon.xml").Count(e => e.Field("Image")!.EndsWith("wusa.exe", StringComparison.Ordinal)).ShouldBe(logons.Count);
    }

    [Fact]
    public void NewEmployee_NoActivityBeforeTheAccountIsCreated()
    {
        var s = _run.Scenario("new-employee");
        var user = s.GetProperty("users")[0].GetString()!;
        var created = _run.In("windows-security.xml").Single(e => e.Field("EventID") == "4720" && e.Get("user.context.id") == user);
        var activity = _run.Events.Where(e => e.Get("user.context.id") == user || e.Get("actor.user.context.id") == user).ToList();

        (created.Time - TruthQueries.Parse(s.GetProperty("start"))).ShouldBeInRange(TimeSpan.Zero, TimeSpan.FromMinutes(1));
        activity.ShouldAllBe(e => e.Time >= created.Time);
        activity.Count(e => e.Field("EventID") == "4624").ShouldBeGreaterThan(3);
    }

    [Fact]
    public void UserTravelling_VpnFromTheHotelAtLeastTenHoursAfterHome()
    {
        var s = _run.Scenario("user-travelling");
        var hotel = TruthQueries.Strings(s, "addresses")[0];
        var user = s.GetProperty("users")[0].GetString();
        var vpn = _run.In("vpn.cef").Where(e => e.Get("user.context.id") == user && e.Field("cat") == "/Authentication/Verify").ToList();
        var abroad = vpn.Where(e => e.Field("src") == hotel).ToList();
        var before = vpn.Where(e => e.Time < abroad[0].Time).ToList();

        abroad.ShouldNotBeEmpty();
        _run.In("vpn.cef").Count(e => e.Field("src") == hotel).ShouldBe((int)s.GetProperty("event_count").GetInt64());
        if (before.Count > 0)
        {
            (abroad[0].Time - before[^1].Time).ShouldBeGreaterThan(TimeSpan.FromHours(10));
            TruthQueries.Km(before[^1], abroad[0]).ShouldBeGreaterThan(5000);
        }
    }

    [Fact]
    public void ApprovedPrivilegedAccess_NightSessionThroughJumpHost()
    {
        var s = _run.Scenario("approved-privileged-access");
        var admin = s.GetProperty("users")[0].GetString();
        var logons = _q.Window(s, "windows-security.xml")
            .Where(e => e.Field("EventID") == "4624" && e.Get("user.context.id") == admin && e.Get("device.context.name") != TruthQueries.Strings(s, "hosts")[0]).ToList();

        logons.ShouldNotBeEmpty();
        logons.Where(e => e.Get("device.context.name") != "JUMP01").ShouldAllBe(e => e.Get("src_endpoint.context.name") == "JUMP01");
        logons.ShouldContain(e => e.Get("device.context.tags")!.Contains("domain-controller"));
        TruthQueries.Parse(s.GetProperty("start")).Hour.ShouldBeInRange(1, 3);
    }
}

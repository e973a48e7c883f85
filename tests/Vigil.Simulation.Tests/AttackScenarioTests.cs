using System.Globalization;
using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests;

/// <summary>Each attack of truth.json: its events are in the logs, in its window, as it says.</summary>
[Collection(SimulatedRunCollection.Name)]
public sealed class AttackScenarioTests
{
    private readonly SimulatedRun _run;
    private readonly TruthQueries _q;

    public AttackScenarioTests(SimulatedRun run)
    {
        _run = run;
        _q = new TruthQueries(run);
    }

    [Fact]
    public void PasswordSpraying_FailuresFromTheSourceOnTheDc_AtLeast30Accounts()
    {
        var s = _run.Scenario("password-spraying");
        var source = TruthQueries.Strings(s, "addresses")[0];
        var failures = _q.Window(s, "windows-security.xml").Where(e => e.Field("EventID") == "4625" && e.Field("IpAddress") == source).ToList();

        failures.Select(e => e.Field("TargetUserName")).Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThanOrEqualTo(30);
        failures.Select(e => e.Field("Computer")).Distinct(StringComparer.Ordinal).ShouldHaveSingleItem().ShouldStartWith(TruthQueries.Strings(s, "hosts")[1].ToLowerInvariant());
        (TruthQueries.Parse(s.GetProperty("end")) - TruthQueries.Parse(s.GetProperty("start"))).ShouldBeLessThan(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void VpnCredentialStuffing_ManyNamesFailFromTheForeignAddresses()
    {
        var s = _run.Scenario("vpn-credential-stuffing");
        var addresses = TruthQueries.Strings(s, "addresses");
        var attempts = _q.Window(s, "vpn.cef").Where(e => addresses.Contains(e.Field("src")!)).ToList();

        attempts.Where(e => e.Field("outcome") == "/Failure").Select(e => e.Field("duser")).Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThanOrEqualTo(50);
        attempts.Count(e => e.Field("outcome") == "/Success" && e.Field("cat") == "/Authentication/Verify").ShouldBeInRange(1, 2);
        addresses.Count.ShouldBeInRange(3, 5);
        (TruthQueries.Parse(s.GetProperty("end")) - TruthQueries.Parse(s.GetProperty("start"))).ShouldBeLessThan(TimeSpan.FromHours(1.5));
    }

    [Fact]
    public void LateralMovement_UserLogsOnToFourToSixNewServersWithinAnHour()
    {
        var s = _run.Scenario("lateral-movement");
        var user = s.GetProperty("users")[0].GetString()!;
        var targets = TruthQueries.Strings(s, "hosts").Skip(1).ToList();
        var logons = _q.Window(s, "windows-security.xml").Where(e => e.Field("EventID") == "4624" && e.Get("user.context.id") == user).ToList();

        targets.Count.ShouldBeInRange(4, 6);
        foreach (var target in targets)
        {
            logons.ShouldContain(e => e.Get("device.context.name") == target && e.Field("LogonType") == "3", target);
        }

        logons.Count(e => targets.Contains(e.Get("device.context.name")!) && e.Field("LogonType") == "10").ShouldBe(2);
        _q.Window(s, "sysmon.xml").Count(e => e.Field("Image")!.EndsWith("PSEXESVC.exe", StringComparison.Ordinal)).ShouldBe(targets.Count);
        (TruthQueries.Parse(s.GetProperty("end")) - TruthQueries.Parse(s.GetProperty("start"))).ShouldBeLessThan(TimeSpan.FromMinutes(75));
        var earlier = _run.In("windows-security.xml").Where(e => e.Time < TruthQueries.Parse(s.GetProperty("start")) && e.Get("user.context.id") == user);
        earlier.Select(e => e.Get("device.context.name")).Intersect(targets, StringComparer.Ordinal).ShouldBeEmpty();
    }

    [Fact]
    public void OffHoursPrivilegedLogon_RemoteDesktopToDcAtNightNotFromJump()
    {
        var s = _run.Scenario("off-hours-privileged-logon");
        var admin = s.GetProperty("users")[0].GetString();
        var events = _q.Window(s, "windows-security.xml").Where(e => e.Get("user.context.id") == admin || e.Get("actor.user.context.id") == admin).ToList();
        var logon = events.Single(e => e.Field("EventID") == "4624" && e.Field("LogonType") == "10");

        logon.Get("device.context.tags")!.ShouldContain("domain-controller");
        logon.Field("IpAddress").ShouldBe(TruthQueries.Strings(s, "addresses")[0]);
        (logon.Get("src_endpoint.context.tags") ?? string.Empty).ShouldNotContain("jump-host");
        events.ShouldContain(e => e.Field("EventID") == "4672" && e.Field("SubjectLogonId") == logon.Field("TargetLogonId"));
        logon.Time.Hour.ShouldBeInRange(2, 3);
    }

    [Fact]
    public void NewAdminAccount_CreatedAndAddedToAdminGroups()
    {
        var events = _q.Window(_run.Scenario("new-admin-account"), "windows-security.xml").ToList();
        var created = events.Single(e => e.Field("EventID") == "4720");

        events.ShouldContain(e => e.Field("EventID") == "4728" && e.Field("TargetUserName") == "Domain Admins" && e.Field("MemberSid") == created.Field("TargetSid"));
        events.ShouldContain(e => e.Field("EventID") == "4732" && e.Field("TargetUserName") == "Administrators" && e.Field("MemberSid") == created.Field("TargetSid"));
        created.Get("actor.user.context.privileged").ShouldBe("true");
        events.ShouldContain(e => e.Field("EventID") == "4624" && e.Field("TargetUserName") == created.Field("TargetUserName"));
    }

    [Fact]
    public void DataExfiltration_GigabytesToOneAddress()
    {
        var s = _run.Scenario("data-exfiltration");
        var destination = TruthQueries.Strings(s, "addresses")[0];
        var flows = _run.In("firewall.cef").Where(e => e.Field("dst") == destination).ToList();
        var host = TruthQueries.Strings(s, "hosts")[0];
        var usual = _run.In("firewall.cef").Where(e => e.Field("shost") == host && e.Field("dst") != destination).Select(e => long.Parse(e.Field("out")!, CultureInfo.InvariantCulture));

        flows.Sum(e => long.Parse(e.Field("out")!, CultureInfo.InvariantCulture)).ShouldBeInRange(2_000_000_000L, 6_000_000_000L);
        flows.ShouldAllBe(e => e.Field("shost") == host);
        usual.ShouldAllBe(bytes => bytes < 100_000_000);
    }

    [Fact]
    public void ImpossibleTravel_TwoSuccessfulLogonsContinentsApart()
    {
        var s = _run.Scenario("impossible-travel");
        var user = s.GetProperty("users")[0].GetString();
        var logons = _q.Window(s, "vpn.cef").Where(e => e.Field("outcome") == "/Success" && e.Field("cat") == "/Authentication/Verify" && e.Get("user.context.id") == user).ToList();

        logons.Count.ShouldBe(2);
        logons.Select(e => e.Field("src")).ShouldBe(TruthQueries.Strings(s, "addresses").AsEnumerable().Reverse(), ignoreOrder: false);
        (logons[1].Time - logons[0].Time).ShouldBeInRange(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(91));
        TruthQueries.Km(logons[0], logons[1]).ShouldBeGreaterThan(5000);
    }

    [Fact]
    public void ServiceAccountInteractive_RemoteDesktopLogonOfAServiceAccount()
    {
        var s = _run.Scenario("service-account-interactive");
        var service = s.GetProperty("users")[0].GetString();
        var logon = _q.Window(s, "windows-security.xml").Single(e => e.Field("EventID") == "4624" && e.Get("user.context.id") == service);

        logon.Field("LogonType").ShouldBe("10");
        logon.Get("user.context.id").ShouldBe(s.GetProperty("users")[0].GetString());
        logon.Get("user.context.peer_group").ShouldBe("service-accounts");
        var ordinary = _run.In("windows-security.xml").Where(e => e.Field("EventID") == "4624" && e.Get("user.context.peer_group") == "service-accounts" && e.Time < logon.Time);
        ordinary.Select(e => e.Field("LogonType")!).Distinct(StringComparer.Ordinal).ShouldBeSubsetOf(["3", "5"], StringComparer.Ordinal);
    }
}

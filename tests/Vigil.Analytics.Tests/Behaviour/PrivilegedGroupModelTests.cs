using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Tests.Support;
using static Vigil.Analytics.Tests.Support.BehaviourFixture;

namespace Vigil.Analytics.Tests.Behaviour;

public sealed class PrivilegedGroupModelTests
{
    private static BehaviourObservation Change(long ticks, ObservationKind kind, string target, string? member = null) => new()
    {
        Ticks = ticks,
        Kind = kind,
        User = "admin2",
        UserRaw = "CORP\\admin2",
        UserResolved = true,
        Host = "DC01",
        Target = target,
        Member = member,
        Latitude = float.NaN,
        Longitude = float.NaN,
        SourceName = "security.xml",
    };

    [Fact]
    public void Observe_NewAccountAddedToDomainAdmins_ReportsCritical()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("privileged-group", "privileged-group") with { LearningDays = 0 });

        Feed(engine, [Change(At(20, 2), ObservationKind.AccountCreated, "svc-update2"), Change(At(20, 2.2), ObservationKind.GroupMemberAdded, "Domain Admins", "svc-update2")]);

        var finding = engine.Findings.ShouldHaveSingleItem();
        finding.Explanation.ShouldBe("svc-update2 was added to Domain Admins by admin2 on DC01; the account was created 12 min before; admin2 made no privileged group change in 0 days of baseline");
        finding.Severity.ShouldBe("critical");
    }

    [Fact]
    public void Observe_OrdinaryGroup_IsIgnored()
    {
        using var fixture = new BehaviourFixture();
        var engine = fixture.Engine(Settings("privileged-group", "privileged-group") with { LearningDays = 0 });

        Feed(engine, [Change(At(20, 2), ObservationKind.GroupMemberAdded, "Finance Readers", "fin01")]);

        engine.Findings.ShouldBeEmpty();
    }
}

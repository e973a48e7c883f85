using System.Net;
using Vigil.Ingest.Enrichment;
using Vigil.Simulation.Context;
using Vigil.Simulation.Organization;
using Vigil.Simulation.Tests.Support;

namespace Vigil.Simulation.Tests.Organization;

public sealed class OrganizationBuilderTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(20000)]
    public void Build_AnySize_ContextLoadsWithoutErrors(int users)
    {
        using var folder = new TempFolder();
        var options = new SimulationOptions { Users = users, Days = 28, OutputDirectory = folder.Path };
        var organization = OrganizationBuilder.Build(options);
        File.WriteAllText(folder.Combine("assets.csv"), AssetsWriter.Render(organization));
        File.WriteAllText(folder.Combine("identities.yaml"), IdentitiesWriter.Render(organization, options.Seed));

        var loaded = OrganizationContext.Load(folder.Path);

        loaded.Errors.ShouldBeEmpty();
        organization.People.Count.ShouldBe(users);
        loaded.Context.Identities.Identities.Count.ShouldBe(users + organization.ServiceAccounts.Count);
        loaded.Context.Assets.Assets.Count.ShouldBe(organization.Hosts.Count + organization.Networks.Count);
    }

    [Fact]
    public void Build_LargestSize_UniqueNamesAndAddresses()
    {
        var organization = OrganizationBuilder.Build(new SimulationOptions { Users = 20000, OutputDirectory = "unused" });

        organization.Hosts.Select(h => h.Name).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        organization.Hosts.Select(h => h.Ip).ShouldBeUnique(StringComparer.Ordinal);
        organization.Hosts.Where(h => !IPAddress.TryParse(h.Ip, out var _)).ShouldBeEmpty();
        organization.People.Select(p => p.Id).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        organization.People.Select(p => p.Account.Name).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        organization.People.Select(p => p.Email).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        organization.People.Select(p => p.HomeIp).ShouldBeUnique(StringComparer.Ordinal);
    }

    [Fact]
    public void Allocate_SmallestOrganisation_EveryPeerGroupAndEnoughAdmins()
    {
        var counts = OrganizationBuilder.Allocate(20);

        counts.Sum().ShouldBe(20);
        counts.ShouldAllBe(c => c >= 1);
        counts[PeerGroups.All.ToList().FindIndex(g => g.Name == PeerGroups.ItAdmins)].ShouldBeGreaterThanOrEqualTo(3);
        counts[PeerGroups.All.ToList().FindIndex(g => g.Name == PeerGroups.Radiographers)].ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Build_People_ManagersExistAndClinicalStaffUseTheHospitalDomain()
    {
        var organization = OrganizationBuilder.Build(new SimulationOptions { Users = 200, OutputDirectory = "unused" });
        var ids = organization.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        organization.People.Where(p => p.ManagerId is not null).ShouldAllBe(p => ids.Contains(p.ManagerId!));
        organization.People.Count(p => p.ManagerId is null).ShouldBe(Department.All.Count);
        organization.People.Where(p => p.Department == Department.Clinical).ShouldAllBe(p => p.Account.Domain == Domain.MedNet && p.Account.Name.Contains('.'));
        organization.People.Where(p => p.Privileged).ShouldAllBe(p => p.AdminAccount!.Name == "adm-" + p.Account.Name);
    }
}

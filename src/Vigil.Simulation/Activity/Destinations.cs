using Vigil.Simulation.Organization;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>Where a workstation's programs and traffic go: internal servers and a stable set of external services.</summary>
internal static class Destinations
{
    /// <summary>The external services a person's workstation talks to (stable per person).</summary>
    public static List<Internet.Service> External(Person person, int seed)
    {
        var rng = SimRandom.For(seed, "web", person.Index);
        var list = new List<Internet.Service> { Internet.Mail };
        if (person.Department.Domain == Domain.Corp)
        {
            list.Add(Internet.Teams);
        }

        if (person.Department == Department.Engineering)
        {
            list.Add(Internet.Git);
        }

        if (person.Department == Department.Sales)
        {
            list.Add(Internet.Crm);
        }

        if (person.Cloud is not null)
        {
            list.Add(Internet.CloudConsole);
        }

        list.AddRange(rng.Sample(Internet.Web, rng.Next(3, 6)));
        return list;
    }

    /// <summary>Where a program connects: (address, host name, port), or null when it does not.</summary>
    public static (string Ip, string Host, int Port)? Of(App app, SimulatedOrganization organization, Person person, SimRandom rng)
    {
        switch (app.ConnectsTo)
        {
            case null:
                return null;
            case "web":
                var sites = person.Sites;
                var site = sites[^(1 + rng.Next(Math.Min(5, sites.Count)))];
                return (site.Ip, site.Host, 443);
        }

        foreach (var service in new[] { Internet.Mail, Internet.Teams, Internet.Git, Internet.CloudConsole, Internet.Crm })
        {
            if (service.Host == app.ConnectsTo)
            {
                return (service.Ip, service.Host, app.Port);
            }
        }

        var host = organization.Host(app.ConnectsTo);
        return (host.Ip, host.Fqdn, app.Port);
    }
}

using Vigil.Analytics.Behaviour;
using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Ingest.Enrichment;

namespace Vigil.Analytics.Tests.Support;

/// <summary>
/// A small organisation (Finance analysts, IT admins, a service account; workstations, servers, a DC, a jump host) and
/// helpers to build observations and run one model over them.
/// </summary>
internal sealed class BehaviourFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero); // a Monday

    private readonly TempFolder _folder = new();

    public BehaviourFixture(string? maintenance = null, string? privilegedAccess = null)
    {
        var assets = "name,ip,criticality,tags,type,business_unit\n"
            + "DC01,10.0.0.10,critical,domain-controller,server,IT\n"
            + "JUMP01,10.0.0.5,high,jump-host,server,IT\n"
            + "SRV-DB,10.0.1.20,high,,server,Finance\n"
            + "SRV-APP,10.0.1.21,medium,,server,Finance\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"WS-{i:00},10.0.2.{i},low,,workstation,Finance\n"))
            + string.Concat(Enumerable.Range(1, 6).Select(i => $"FS-{i:00},10.0.3.{i},medium,,server,Finance\n"));
        var identities = "id,peer_group,groups,privileged\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"fin{i:00},finance-analysts,Finance,false\n"))
            + "admin1,it-admins,IT Admins,true\nadmin2,it-admins,IT Admins,true\nsvc-sql,service,Service Accounts,false\n";
        _folder.Write("context/assets.csv", assets);
        _folder.Write("context/identities.csv", identities);
        if (maintenance is not null)
        {
            _folder.Write("context/maintenance.yaml", maintenance);
        }

        if (privilegedAccess is not null)
        {
            _folder.Write("context/privileged-access.yaml", privilegedAccess);
        }

        var loaded = OrganizationContext.Load(ContextPath);
        loaded.Errors.ShouldBeEmpty();
        Organization = loaded.Context;
        var errors = new List<ModelError>();
        Context = BehaviourContextLoader.Load(ContextPath, Organization, errors);
        errors.ShouldBeEmpty();
    }

    public string ContextPath => Path.Combine(_folder.Path, "context");

    public OrganizationContext Organization { get; }

    public BehaviourContext Context { get; }

    public static long At(double days, double hours = 0) => Start.AddDays(days).AddHours(hours).UtcTicks;

    public static BehaviourObservation Logon(long ticks, string user, string host, string? sourceHost = null, string? address = null, byte logonType = 3, bool success = true)
        => new()
        {
            Ticks = ticks,
            Kind = success ? ObservationKind.LogonSuccess : ObservationKind.LogonFailure,
            User = user,
            UserRaw = user,
            UserResolved = true,
            Host = host,
            SourceHost = sourceHost,
            SourceAddress = address,
            Segment = ObservationExtractor.SegmentOf(address),
            LogonType = logonType,
            Latitude = float.NaN,
            Longitude = float.NaN,
            SourceName = "test.log",
            Location = ticks / TimeSpan.TicksPerSecond,
        };

    public static ModelSettings Settings(string kind, string name, params (string Key, string Value)[] parameters)
    {
        var values = new ModelParameters(name + ".yaml");
        foreach (var (key, value) in parameters)
        {
            values.Set(key, value, 1, 1);
        }

        return new ModelSettings { Name = name, Kind = kind, Parameters = values, File = name + ".yaml", Cooldown = TimeSpan.FromHours(24) };
    }

    public BehaviourEngine Engine(params ModelSettings[] settings)
    {
        var errors = new List<ModelError>();
        var models = BehaviourModelFactory.Create(settings, Context, errors);
        errors.ShouldBeEmpty();
        return new BehaviourEngine(models, Context, new ScoringSettings());
    }

    public static void Feed(BehaviourEngine engine, IEnumerable<BehaviourObservation> observations)
    {
        foreach (var o in observations.OrderBy(o => o.Ticks))
        {
            engine.Observe(o);
        }

        engine.Complete();
    }

    public void Dispose() => _folder.Dispose();
}

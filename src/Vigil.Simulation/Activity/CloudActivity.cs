using Vigil.Simulation.Events;
using Vigil.Simulation.Randomness;

namespace Vigil.Simulation.Activity;

/// <summary>Cloud work: an SSO (or IAM user) console logon, then a handful of API calls through the day.</summary>
internal static class CloudActivity
{
    private static readonly (string Service, string Name, bool ReadOnly)[] Calls =
    [
        ("ec2.amazonaws.com", "DescribeInstances", true),
        ("ec2.amazonaws.com", "DescribeSecurityGroups", true),
        ("s3.amazonaws.com", "ListBuckets", true),
        ("s3.amazonaws.com", "GetObject", true),
        ("s3.amazonaws.com", "PutObject", false),
        ("monitoring.amazonaws.com", "GetMetricData", true),
        ("rds.amazonaws.com", "DescribeDBInstances", true),
        ("lambda.amazonaws.com", "ListFunctions20150331", true),
        ("logs.amazonaws.com", "GetLogEvents", true),
        ("ec2.amazonaws.com", "StartInstances", false),
        ("ec2.amazonaws.com", "StopInstances", false),
    ];

    private static readonly string[] Buckets = ["corp-build-artifacts", "corp-app-logs", "corp-data-exports", "corp-terraform-state"];

    /// <summary>Generates the day's cloud activity.</summary>
    public static void Run(PersonDay day)
    {
        var identity = day.Person.Cloud;
        var rng = day.Random;
        if (identity is null || !rng.Chance(0.85))
        {
            return;
        }

        var cloud = day.Telemetry.Cloud;
        var ip = day.PublicAddress;
        var login = day.Work.Between(rng, 10 * SimTime.Minute, 2 * SimTime.Hour);
        if (identity.Type == "AssumedRole")
        {
            cloud.AssumeRoleWithSaml(login - (5 * SimTime.Second), identity, day.Person.Upn, ip);
        }
        else if (rng.Chance(0.04))
        {
            cloud.ConsoleLogin(login - (rng.Next(10, 40) * SimTime.Second), identity, ip, success: false);
        }

        cloud.ConsoleLogin(login, identity, ip, success: true);
        var key = cloud.NewAccessKey();
        var until = Math.Max(login + SimTime.Minute, day.Work.End - (10 * SimTime.Minute));
        for (var i = rng.Next(3, 9); i > 0; i--)
        {
            var (service, name, readOnly) = Calls[rng.Next(identity.Type == "IAMUser" ? Calls.Length : Calls.Length - 2)];
            cloud.Call(rng.NextLong(login + SimTime.Minute, until + SimTime.Minute), identity, key, ip, service, name, readOnly, Parameters(name, rng));
        }
    }

    private static KeyValuePair<string, string>[]? Parameters(string name, SimRandom rng) => name switch
    {
        "GetObject" or "PutObject" =>
        [
            new("bucketName", rng.Pick(Buckets)),
            new("key", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reports/2026/{rng.Next(1, 13):00}/part-{rng.Next(0, 9999):0000}.parquet")),
        ],
        "StartInstances" or "StopInstances" => [new("instanceId", "i-0" + rng.Token(16).ToLowerInvariant())],
        _ => null,
    };
}

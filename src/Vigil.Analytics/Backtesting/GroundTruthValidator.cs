namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Checks the values of a ground truth, read from a file or built in code: ranges, times in order, unique ids, technique
/// ids, addresses, and that every scenario names an entity an alert could share. The first problem is thrown.
/// </summary>
internal static class GroundTruthValidator
{
    /// <summary>Throws a <see cref="GroundTruthException"/> naming the first problem.</summary>
    /// <param name="truth">The ground truth.</param>
    /// <param name="source">The name errors use (the file).</param>
    public static void Validate(GroundTruth truth, string source)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.End < truth.Start)
        {
            throw Error(source, "end", $"{Time(truth.End)} is before start {Time(truth.Start)}");
        }

        if (truth.Days < 1)
        {
            throw Error(source, "days", $"must be at least 1, found {truth.Days}");
        }

        if (truth.Users < 1)
        {
            throw Error(source, "users", $"must be at least 1, found {truth.Users}");
        }

        if (truth.LearningDays < 0 || truth.LearningDays > truth.Days)
        {
            throw Error(source, "learning_days", $"must be between 0 and days ({truth.Days}), found {truth.LearningDays}");
        }

        if (truth.Scenarios is null)
        {
            throw Error(source, "scenarios", "missing (required)");
        }

        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < truth.Scenarios.Count; i++)
        {
            var scenario = truth.Scenarios[i] ?? throw new GroundTruthException(source, i, null, null, "expected an object, found null");
            ValidateScenario(scenario, i, source);
            if (!ids.TryAdd(scenario.Id, i))
            {
                throw new GroundTruthException(source, i, scenario.Id, "id", $"duplicate: scenarios[{ids[scenario.Id]}] has the same id");
            }
        }
    }

    private static void ValidateScenario(GroundTruthScenario scenario, int index, string source)
    {
        if (string.IsNullOrWhiteSpace(scenario.Id))
        {
            throw new GroundTruthException(source, index, null, "id", "must not be empty");
        }

        GroundTruthException Fail(string field, string reason) => new(source, index, scenario.Id, field, reason);

        if (!Enum.IsDefined(scenario.Kind))
        {
            throw Fail("kind", "expected \"attack\" or \"benign\"");
        }

        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            throw Fail("name", "must not be empty");
        }

        if (scenario.Title is null)
        {
            throw Fail("title", "missing (required)");
        }

        if (scenario.End < scenario.Start)
        {
            throw Fail("end", $"{Time(scenario.End)} is before start {Time(scenario.Start)}");
        }

        if (scenario.EventCount < 0)
        {
            throw Fail("event_count", $"must not be negative, found {scenario.EventCount}");
        }

        var techniques = scenario.Techniques ?? throw Fail("techniques", "missing (required)");
        for (var k = 0; k < techniques.Count; k++)
        {
            if (!TechniqueIds.IsValid(techniques[k]))
            {
                throw Fail(
                    $"techniques[{k}]",
                    $"{GroundTruthJsonObject.Quote(techniques[k] ?? "null")} is not an ATT&CK technique id (T1234 or T1234.567)");
            }
        }

        if (scenario.Kind == GroundTruthScenarioKind.Attack && techniques.Count == 0)
        {
            throw Fail("techniques", "an attack scenario needs at least one technique");
        }

        if (scenario.Kind == GroundTruthScenarioKind.Benign && techniques.Count > 0)
        {
            throw Fail("techniques", $"a benign trap has no techniques, found {techniques.Count}");
        }

        var users = Names(scenario.Users, "users", isHost: false, Fail);
        var hosts = Names(scenario.Hosts, "hosts", isHost: true, Fail);
        var addresses = scenario.Addresses ?? throw Fail("addresses", "missing (required)");
        for (var k = 0; k < addresses.Count; k++)
        {
            if (addresses[k] is null || !EntityNormalizer.TryAddress(addresses[k], out _))
            {
                throw Fail($"addresses[{k}]", $"{GroundTruthJsonObject.Quote(addresses[k] ?? "null")} is not an IP address");
            }
        }

        if (users.Count + hosts.Count + addresses.Count == 0)
        {
            throw Fail("users", "users, hosts and addresses are all empty: no alert could match the scenario");
        }
    }

    private static IReadOnlyList<string> Names(
        IReadOnlyList<string>? names, string field, bool isHost, Func<string, string, GroundTruthException> fail)
    {
        if (names is null)
        {
            throw fail(field, "missing (required)");
        }

        for (var k = 0; k < names.Count; k++)
        {
            var name = names[k];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw fail($"{field}[{k}]", "must not be empty");
            }

            var compared = isHost
                ? EntityNormalizer.TryAddress(name, out _) ? name.AsSpan() : EntityNormalizer.Host(name)
                : EntityNormalizer.User(name);
            if (compared.IsEmpty)
            {
                throw fail($"{field}[{k}]", $"{GroundTruthJsonObject.Quote(name)} has no name left once the domain is removed");
            }
        }

        return names;
    }

    private static GroundTruthException Error(string source, string field, string reason) => new(source, null, null, field, reason);

    private static string Time(DateTimeOffset time) => BacktestTime.Format(time);
}

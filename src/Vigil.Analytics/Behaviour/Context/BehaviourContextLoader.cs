using Cronos;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Ingest.Enrichment;
using YamlDotNet.RepresentationModel;

namespace Vigil.Analytics.Behaviour.Context;

/// <summary>
/// Loads the behaviour part of a context folder: <c>maintenance.yaml</c> (maintenance windows) and
/// <c>privileged-access.yaml</c> (approved privileged-access patterns), at any depth (docs/models.md).
/// </summary>
internal static class BehaviourContextLoader
{
    public const string MaintenanceFile = "maintenance.yaml";
    public const string PrivilegedAccessFile = "privileged-access.yaml";

    /// <summary>Loads the windows and patterns of a folder; problems are added to <paramref name="errors"/> and the entry skipped.</summary>
    public static BehaviourContext Load(string? directory, OrganizationContext? organization, List<ModelError> errors)
    {
        var windows = new List<MaintenanceWindow>();
        var approved = new List<ApprovedAccess>();
        if (directory is not null && Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var display = Path.GetRelativePath(directory, path);
                if (name.Equals(MaintenanceFile, StringComparison.OrdinalIgnoreCase))
                {
                    ReadList(path, display, "windows", errors, (entry, file) => ReadWindow(entry, file, errors) is { } w ? Add(windows, w) : false);
                }
                else if (name.Equals(PrivilegedAccessFile, StringComparison.OrdinalIgnoreCase))
                {
                    ReadList(path, display, "approved", errors, (entry, file) => ReadApproved(entry, file, errors) is { } a ? Add(approved, a) : false);
                }
            }
        }

        return new BehaviourContext(organization, windows, approved);
    }

    private static bool Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return true;
    }

    private static void ReadList(string path, string file, string key, List<ModelError> errors, Func<YamlMappingNode, string, bool> read)
    {
        var root = YamlFile.LoadMapping(path, file, errors);
        if (root is null)
        {
            return;
        }

        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode list)
        {
            errors.Add(new(file, YamlFile.Line(root), YamlFile.Column(root), $"the file needs a '{key}:' list; it is skipped"));
            return;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode entry)
            {
                read(entry, file);
            }
            else
            {
                errors.Add(new(file, YamlFile.Line(item), YamlFile.Column(item), $"each '{key}' entry must be a mapping; this one is skipped"));
            }
        }
    }

    private static MaintenanceWindow? ReadWindow(YamlMappingNode entry, string file, List<ModelError> errors)
    {
        var fields = Fields(entry);
        var name = Scalar(fields, "name");
        var line = YamlFile.Line(entry);
        var column = YamlFile.Column(entry);
        var label = name is null ? "a maintenance window" : $"maintenance window '{name}'";
        var cronText = Scalar(fields, "cron");
        if (name is null || cronText is null || Scalar(fields, "duration") is not { } durationText)
        {
            errors.Add(new(file, line, column, $"{label} needs name, cron and duration; it is skipped"));
            return null;
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(cronText);
        }
        catch (CronFormatException ex)
        {
            errors.Add(new(file, YamlFile.Line(fields["cron"]), YamlFile.Column(fields["cron"]), $"{label}: '{cronText}' is not a 5-field cron expression: {ex.Message}; it is skipped"));
            return null;
        }

        if (!YamlFile.TryDuration(durationText, out var duration) || duration > TimeSpan.FromDays(7))
        {
            errors.Add(new(file, YamlFile.Line(fields["duration"]), YamlFile.Column(fields["duration"]), $"{label}: duration '{durationText}' must be like 90m or 4h, at most 7d; it is skipped"));
            return null;
        }

        var assets = AssetScope.Parse(List(fields, "assets"), out var scopeError);
        if (scopeError is not null || assets.IsEmpty)
        {
            errors.Add(new(file, line, column, $"{label}: {scopeError ?? "'assets' must name the hosts it covers (tag:, name:, type:, cidr: or *)"}; it is skipped"));
            return null;
        }

        ReportUnknown(fields, file, label, errors, "name", "cron", "duration", "assets", "users", "description");
        return new MaintenanceWindow { Name = name, Start = cron, Cron = cronText, Duration = duration, Assets = assets, Users = UserScope.Parse(List(fields, "users")) };
    }

    private static ApprovedAccess? ReadApproved(YamlMappingNode entry, string file, List<ModelError> errors)
    {
        var fields = Fields(entry);
        var name = Scalar(fields, "name");
        var label = name is null ? "an approved pattern" : $"approved pattern '{name}'";
        var users = UserScope.Parse(List(fields, "users"));
        if (name is null || users.IsEmpty)
        {
            errors.Add(new(file, YamlFile.Line(entry), YamlFile.Column(entry), $"{label} needs name and users; it is skipped"));
            return null;
        }

        var from = AssetScope.Parse(List(fields, "from"), out var fromError);
        var to = AssetScope.Parse(List(fields, "to"), out var toError);
        if ((fromError ?? toError) is { } scopeError)
        {
            errors.Add(new(file, YamlFile.Line(entry), YamlFile.Column(entry), $"{label}: {scopeError}; it is skipped"));
            return null;
        }

        int fromHour = 0, toHour = 24;
        if (Scalar(fields, "hours") is { } hours)
        {
            var parts = hours.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out fromHour)
                || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out toHour) || fromHour is < 0 or > 23 || toHour is < 0 or > 24)
            {
                errors.Add(new(file, YamlFile.Line(fields["hours"]), YamlFile.Column(fields["hours"]), $"{label}: hours '{hours}' must be a UTC range like 07-19 or 22-06; it is skipped"));
                return null;
            }
        }

        ReportUnknown(fields, file, label, errors, "name", "users", "from", "to", "hours", "description");
        return new ApprovedAccess { Name = name, Users = users, From = from, To = to, FromHour = fromHour, ToHour = toHour };
    }

    private static Dictionary<string, YamlNode> Fields(YamlMappingNode entry)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in entry.Children)
        {
            fields[(key as YamlScalarNode)?.Value ?? string.Empty] = value;
        }

        return fields;
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key)
        => fields.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static IReadOnlyList<string> List(Dictionary<string, YamlNode> fields, string key)
        => fields.TryGetValue(key, out var node) ? YamlFile.Items(node) ?? [] : [];

    private static void ReportUnknown(Dictionary<string, YamlNode> fields, string file, string label, List<ModelError> errors, params string[] known)
    {
        foreach (var (key, node) in fields)
        {
            if (Array.IndexOf(known, key) < 0)
            {
                errors.Add(new(file, YamlFile.Line(node), YamlFile.Column(node), $"{label}: unknown key '{key}' (known: {string.Join(", ", known)}); it is ignored"));
            }
        }
    }
}

using System.Globalization;
using Vigil.Ingest.Normalization;

namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>
/// Takes the facts the models read from an enriched normalized view (see docs/models.md, "What the models read"):
/// logons and failed logons, process starts, network flows with a byte count, account creations and group additions.
/// </summary>
internal static class ObservationExtractor
{
    private const int AuthenticationClass = 3002;
    private const int ProcessActivityClass = 1007;
    private const int NetworkActivityClass = 4001;
    private const int AccountChangeClass = 3001;
    private const int GroupManagementClass = 3006;

    /// <summary>Fills an observation from a view; returns false when the event tells the models nothing.</summary>
    /// <param name="view">The enriched view.</param>
    /// <param name="fallbackTicks">The event time when the view has none (UTC ticks, 0 unknown).</param>
    /// <param name="pool">Pools the strings kept.</param>
    /// <param name="observation">Receives the facts.</param>
    /// <returns>Whether there is an observation.</returns>
    public static bool TryExtract(NormalizedEvent view, long fallbackTicks, StringPool pool, out BehaviourObservation observation)
    {
        observation = default;
        var ticks = view.TimeTicks != 0 ? view.TimeTicks : fallbackTicks;
        if (ticks <= 0)
        {
            return false;
        }

        observation.Ticks = ticks;
        observation.Latitude = float.NaN;
        observation.Longitude = float.NaN;
        switch (view.ClassUid)
        {
            case AuthenticationClass when view.ActivityId == 1 && view.StatusId is 1 or 2:
                observation.Kind = view.StatusId == 1 ? ObservationKind.LogonSuccess : ObservationKind.LogonFailure;
                if (!SetUser(view, "user", pool, ref observation) && !SetUser(view, "actor.user", pool, ref observation))
                {
                    return false;
                }

                observation.Host = pool.Intern(HostOf(view, "dst_endpoint") ?? HostOf(view, "device"));
                SetSource(view, pool, ref observation);
                observation.LogonType = byte.TryParse(view.Get("logon_type_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var type) ? type : (byte)0;
                SetGeo(view, pool, ref observation);
                return true;

            case ProcessActivityClass when view.ActivityId == 1:
                observation.Kind = ObservationKind.ProcessStart;
                observation.Process = pool.Intern(FileName(view.Get("process.file.path") ?? view.Get("process.name")));
                if (observation.Process is null)
                {
                    return false;
                }

                observation.Parent = pool.Intern(FileName(view.Get("process.parent_process.file.path") ?? view.Get("process.parent_process.name")));
                observation.Host = pool.Intern(HostOf(view, "device") ?? HostOf(view, "dst_endpoint"));
                _ = SetUser(view, "actor.user", pool, ref observation) || SetUser(view, "user", pool, ref observation);
                return observation.Host is not null;

            case NetworkActivityClass:
                if (!long.TryParse(view.Get("traffic.bytes_out"), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
                {
                    return false;
                }

                observation.Kind = ObservationKind.NetworkFlow;
                observation.Bytes = bytes;
                SetSource(view, pool, ref observation);
                observation.Host = observation.SourceHost ?? observation.SourceAddress;
                observation.DestinationAddress = pool.Intern(view.Get("dst_endpoint.ip"));
                return observation.Host is not null;

            case AccountChangeClass when view.ActivityId == 1:
                observation.Kind = ObservationKind.AccountCreated;
                observation.Target = pool.Intern(view.Get("user.name"));
                _ = SetUser(view, "actor.user", pool, ref observation);
                observation.Host = pool.Intern(HostOf(view, "device"));
                return observation.Target is not null;

            case GroupManagementClass when view.ActivityId == 3:
                observation.Kind = ObservationKind.GroupMemberAdded;
                observation.Target = pool.Intern(view.Get("group.name"));
                observation.Member = pool.Intern(MemberName(view.Get("user.name") ?? view.Get("user.uid")));
                _ = SetUser(view, "actor.user", pool, ref observation);
                observation.Host = pool.Intern(HostOf(view, "device"));
                return observation.Target is not null;

            default:
                return false;
        }
    }

    /// <summary>A user from an entity: its canonical id when resolved; system and machine accounts are not users.</summary>
    private static bool SetUser(NormalizedEvent view, string entity, StringPool pool, ref BehaviourObservation observation)
    {
        var name = view.Get(entity + ".name") ?? view.Get(entity + ".uid");
        if (string.IsNullOrEmpty(name) || name == "-")
        {
            return false;
        }

        switch (view.Get(entity + ".context.resolution"))
        {
            case "system" or "machine" or "empty":
                return false;
            case "resolved" when view.Get(entity + ".context.id") is { } id:
                observation.User = pool.Intern(id);
                observation.UserResolved = true;
                break;
            default:
                observation.User = pool.Intern(name.ToLowerInvariant());
                break;
        }

        observation.UserRaw = pool.Intern(name);
        return true;
    }

    private static void SetSource(NormalizedEvent view, StringPool pool, ref BehaviourObservation observation)
    {
        var ip = view.Get("src_endpoint.ip");
        if (ip is "-" or "::1" or "127.0.0.1" or "")
        {
            ip = null;
        }

        observation.SourceAddress = pool.Intern(ip);
        var resolution = view.Get("src_endpoint.context.resolution");
        var name = view.Get("src_endpoint.context.name");
        if (resolution == "prefix")
        {
            observation.Segment = pool.Intern(name);
            name = null;
        }

        var hostname = view.Get("src_endpoint.hostname");
        observation.SourceHost = pool.Intern(name ?? (hostname is null or "-" or "" ? null : hostname));
        observation.Segment ??= pool.Intern(SegmentOf(ip));
    }

    private static void SetGeo(NormalizedEvent view, StringPool pool, ref BehaviourObservation observation)
    {
        if (float.TryParse(view.Get("src_endpoint.location.lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && float.TryParse(view.Get("src_endpoint.location.long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
        {
            observation.Latitude = lat;
            observation.Longitude = lon;
            var city = view.Get("src_endpoint.location.city");
            var country = view.Get("src_endpoint.location.country");
            observation.Place = pool.Intern(city is null ? country : country is null ? city : city + ", " + country);
        }
    }

    private static string? HostOf(NormalizedEvent view, string entity)
    {
        if (view.Get(entity + ".context.resolution") is not "prefix" && view.Get(entity + ".context.name") is { } asset)
        {
            return asset;
        }

        var hostname = view.Get(entity + ".hostname");
        return hostname is null or "-" or "" ? null : hostname;
    }

    /// <summary>The /24 of an IPv4 address or the /64 of an IPv6 address, as a segment name; null for anything else.</summary>
    internal static string? SegmentOf(string? ip)
    {
        if (ip is null || !System.Net.IPAddress.TryParse(ip, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length == 4
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24")
            : Convert.ToHexStringLower(bytes, 0, 8) + "::/64";
    }

    /// <summary>The file name of a Windows or POSIX path, lower-cased.</summary>
    internal static string? FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var cut = path.AsSpan().LastIndexOfAny('\\', '/');
        return path[(cut + 1)..].ToLowerInvariant();
    }

    /// <summary>A group member as logged: the CN of an LDAP distinguished name, else the value.</summary>
    private static string? MemberName(string? value)
    {
        if (value is null || !value.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? value[3..] : value[3..comma];
    }
}

using System.Net;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// What an analyst sees as one alert: the alerts of one detector about the same entities within the dedup window of the
/// first. Keeps the earliest time, the highest severity and the union of the techniques; the entities of the first alert.
/// </summary>
internal sealed class DeduplicatedAlert
{
    private IReadOnlyList<IPAddress>? _addresses;

    public DeduplicatedAlert(BacktestAlert first, BacktestSeverity severity)
    {
        Detector = first.Detector;
        Title = first.Title;
        Severity = severity;
        Time = first.Time;
        Techniques = first.Techniques;
        Users = first.Users;
        Hosts = first.Hosts;
        RawAddresses = first.Addresses;
        RawCount = 1;
    }

    public string Detector { get; }

    public string Title { get; }

    public BacktestSeverity Severity { get; private set; }

    public DateTimeOffset Time { get; }

    public IReadOnlyList<string> Techniques { get; private set; }

    public IReadOnlyList<string> Users { get; }

    public IReadOnlyList<string> Hosts { get; }

    public IReadOnlyList<string> RawAddresses { get; }

    /// <summary>Gets how many raw alerts collapsed into this one.</summary>
    public int RawCount { get; private set; }

    /// <summary>
    /// Gets the IP addresses of the alert in the form compared (see <see cref="EntityNormalizer.TryAddress"/>), from its
    /// addresses and from hosts that are written as addresses. Parsed on first use: most alerts are near no scenario.
    /// </summary>
    public IReadOnlyList<IPAddress> Addresses => _addresses ??= ParseAddresses();

    /// <summary>Adds a later alert of the same group.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="severity">Its severity.</param>
    public void Merge(BacktestAlert alert, BacktestSeverity severity)
    {
        RawCount++;
        if (severity > Severity)
        {
            Severity = severity;
        }

        List<string>? union = null;
        foreach (var technique in alert.Techniques)
        {
            if (!Contains(Techniques, technique) && (union is null || !Contains(union, technique)))
            {
                union ??= [.. Techniques];
                union.Add(technique);
            }
        }

        if (union is not null)
        {
            Techniques = union;
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private List<IPAddress> ParseAddresses()
    {
        var result = new List<IPAddress>(RawAddresses.Count);
        foreach (var value in RawAddresses)
        {
            if (EntityNormalizer.TryAddress(value, out var address))
            {
                result.Add(address);
            }
        }

        foreach (var value in Hosts)
        {
            if (EntityNormalizer.TryAddress(value, out var address))
            {
                result.Add(address);
            }
        }

        return result;
    }
}

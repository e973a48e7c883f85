using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>A CloudTrail record.</summary>
internal sealed class CloudTrailEvent : TimedEvent
{
    /// <summary>Gets who made the call.</summary>
    public required CloudIdentity Identity { get; init; }

    /// <summary>Gets the session's access key id (null for console logons).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Gets the service (<c>ec2.amazonaws.com</c>).</summary>
    public required string EventSource { get; init; }

    /// <summary>Gets the API call (<c>DescribeInstances</c>).</summary>
    public required string EventName { get; init; }

    /// <summary>Gets the region.</summary>
    public required string Region { get; init; }

    /// <summary>Gets the caller's address.</summary>
    public required string SourceIp { get; init; }

    /// <summary>Gets the user agent.</summary>
    public required string UserAgent { get; init; }

    /// <summary>Gets the request parameters (null when none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? RequestParameters { get; init; }

    /// <summary>Gets the response elements (null when none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? ResponseElements { get; init; }

    /// <summary>Gets <c>additionalEventData</c> (null when none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? AdditionalData { get; init; }

    /// <summary>Gets the error code of a failed call, else null.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the error message of a failed call, else null.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the event id (a GUID).</summary>
    public required string EventId { get; init; }

    /// <summary>Gets whether the call only reads.</summary>
    public required bool ReadOnly { get; init; }

    /// <summary>Gets the event type (<c>AwsApiCall</c>, <c>AwsConsoleSignIn</c>).</summary>
    public required string EventType { get; init; }
}

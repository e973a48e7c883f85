using Vigil.Simulation.Organization;

namespace Vigil.Simulation.Events;

/// <summary>Writes CloudTrail records: console logons, SAML role sessions and API calls.</summary>
internal sealed class CloudTrailEvents
{
    /// <summary>The region used.</summary>
    public const string Region = "eu-west-2";

    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private readonly EventLog _log;

    /// <summary>Creates the writer.</summary>
    public CloudTrailEvents(EventLog log) => _log = log;

    /// <summary>A console logon.</summary>
    public void ConsoleLogin(long ticks, CloudIdentity identity, string sourceIp, bool success) => _log.Add(new CloudTrailEvent
    {
        Ticks = ticks,
        Identity = identity,
        EventSource = "signin.amazonaws.com",
        EventName = "ConsoleLogin",
        Region = "us-east-1",
        SourceIp = sourceIp,
        UserAgent = Browser,
        ErrorMessage = success ? null : "Failed authentication",
        ResponseElements = [new("ConsoleLogin", success ? "Success" : "Failure")],
        AdditionalData =
        [
            new("LoginTo", "https://console.aws.amazon.com/console/home"), new("MobileVersion", "No"),
            new("MFAUsed", identity.Type == "IAMUser" ? "Yes" : "No"),
        ],
        EventId = _log.Random.PlainGuid(),
        ReadOnly = false,
        EventType = "AwsConsoleSignIn",
    });

    /// <summary>An SSO sign-in: the identity provider's assertion exchanged for a role session.</summary>
    public void AssumeRoleWithSaml(long ticks, CloudIdentity session, string upn, string sourceIp)
    {
        var saml = new CloudIdentity("SAMLUser", upn, "Y29ycC1pZHA=:" + upn, string.Empty, null, null);
        _log.Add(new CloudTrailEvent
        {
            Ticks = ticks,
            Identity = saml,
            EventSource = "sts.amazonaws.com",
            EventName = "AssumeRoleWithSAML",
            Region = Region,
            SourceIp = sourceIp,
            UserAgent = Browser,
            RequestParameters =
            [
                new("roleArn", $"arn:aws:iam::{CloudIdentity.AccountId}:role/{session.Role}"),
                new("principalArn", $"arn:aws:iam::{CloudIdentity.AccountId}:saml-provider/CorpIdP"), new("durationSeconds", "28800"),
            ],
            ResponseElements = [new("assumedRoleUser.arn", session.Arn)],
            EventId = _log.Random.PlainGuid(),
            ReadOnly = true,
            EventType = "AwsApiCall",
        });
    }

    /// <summary>An API call.</summary>
    public void Call(
        long ticks, CloudIdentity identity, string accessKeyId, string sourceIp, string service, string name, bool readOnly,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null, string? errorCode = null) => _log.Add(new CloudTrailEvent
        {
            Ticks = ticks,
            Identity = identity,
            AccessKeyId = accessKeyId,
            EventSource = service,
            EventName = name,
            Region = Region,
            SourceIp = sourceIp,
            UserAgent = "aws-cli/2.17.50 Python/3.12.6 Windows/10 exe/AMD64 command/" + service.Split('.')[0] + "." + name,
            RequestParameters = parameters,
            ErrorCode = errorCode,
            ErrorMessage = errorCode is null ? null : "You are not authorized to perform this operation.",
            EventId = _log.Random.PlainGuid(),
            ReadOnly = readOnly,
            EventType = "AwsApiCall",
        });

    /// <summary>A new temporary access key id.</summary>
    public string NewAccessKey() => "ASIA" + _log.Random.Token(16);
}

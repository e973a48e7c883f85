using System.Globalization;
using System.Text;

namespace Vigil.Ingest.Tests.Formats.CloudTrail;

/// <summary>Builds CloudTrail records and Records files in the shape CloudTrail writes to S3.</summary>
internal static class CloudTrailRecords
{
    public static readonly DateTime Start = new(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>One record, on one line, as CloudTrail writes it (eventVersion first).</summary>
    public static string Record(int i)
    {
        var time = Start.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return """
            {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:alice","arn":"arn:aws:sts::111122223333:assumed-role/Admin/alice","accountId":"111122223333","sessionContext":{"attributes":{"creationDate":"2024-03-05T09:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"TIME","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.IP","userAgent":"aws-cli/2.15.0","requestParameters":{"bucketName":"finance-reports","key":"q-N.csv"},"responseElements":null,"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::finance-reports/q-N.csv"},{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::finance-reports"}],"eventID":"id-N","readOnly":true,"eventType":"AwsApiCall","recipientAccountId":"111122223333"}
            """.Replace("TIME", time, StringComparison.Ordinal)
            .Replace("IP", (i % 250).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("q-N", "q" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("id-N", "id-" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>A one-line Records file with records <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1.</summary>
    public static string OneLineFile(int from, int count)
    {
        var text = new StringBuilder("{\"Records\":[");
        for (var i = from; i < from + count; i++)
        {
            text.Append(i == from ? string.Empty : ",").Append(Record(i));
        }

        return text.Append("]}").ToString();
    }
}

using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Core.Tests;

public sealed class EventTimestampTests
{
    [Theory]
    [InlineData("2021-10-20T13:39:12Z", "2021-10-20T13:39:12.0000000Z")]
    [InlineData("2021-10-20T13:39:12.731903Z", "2021-10-20T13:39:12.7319030Z")]
    [InlineData("2021-10-20T13:39:12.123456789Z", "2021-10-20T13:39:12.1234567Z")]
    [InlineData("2021-10-20T13:39:12", "2021-10-20T13:39:12.0000000Z")]
    [InlineData("2021-10-20 13:39:12.731903", "2021-10-20T13:39:12.7319030Z")]
    [InlineData("2020-10-18 10:56:18.799", "2020-10-18T10:56:18.7990000Z")]
    [InlineData("2021-10-20T15:39:12+02:00", "2021-10-20T13:39:12.0000000Z")]
    [InlineData("2021-10-20T08:39:12.5-0500", "2021-10-20T13:39:12.5000000Z")]
    [InlineData("2021-10-20T13:39:12+00", "2021-10-20T13:39:12.0000000Z")]
    [InlineData("2021-10-20t13:39z", "2021-10-20T13:39:00.0000000Z")]
    [InlineData("2021-10-20", "2021-10-20T00:00:00.0000000Z")]
    [InlineData("  2021-10-20T13:39:12Z ", "2021-10-20T13:39:12.0000000Z")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.0000000Z")]
    [InlineData("1588205198.89971", "2020-04-30T00:06:38.8997100Z")]
    [InlineData("1588205198", "2020-04-30T00:06:38.0000000Z")]
    [InlineData("1588205198899", "2020-04-30T00:06:38.8990000Z")]
    [InlineData("1588205198899710", "2020-04-30T00:06:38.8997100Z")]
    [InlineData("1588205198899710123", "2020-04-30T00:06:38.8997101Z")]
    public void TryParse_SupportedFormat_UtcTicks(string text, string expected)
    {
        EventTimestamp.TryParse(text, out var ticks).ShouldBeTrue();

        new DateTime(ticks, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("4624")]
    [InlineData("42.5")]
    [InlineData("2021-13-20T13:39:12Z")]
    [InlineData("2021-02-30")]
    [InlineData("2021-10-20T24:00:00Z")]
    [InlineData("2021-10-20T13:39:12.Z")]
    [InlineData("2021-10-20T13:39:12+25:00")]
    [InlineData("2021-10-20T13:39:12 UTC")]
    [InlineData("2021/10/20 13:39:12")]
    [InlineData("Oct 20 13:39:12")]
    [InlineData("9999999999999999999")]
    [InlineData("-1588205198")]
    public void TryParse_NotATime_False(string text)
    {
        EventTimestamp.TryParse(text, out var ticks).ShouldBeFalse();

        ticks.ShouldBe(0);
    }

    [Fact]
    public void TryGetFromEvent_SeveralTimeFields_FirstInTheDocumentedOrderWins()
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        record.Add("ts", "1588205198.5", FieldValueKind.Number);
        record.Add("eventtime", "2020-01-01T00:00:00Z");
        record.Add("@timestamp", "not a time");
        record.Add("UTCTIME", "2021-10-20 13:39:12.000");

        EventTimestamp.TryGetFromEvent(record, out var ticks).ShouldBeTrue();

        ticks.ShouldBe(new DateTime(2021, 10, 20, 13, 39, 12, DateTimeKind.Utc).Ticks);
    }

    [Fact]
    public void TryGetFromEvent_OnlyUnparsableOrNoTimeFields_False()
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        record.Add("time", "yesterday");
        record.Add("detail.eventTime", "2020-01-01T00:00:00Z");

        EventTimestamp.TryGetFromEvent(record, out var ticks).ShouldBeFalse();

        ticks.ShouldBe(0);
    }

    [Fact]
    public void TimeFields_DocumentedOrder_EachFoundByTryGetFromEvent()
    {
        foreach (var field in EventTimestamp.TimeFields)
        {
            var record = new EventRecord();
            record.Reset(EventSchema.Empty);
            record.Add("other", "2000-01-01");
            record.Add(field, "2021-10-20T13:39:12Z");

            EventTimestamp.TryGetFromEvent(record, out var ticks).ShouldBeTrue(field);
            ticks.ShouldBe(new DateTime(2021, 10, 20, 13, 39, 12, DateTimeKind.Utc).Ticks, field);
        }
    }

    [Fact]
    public void TryParseAndTryGetFromEvent_HotPath_DoNotAllocate()
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        record.Add("Image", "C:\\x.exe");
        record.Add("TimeCreated", "2021-10-20 13:39:12.731903");
        bool Many()
        {
            var ok = true;
            for (var i = 0; i < 1_000; i++)
            {
                ok &= EventTimestamp.TryGetFromEvent(record, out _);
                ok &= EventTimestamp.TryParse("2021-10-20T13:39:12.5+02:00", out _);
                ok &= EventTimestamp.TryParse("1588205198.89971", out _);
            }

            return ok;
        }

        // Warm up past tiered compilation: a method promoted mid-loop can allocate on the thread (a flaky failure).
        var found = Many() && Many() && Many();

        var before = GC.GetAllocatedBytesForCurrentThread();
        found &= Many();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        found.ShouldBeTrue();
        allocated.ShouldBe(0);
    }
}

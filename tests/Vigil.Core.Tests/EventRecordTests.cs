using Vigil.Core.Events;

namespace Vigil.Core.Tests;

public sealed class EventRecordTests
{
    [Fact]
    public void Add_RepeatedField_ChainsEntriesInOrder()
    {
        var schema = new EventSchema(["a", "b"]);
        var record = new EventRecord();
        record.Reset(schema);
        record.Add("A", "1");
        record.Add("x", "2");
        record.Add("a", "3");

        var first = record.First(schema.Resolve("a"));
        record.ValueAt(first).ToString().ShouldBe("1");
        record.ValueAt(record.Next(first)).ToString().ShouldBe("3");
        record.Next(record.Next(first)).ShouldBe(-1);
        record.First(schema.Resolve("b")).ShouldBe(-1);
        record.Find("X").ShouldBe(1);
    }

    [Fact]
    public void Reset_ForgetsFieldsOfThePreviousEvent()
    {
        var schema = new EventSchema(["a"]);
        var record = new EventRecord();
        record.Reset(schema);
        record.Add("a", "1");
        var snapshot = record.Snapshot();
        record.Reset(schema);

        record.First(0).ShouldBe(-1);
        record.FieldCount.ShouldBe(0);
        snapshot.GetString("a").ShouldBe("1");
    }
}

using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Sources;

public sealed class EventSourcesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ExpandPaths_Directory_RegularFilesRecursivelySortedWithoutHiddenOnes()
    {
        _dir.Write("b.json", "{}");
        _dir.Write("a/z.jsonl", "{}");
        _dir.Write("a/c.jsonl", "{}");
        _dir.Write(".hidden.json", "{}");
        _dir.Write(".git/config.json", "{}");
        _dir.Write("a/.cache/x.json", "{}");
        var errors = new CollectingErrors();

        var files = EventSources.ExpandPaths([_dir.Path], errors);

        errors.Errors.ShouldBeEmpty();
        files.ShouldBe([Path.Join(_dir.Path, "a", "c.jsonl"), Path.Join(_dir.Path, "a", "z.jsonl"), Path.Join(_dir.Path, "b.json")]);
    }

    [Fact]
    public void ExpandPaths_MissingPath_ReportedAndSkipped()
    {
        var file = _dir.Write("x.json", "{}");
        var missing = Path.Join(_dir.Path, "nope.json");
        var errors = new CollectingErrors();

        var files = EventSources.ExpandPaths([missing, file], errors);

        files.ShouldBe([file]);
        var error = errors.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(missing);
        error.Location.ShouldBe(0);
    }

    [Fact]
    public void ExpandPaths_FileGivenTwice_ListedOnce()
    {
        var file = _dir.Write("x.json", "{}");

        EventSources.ExpandPaths([file, _dir.Path, file], new CollectingErrors()).ShouldBe([file]);
    }

    [Fact]
    public void ExpandPaths_HiddenFileGivenExplicitly_Kept()
    {
        var file = _dir.Write(".explicit.json", "{}");

        EventSources.ExpandPaths([file], new CollectingErrors()).ShouldBe([file]);
    }

    [Fact]
    public void Open_MissingFile_ErrorReportedWhenRead()
    {
        var missing = Path.Join(_dir.Path, "gone.json");
        var source = EventSources.Open(missing);

        var result = SourceRunner.ReadFile(missing);

        source.Name.ShouldBe(missing);
        result.Events.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(missing);
        error.Message.ShouldContain("cannot open");
    }

    [Fact]
    public void Open_UnrecognisedContent_OneErrorAndNoEvents()
    {
        var path = _dir.Write("notes.txt", "just some notes\nnothing that is a log\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("unrecognised content");
    }

    [Fact]
    public void Open_EmptyFile_NothingReadNoError()
    {
        var path = _dir.Write("empty.json", string.Empty);

        var result = SourceRunner.ReadFile(path);

        result.Events.ShouldBeEmpty();
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Open_ForcedFormat_UsedEvenWhenDetectionWouldDiffer()
    {
        var path = _dir.Write("pretty.json", "{\n\"a\":1\n}\n");

        var result = SourceRunner.ReadFile(path, EventFileFormat.Ndjson);

        result.Events.ShouldBeEmpty();
        result.Errors.Count.ShouldBe(3);
    }

    [Fact]
    public void Open_UndefinedFormat_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => EventSources.Open("x.json", (EventFileFormat)99));
        Should.Throw<ArgumentException>(() => EventSources.Open(string.Empty));
    }
}

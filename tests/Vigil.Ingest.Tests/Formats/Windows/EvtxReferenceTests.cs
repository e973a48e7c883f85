using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Ingest.Formats.Windows;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Windows;

/// <summary>
/// Every sample EVTX file against two independent readers: libevtx's <c>evtxexport -f xml</c> (run as a process, its XML read
/// back with our Windows XML reader) and python-evtx (<c>evtx-to-mitre.flat.jsonl</c>).
/// </summary>
public sealed class EvtxReferenceTests : IDisposable
{
    private const string Evtxexport = "/usr/bin/evtxexport";

    private static readonly Lazy<Dictionary<string, Dictionary<string, JsonElement>>> PythonEvtx = new(LoadPythonEvtx);

    private readonly TempDirectory _dir = new();

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        var root = SharedData.Path("evtx");
        foreach (var file in Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void ReadFile_Sample_SameRecordsAndFieldsAsEvtxexport(string file)
    {
        var path = SharedData.Path("evtx", file);
        var ours = SourceRunner.ReadFile(path, EventFileFormat.Evtx);
        ours.Errors.ShouldBeEmpty();

        var (exitCode, xml, stderr) = RunEvtxexport(path);
        if (exitCode != 0 || stderr.Contains("unable to", StringComparison.Ordinal))
        {
            // libevtx 20181227 cannot read the two "hard" samples (elements without the 2-byte dependency id, see
            // docs/formats-windows.md): there is no reference output, so check the count the chunk header claims and
            // that each record has its System fields.
            file.ShouldStartWith("EVTX-to-MITRE-Attack/", Case.Sensitive);
            (file.Contains("Defender threat detected", StringComparison.Ordinal) || file.Contains("Firewall disabled", StringComparison.Ordinal))
                .ShouldBeTrue($"evtxexport failed on a file other than the two known hard ones: {stderr}");
            ours.Events.Count.ShouldBe(ChunkHeaderRecordCount(path));
            ours.Events.Count.ShouldBe(6);
            foreach (var e in ours.Events)
            {
                foreach (var name in (string[])["Provider_Name", "EventID", "TimeCreated", "EventRecordID", "Channel", "Computer"])
                {
                    e.Value(name).ShouldNotBeNullOrWhiteSpace(name);
                }

                e.FieldCount.ShouldBeGreaterThan(15);
            }

            return;
        }

        var theirs = SourceRunner.ReadFile(_dir.Write("out.xml", xml), EventFileFormat.WindowsXml);
        theirs.Errors.ShouldBeEmpty();
        ours.Events.Count.ShouldBe(theirs.Events.Count);
        ours.Events.Count.ShouldBeGreaterThan(0);
        for (var i = 0; i < ours.Events.Count; i++)
        {
            var id = ours.Events[i].Value("EventRecordID");
            theirs.Events[i].Value("EventRecordID").ShouldBe(id);

            // Exact: same names, same order, same values (CR LF kept on both sides), same kinds.
            ours.Events[i].Fields().ShouldBe(theirs.Events[i].Fields(), $"record {id}");
            ours.Events[i].TimestampTicks.ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void ReadFile_Sample_SameValuesAsPythonEvtx(string file)
    {
        var ours = SourceRunner.ReadFile(SharedData.Path("evtx", file), EventFileFormat.Evtx);
        var checkedRecords = 0;
        foreach (var e in ours.Events)
        {
            if (!PythonEvtx.Value.TryGetValue(e.Value("EventRecordID"), out var expected))
            {
                continue;
            }

            checkedRecords++;

            // python-evtx renders a string array as one value (see below), so its DataN numbering differs from Windows'.
            var pythonArrays = expected.Values.Any(v => v.ValueKind == JsonValueKind.String && v.GetString()!.StartsWith("<string>", StringComparison.Ordinal));
            foreach (var (name, value) in expected)
            {
                if (pythonArrays && name.StartsWith("Data", StringComparison.Ordinal) && name[4..].All(char.IsAsciiDigit))
                {
                    continue;
                }


                var values = e.Values(name);
                if (value.ValueKind == JsonValueKind.Null)
                {
                    // python-evtx keeps elements whose optional substitution has no value (as null); Windows and libevtx
                    // leave them out. Either way there is no text.
                    values.ShouldAllBe(v => v.Length == 0, $"record {e.Value("EventRecordID")} field {name}: {string.Join("|", values)}");
                    continue;
                }

                values.ShouldNotBeEmpty($"record {e.Value("EventRecordID")} field {name}");
                var text = value.GetString()!;
                if (text.StartsWith("<string>", StringComparison.Ordinal))
                {
                    // python-evtx renders string arrays as <string>item</string> lines and splits items at any 0x00
                    // byte (cutting characters such as U+2500): not comparable; libevtx agrees with us (other test).
                    continue;
                }

                // The last entry wins in python-evtx's flat dictionary (UserData may repeat a System name, e.g. Channel).
                // python-evtx went through XML text: its values had XML end-of-line normalisation (CR LF to LF).
                var ours1 = values[^1].Replace("\r\n", "\n", StringComparison.Ordinal);
                if (ours1.Length == 30 && ours1[^1] == 'Z' && WindowsEventFieldWriter.ParseSystemTime(ours1) != 0)
                {
                    // python-evtx prints datetime.isoformat(' ') (microseconds, no zone) computed through a float, so it
                    // is off by up to 3 microseconds (TimeCreated and FILETIME values); Windows prints nine digits and Z.
                    Math.Abs(WindowsEventFieldWriter.ParseSystemTime(ours1) - PythonTicks(text)).ShouldBeLessThanOrEqualTo(30, $"{ours1} vs {text}");
                    continue;
                }

                if (Guid.TryParseExact(text, "B", out _) || text is "True" or "False")
                {
                    // python-evtx prints GUID values in lower case and booleans as True/False; Windows (and libevtx) GUIDs in upper case, booleans as true/false.
                    string.Equals(ours1, text, StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"record {e.Value("EventRecordID")} field {name}: {ours1} vs {text}");
                    continue;
                }

                ours1.ShouldBe(text, $"record {e.Value("EventRecordID")} field {name}");
            }
        }

        if (!file.Contains("Defender threat detected", StringComparison.Ordinal) && !file.Contains("Firewall disabled", StringComparison.Ordinal))
        {
            checkedRecords.ShouldBe(ours.Events.Count, "every record of the file is in the python-evtx export");
        }
    }

    [Fact]
    public void ReadFile_AllSamples_PythonEvtxRecordsAllFound()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SharedData.Path("evtx"), "*.evtx", SearchOption.AllDirectories))
        {
            foreach (var e in SourceRunner.ReadFile(file, EventFileFormat.Evtx).Events)
            {
                ids.Add(e.Value("EventRecordID"));
            }
        }

        PythonEvtx.Value.Count.ShouldBe(444);
        PythonEvtx.Value.Keys.Where(k => !ids.Contains(k)).ShouldBeEmpty();
    }

    internal static int ChunkHeaderRecordCount(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var count = 0;
        for (var at = 0x1000; at + 0x200 <= bytes.Length; at += 0x10000)
        {
            var chunk = bytes.AsSpan(at);
            count += (int)(BinaryPrimitives.ReadInt64LittleEndian(chunk[32..]) - BinaryPrimitives.ReadInt64LittleEndian(chunk[24..]) + 1);
        }

        return count;
    }

    private static long PythonTicks(string python)
        => DateTime.ParseExact(
            python,
            ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;

    private static (int ExitCode, string Stdout, string Stderr) RunEvtxexport(string path)
    {
        File.Exists(Evtxexport).ShouldBeTrue(
            $"{Evtxexport} is required by this test (Debian package libevtx-utils; scripts/test.sh installs it): apt-get install libevtx-utils");
        var start = new ProcessStartInfo(Evtxexport)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("xml");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    private static Dictionary<string, Dictionary<string, JsonElement>> LoadPythonEvtx()
    {
        var records = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SharedData.Path("windows-json", "evtx-to-mitre.flat.jsonl")))
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            records.Add(fields["EventRecordID"].GetString()!, fields);
        }

        return records;
    }
}

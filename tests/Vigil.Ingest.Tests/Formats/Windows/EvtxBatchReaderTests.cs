using System.Buffers.Binary;
using System.Text;
using Vigil.Ingest.Formats.Windows;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Windows;

public sealed class EvtxBatchReaderTests : IDisposable
{
    private static readonly DateTime Time = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadFile_EveryValueType_RenderedAsWindowsDoes()
    {
        (string Name, byte Type, byte[] Data, string Expected)[] cases =
        [
            ("Str", 0x01, Encoding.Unicode.GetBytes("hello\0"), "hello"),
            ("Ansi", 0x02, "abc\0"u8.ToArray(), "abc"),
            ("I8", 0x03, [0xff], "-1"),
            ("U8", 0x04, [0xff], "255"),
            ("I16", 0x05, [0xfe, 0xff], "-2"),
            ("U16", 0x06, [0xfe, 0xff], "65534"),
            ("I32", 0x07, [0xfd, 0xff, 0xff, 0xff], "-3"),
            ("U32", 0x08, [0xfd, 0xff, 0xff, 0xff], "4294967293"),
            ("I64", 0x09, Le(-4L), "-4"),
            ("U64", 0x0a, Le(ulong.MaxValue), "18446744073709551615"),
            ("R32", 0x0b, BitConverter.GetBytes(1.5f), "1.5"),
            ("R64", 0x0c, BitConverter.GetBytes(-2.25), "-2.25"),
            ("Bool", 0x0d, [1, 0, 0, 0], "true"),
            ("Bin", 0x0e, [0x01, 0xab], "01AB"),
            ("Guid", 0x0f, new Guid("54849625-5478-4994-a5ba-3e3b0328c30d").ToByteArray(), "{54849625-5478-4994-A5BA-3E3B0328C30D}"),
            ("Size", 0x10, Le(0x1234L), "0x0000000000001234"),
            ("FileTime", 0x11, Le(Time.AddTicks(1234567).ToFileTimeUtc()), "2024-05-06T07:08:09.123456700Z"),
            ("SysTime", 0x12, [0xe8, 0x07, 5, 0, 1, 0, 6, 0, 7, 0, 8, 0, 9, 0, 0x7b, 0], "2024-05-06T07:08:09.123000000Z"),
            ("Sid", 0x13, [1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0], "S-1-5-32-544"),
            ("Hex32", 0x14, [0x0a, 0, 0, 0], "0x0000000a"),
            ("Hex64", 0x15, Le(0x1fL), "0x000000000000001f"),
        ];
        var file = new EvtxTestFile().BeginChunk().BeginRecord(7, Time).Fragment();
        file.Template(
            body =>
            {
                body.Fragment().Open("Event").CloseStart().Open("EventData").CloseStart();
                for (var i = 0; i < cases.Length; i++)
                {
                    body.Open("Data", attributes: true).Attribute("Name").Text(cases[i].Name).CloseStart().Substitution(i, cases[i].Type).End();
                }

                body.End().End().Eof();
            },
            [.. cases.Select(c => (c.Type, c.Data))]);
        file.Eof().EndRecord().EndChunk();

        var result = Read(file.ToArray());

        result.Errors.ShouldBeEmpty();
        var record = result.Events.ShouldHaveSingleItem();
        record.Location.ShouldBe(7);
        record.TimestampTicks.ShouldBe(Time.Ticks);
        foreach (var (name, _, _, expected) in cases)
        {
            record.Value(name).ShouldBe(expected, name);
        }
    }

    [Fact]
    public void ReadFile_Arrays_OneEntryPerItemAndUnnamedDataNumbered()
    {
        var file = new EvtxTestFile().BeginChunk().BeginRecord(1, Time).Fragment();
        file.Template(
            body => body.Fragment().Open("Event").CloseStart().Open("EventData").CloseStart()
                .Open("Data").CloseStart().Substitution(0, 0x81).End()
                .Open("Data", attributes: true).Attribute("Name").Text("Ports").CloseStart().Substitution(1, 0x86).End()
                .Open("Data", attributes: true).Attribute("Name").Text("Gone").CloseStart().Substitution(2, 0x01, optional: true).End()
                .End().End().Eof(),
            (0x81, Encoding.Unicode.GetBytes("a\0\0c\0")),
            (0x86, [80, 0, 187, 1]),
            (0x00, []));
        file.Eof().EndRecord().EndChunk();

        var record = Read(file.ToArray()).Events.ShouldHaveSingleItem();

        record.Values("Data").ShouldBe(["a", "", "c"]);
        record.Value("Data1").ShouldBe(string.Empty);
        record.Value("Data2").ShouldBe("c");
        record.Values("Ports").ShouldBe(["80", "443"]);
        record.Names().Contains("Gone", StringComparer.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void ReadFile_TextTokens_CharAndEntityRefsCdataAndNestedBinXml()
    {
        var file = new EvtxTestFile().BeginChunk().BeginRecord(1, Time).Fragment();
        var def = file.TemplateHeader();
        file.Fragment().Open("Event").CloseStart()
            .Open("System").CloseStart().Open("Provider", attributes: true).Attribute("Name").Text("P").CloseEmpty().End()
            .Open("UserData").CloseStart().Substitution(0, 0x21).End()
            .End().Eof();
        file.Patch(def + 20, (uint)(file.Position - def - 24));
        file.U32(1);
        var sizeAt = file.Position;
        file.U16(0).Bytes([0x21, 0]);
        var start = file.Position;
        file.Fragment().Open("Wrapper").CloseStart()
            .Open("Field").CloseStart().Text("a").EntityRef("amp").CharRef('b').CData("<c>").End()
            .End().Eof();
        var size = file.Position - start;
        file.Patch(sizeAt, (uint)size | (0x21u << 16));
        file.Eof().EndRecord().EndChunk();

        var result = Read(file.ToArray());

        result.Errors.ShouldBeEmpty();
        var record = result.Events.ShouldHaveSingleItem();
        record.Value("Provider_Name").ShouldBe("P");
        record.Value("Field").ShouldBe("a&b<c>");
    }

    [Fact]
    public void ReadFile_ElementWithoutDependencyId_Read()
    {
        var file = new EvtxTestFile().BeginChunk().BeginRecord(1, Time).Fragment()
            .Open("Event", dependencyId: false).CloseStart().Open("System", dependencyId: false).CloseStart()
            .Open("EventID", dependencyId: false).CloseStart().Text("4624").End().End().End().Eof().EndRecord().EndChunk();

        Read(file.ToArray()).Events.ShouldHaveSingleItem().Value("EventID").ShouldBe("4624");
    }

    [Fact]
    public void ReadFile_CorruptRecordInTheMiddle_ReportedWithRecordIdAndOthersRead()
    {
        var bytes = ThreeRecordChunk();
        var second = RecordOffsets(bytes.AsSpan(0x1000))[1] + 0x1000;
        bytes[second + 28] = 0x77; // the template instance token becomes an unknown token

        var result = Read(bytes);

        result.Events.Select(e => e.Location).ShouldBe([1L, 3L]);
        result.Errors.ShouldContain(e => e.Location == 2 && e.Message.Contains("record 2", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_RecordWithBrokenSize_SkippedToTheNextRecord()
    {
        var bytes = ThreeRecordChunk();
        var first = RecordOffsets(bytes.AsSpan(0x1000))[0] + 0x1000;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(first + 4), 0xfff0);

        var result = Read(bytes);

        result.Events.Select(e => e.Location).ShouldBe([2L, 3L]);
        result.Errors.ShouldContain(e => e.Message.Contains("bad record size", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_CorruptChunkHeader_ReportedAndRecordsStillRead()
    {
        var bytes = ThreeChunkFile();
        bytes[0x1000 + 0x10000 + 3] ^= 0xff; // second chunk's magic

        var result = Read(bytes);

        result.Events.Count.ShouldBe(9);
        result.Errors.ShouldContain(e => e.Message.Contains("chunk 1", StringComparison.Ordinal) && e.Message.Contains("magic", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_ChecksumMismatch_ReportedAndRecordsStillRead()
    {
        var bytes = ThreeChunkFile();
        bytes[0x1000 + 100] ^= 0xff; // unused header byte of chunk 0
        bytes[60] ^= 0xff; // unused file header byte

        var result = Read(bytes);

        result.Events.Count.ShouldBe(9);
        result.Errors.ShouldContain(e => e.Message.Contains("chunk 0", StringComparison.Ordinal) && e.Message.Contains("checksum", StringComparison.Ordinal));
        result.Errors.ShouldContain(e => e.Message.Contains("file header checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_DirtyHeaderClaimingOneChunk_EveryChunkInTheFileRead()
    {
        var file = ThreeChunks();

        var result = Read(file.ToArray(claimedChunks: 1, flags: 1));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(9);
    }

    [Fact]
    public void ReadFile_Truncated_CompleteRecordsReadAndCutReported()
    {
        var bytes = ThreeChunkFile();
        var cut = 0x1000 + (2 * 0x10000) + RecordOffsets(bytes.AsSpan(0x1000 + (2 * 0x10000)))[2] + 20;

        var result = Read(bytes[..cut]);

        result.Events.Count.ShouldBe(8);
        result.Errors.ShouldContain(e => e.Message.Contains("chunk 2", StringComparison.Ordinal) && e.Message.Contains("cut off", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_ZeroFilledChunksAtTheEnd_Ignored()
    {
        var bytes = EvtxTestFile.Concat(ThreeChunkFile(), [new byte[0x10000]]);

        var result = Read(bytes);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ReadFile_TemplateInstantiatingItself_ReportedWithoutHanging(int selfReferences)
    {
        var file = new EvtxTestFile().BeginChunk().BeginRecord(1, Time).Fragment();
        var def = file.TemplateHeader();
        file.Fragment().Open("Event").CloseStart();
        for (var i = 0; i < selfReferences; i++)
        {
            file.TemplateHeader(def);
            file.Values();
        }

        file.End().Eof();
        file.Patch(def + 20, (uint)(file.Position - def - 24));
        file.Values().Eof().EndRecord().EndChunk();

        var result = Read(file.ToArray());

        result.Events.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("record 1");
    }

    [Fact]
    public void ReadFile_DeepNesting_ReportedNotOverflowingTheStack()
    {
        var file = new EvtxTestFile().BeginChunk().BeginRecord(1, Time).Fragment();
        for (var i = 0; i < 2000; i++)
        {
            file.Open("E").CloseStart();
        }

        file.Eof().EndRecord().EndChunk();

        var result = Read(file.ToArray());

        result.Events.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("too deep");
    }

    [Fact]
    public void ReadFile_ManyChunks_BatchesOfChunksWithFileBytes()
    {
        var bytes = ThreeChunkFile();
        var path = _dir.WriteBytes("many.evtx", EvtxTestFile.Concat(bytes, [bytes[0x1000..], bytes[0x1000..]]));

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(27);
        result.BatchBytes.Count.ShouldBe(3);
        result.BatchBytes.Sum().ShouldBe(new FileInfo(path).Length);
    }

    [Fact]
    public void ReadFile_Gzip_SameAsPlain()
    {
        var bytes = ThreeChunkFile();
        var path = _dir.WriteBytes("g.evtx.gz", TempDirectory.Gzip(bytes));

        SourceRunner.ReadFile(path).Events.Count.ShouldBe(9);
    }

    internal static byte[] ThreeRecordChunk() => ThreeRecordFile();

    private static byte[] ThreeRecordFile()
    {
        var file = new EvtxTestFile().BeginChunk();
        AddRecords(file, 1, 3);
        return file.EndChunk().ToArray();
    }

    private static EvtxTestFile ThreeChunks()
    {
        var file = new EvtxTestFile();
        for (var c = 0; c < 3; c++)
        {
            file.BeginChunk();
            AddRecords(file, (c * 3) + 1, 3);
            file.EndChunk();
        }

        return file;
    }

    private static byte[] ThreeChunkFile() => ThreeChunks().ToArray();

    private static void AddRecords(EvtxTestFile file, int first, int count)
    {
        for (var id = first; id < first + count; id++)
        {
            file.BeginRecord(id, Time).Fragment();
            file.Template(
                body => body.Fragment().Open("Event").CloseStart().Open("System").CloseStart()
                    .Open("EventID").CloseStart().Substitution(0, 0x06).End()
                    .Open("EventRecordID").CloseStart().Substitution(1, 0x0a).End()
                    .End().End().Eof(),
                (0x06, [0x50, 0x12]),
                (0x0a, Le((long)id)));
            file.Eof().EndRecord();
        }
    }

    /// <summary>Chunk offsets of the records in the chunk at the start of <paramref name="chunk"/>.</summary>
    internal static List<int> RecordOffsets(ReadOnlySpan<byte> chunk)
    {
        var offsets = new List<int>();
        for (var p = EvtxChunkParser.ChunkHeaderSize; p + 24 <= chunk.Length && chunk[p..].StartsWith("**\0\0"u8);)
        {
            offsets.Add(p);
            p += (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[(p + 4)..]);
        }

        return offsets;
    }

    private static byte[] Le(long v) => BitConverter.GetBytes(v);

    private static byte[] Le(ulong v) => BitConverter.GetBytes(v);

    private ReadResult Read(byte[] bytes) => SourceRunner.ReadFile(_dir.WriteBytes(Guid.NewGuid().ToString("N") + ".evtx", bytes), EventFileFormat.Evtx);
}

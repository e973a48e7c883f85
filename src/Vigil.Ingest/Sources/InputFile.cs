namespace Vigil.Ingest.Sources;

/// <summary>
/// An opened event file: gzip is detected by its magic bytes (1f 8b) and decompressed transparently; the first bytes of
/// the content can be peeked at for format detection. Reading never throws for input errors: the first I/O or
/// decompression error ends the content and is kept in <see cref="Failure"/> for the caller to report.
/// </summary>
internal sealed class InputFile : IDisposable
{
    private readonly Stream _file;
    private readonly GzipReadStream? _gzip;
    private readonly Stream _content;
    private byte[] _head;
    private int _headPos;
    private int _headLength;
    private long _plainRead;
    private bool _reading;

    private InputFile(Stream file, GzipReadStream? gzip, byte[] head, int headLength)
    {
        _file = file;
        _gzip = gzip;
        _content = (Stream?)gzip ?? file;
        _head = head;
        _headLength = headLength;
        _plainRead = gzip is null ? headLength : 0;
    }

    /// <summary>Gets whether the file is gzip-compressed.</summary>
    public bool IsGzip => _gzip is not null;

    /// <summary>Gets the number of file bytes read so far (compressed bytes for gzip), for progress.</summary>
    public long FileBytesRead => _gzip?.CompressedBytesRead ?? _plainRead;

    /// <summary>Gets why reading stopped early, or null while the content reads cleanly.</summary>
    public string? Failure { get; private set; }

    /// <summary>Opens a file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The opened file.</returns>
    /// <exception cref="IOException">The file cannot be opened or its first bytes cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
    public static InputFile Open(string path)
        => FromStream(new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan,
            BufferSize = 0,
        }));

    /// <summary>Wraps an open stream (a file, or bytes received over the network); the input owns and disposes it.</summary>
    /// <param name="file">The stream, read from its current position.</param>
    /// <returns>The opened input.</returns>
    /// <exception cref="IOException">The first bytes cannot be read.</exception>
    public static InputFile FromStream(Stream file)
    {
        var opened = false;
        try
        {
            var magic = new byte[2];
            var n = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            var input = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
                ? new InputFile(file, new GzipReadStream(file, magic), [], 0)
                : new InputFile(file, null, magic, n);
            opened = true;
            return input;
        }
        finally
        {
            if (!opened)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>Returns up to <paramref name="count"/> bytes from the start of the content without consuming them.</summary>
    /// <param name="count">How many bytes to look at.</param>
    /// <returns>The bytes (fewer at the end of the content or after a failure).</returns>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (_reading)
        {
            throw new InvalidOperationException("Peek is only allowed before reading.");
        }

        if (_head.Length < count)
        {
            Array.Resize(ref _head, count);
        }

        while (_headLength < count)
        {
            var n = ReadContent(_head.AsSpan(_headLength, count - _headLength));
            if (n == 0)
            {
                break;
            }

            _headLength += n;
        }

        return _head.AsSpan(0, Math.Min(count, _headLength));
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the content allows.</summary>
    /// <param name="buffer">The destination.</param>
    /// <returns>The number of bytes read; less than the buffer only at the end of the content (or after a failure).</returns>
    public int Read(Span<byte> buffer)
    {
        _reading = true;
        var total = 0;
        if (_headPos < _headLength)
        {
            var fromHead = Math.Min(buffer.Length, _headLength - _headPos);
            _head.AsSpan(_headPos, fromHead).CopyTo(buffer);
            _headPos += fromHead;
            total = fromHead;
            if (_headPos == _headLength)
            {
                _head = [];
                _headPos = _headLength = 0;
            }
        }

        while (total < buffer.Length)
        {
            var n = ReadContent(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _content.Dispose();
        _file.Dispose();
    }

    private int ReadContent(Span<byte> buffer)
    {
        if (Failure is not null)
        {
            return 0;
        }

        try
        {
            var n = _content.Read(buffer);
            if (_gzip is null)
            {
                _plainRead += n;
            }

            return n;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Failure = ex.Message;
            return 0;
        }
    }
}

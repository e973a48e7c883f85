using System.IO.Compression;

namespace Vigil.Ingest.Sources;

/// <summary>
/// Decompresses gzip (RFC 1952), including several members one after another, and — unlike <see cref="GZipStream"/>,
/// which ends quietly — throws <see cref="InvalidDataException"/> when the data is truncated: the deflate stream ends early,
/// or a member's trailer is missing or names another size. The member framing is parsed here and each member's deflate
/// data goes through <see cref="DeflateStream"/>; the CRC-32 is not checked (the size and the end-of-stream marker are).
/// Read-only, forward-only.
/// </summary>
internal sealed class GzipReadStream : Stream
{
    private const int TrailerSize = 8;

    private readonly Stream _inner;
    private readonly byte[] _buffer = new byte[SourceLimits.ReadChunk];
    private int _pos;
    private int _end;
    private int _feedStart;
    private bool _innerEof;
    private bool _feedEof;
    private long _compressedRead;
    private DeflateStream? _deflate;
    private uint _memberLength;
    private int _members;
    private bool _done;

    /// <summary>Creates the stream.</summary>
    /// <param name="inner">The compressed input.</param>
    /// <param name="alreadyRead">Bytes of <paramref name="inner"/> that the caller already read (its first bytes).</param>
    public GzipReadStream(Stream inner, ReadOnlySpan<byte> alreadyRead)
    {
        _inner = inner;
        alreadyRead.CopyTo(_buffer);
        _end = alreadyRead.Length;
        _compressedRead = alreadyRead.Length;
    }

    /// <summary>Gets the number of compressed bytes read from the inner stream so far.</summary>
    public long CompressedBytesRead => _compressedRead;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        while (!_done && !buffer.IsEmpty)
        {
            if (_deflate is null)
            {
                if (!StartMember())
                {
                    _done = true;
                    break;
                }
            }

            var n = _deflate!.Read(buffer);
            if (n > 0)
            {
                _memberLength = unchecked(_memberLength + (uint)n);
                return n;
            }

            EndMember();
        }

        return 0;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Parses a member header; false at the clean end of the input (after at least one member, or zero padding).</summary>
    private bool StartMember()
    {
        if (_members > 0 && SkipZeroPadding())
        {
            return false;
        }

        if (!Ensure(10))
        {
            throw new InvalidDataException(_members == 0 && _end - _pos < 2
                ? "gzip data is empty or truncated in its header"
                : "gzip header is truncated");
        }

        if (_buffer[_pos] != 0x1f || _buffer[_pos + 1] != 0x8b)
        {
            throw new InvalidDataException("unexpected data after a gzip member (not a gzip header)");
        }

        if (_buffer[_pos + 2] != 8)
        {
            throw new InvalidDataException("gzip member uses an unsupported compression method");
        }

        var flags = _buffer[_pos + 3];
        if ((flags & 0xe0) != 0)
        {
            throw new InvalidDataException("gzip header has reserved flags set");
        }

        _pos += 10;
        if ((flags & 0x04) != 0)
        {
            RequireBytes(2);
            var extraLength = _buffer[_pos] | (_buffer[_pos + 1] << 8);
            _pos += 2;
            SkipBytes(extraLength);
        }

        if ((flags & 0x08) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & 0x10) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & 0x02) != 0)
        {
            SkipBytes(2);
        }

        _feedEof = false;
        _feedStart = _pos;
        _memberLength = 0;
        _members++;
        _deflate = new DeflateStream(new FeedStream(this), CompressionMode.Decompress, leaveOpen: false);
        return true;
    }

    /// <summary>Checks the end of a member: the deflate data must have ended by itself and be followed by a trailer with the right size.</summary>
    private void EndMember()
    {
        _deflate!.Dispose();
        _deflate = null;
        if (_feedEof)
        {
            throw new InvalidDataException("gzip data is truncated (the compressed stream ends early)");
        }

        // The inflater stopped somewhere in the last chunk it was handed; the trailer follows right there. It holds the
        // CRC-32 and the decompressed size modulo 2^32, followed by the end of the input or the next member.
        while (_end < _pos + TrailerSize + 2 && Refill())
        {
            // Refill keeps everything from the start of the last chunk, so the indices below stay valid.
        }

        for (var t = _feedStart; t <= _pos; t++)
        {
            if (t + TrailerSize > _end)
            {
                break;
            }

            var size = (uint)(_buffer[t + 4] | (_buffer[t + 5] << 8) | (_buffer[t + 6] << 16) | (_buffer[t + 7] << 24));
            if (size == _memberLength && IsMemberEnd(t + TrailerSize))
            {
                _pos = t + TrailerSize;
                _feedStart = _pos;
                return;
            }
        }

        throw new InvalidDataException("gzip data is truncated or corrupt (the member trailer is missing or does not match the data)");
    }

    private bool IsMemberEnd(int at)
    {
        if (at >= _end)
        {
            return _innerEof;
        }

        return _buffer[at] == 0 || (_buffer[at] == 0x1f && at + 1 < _end && _buffer[at + 1] == 0x8b);
    }

    /// <summary>Skips zero bytes that some writers pad files with; true when only zeros were left.</summary>
    private bool SkipZeroPadding()
    {
        while (true)
        {
            while (_pos < _end && _buffer[_pos] == 0)
            {
                _pos++;
            }

            if (_pos < _end)
            {
                return false;
            }

            if (!Refill())
            {
                return true;
            }
        }
    }

    private void RequireBytes(int count)
    {
        if (!Ensure(count))
        {
            throw new InvalidDataException("gzip header is truncated");
        }
    }

    private void SkipBytes(int count)
    {
        while (count > 0)
        {
            if (_pos == _end && !Refill())
            {
                throw new InvalidDataException("gzip header is truncated");
            }

            var step = Math.Min(count, _end - _pos);
            _pos += step;
            count -= step;
        }
    }

    private void SkipZeroTerminated()
    {
        while (true)
        {
            var zero = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)0);
            if (zero >= 0)
            {
                _pos += zero + 1;
                return;
            }

            _pos = _end;
            if (!Refill())
            {
                throw new InvalidDataException("gzip header is truncated");
            }
        }
    }

    /// <summary>Makes <paramref name="count"/> bytes from the read position available.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Refill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads more input, first dropping bytes before both the read position and the last chunk handed to the inflater.</summary>
    private bool Refill()
    {
        if (_innerEof)
        {
            return false;
        }

        var keep = Math.Min(_feedStart, _pos);
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _end -= keep;
            _pos -= keep;
            _feedStart -= keep;
        }

        var n = _inner.Read(_buffer, _end, _buffer.Length - _end);
        if (n <= 0)
        {
            _innerEof = true;
            return false;
        }

        _end += n;
        _compressedRead += n;
        return true;
    }

    /// <summary>Hands the buffered compressed bytes to the inflater, remembering where the last chunk started.</summary>
    private sealed class FeedStream(GzipReadStream owner) : Stream
    {
        private const int MaxChunk = 16 << 10;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (owner._pos == owner._end)
            {
                owner._feedStart = owner._pos;
                if (!owner.Refill())
                {
                    owner._feedEof = true;
                    return 0;
                }
            }

            // Chunks stay well below the buffer size so that the trailer search in EndMember always has room.
            var n = Math.Min(Math.Min(buffer.Length, owner._end - owner._pos), MaxChunk);
            owner._buffer.AsSpan(owner._pos, n).CopyTo(buffer);
            owner._feedStart = owner._pos;
            owner._pos += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

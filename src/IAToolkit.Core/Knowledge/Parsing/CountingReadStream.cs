using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// A read-only stream over another that throws once more than a budget of bytes has come through it: how a part of a
/// ZIP package is decompressed without trusting the size its header declares.
/// </summary>
internal sealed class CountingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<Exception> _overLimit;

    public CountingReadStream(Stream inner, long limit, Func<Exception> overLimit)
    {
        _inner = inner;
        _limit = limit;
        _overLimit = overLimit;
    }

    /// <summary>The bytes read so far.</summary>
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Count;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Count += read;
        return Count > _limit ? throw _overLimit() : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

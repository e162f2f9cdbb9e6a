using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>Every document-reading slot is taken; the web layer answers 503 with a <c>Retry-After</c> header.</summary>
internal sealed class ParsingBusyException : IAToolkitException
{
    /// <summary>Creates the exception.</summary>
    public ParsingBusyException(TimeSpan retryAfter)
        : base(ErrorCodes.ParsingBusy, $"The server is reading other documents; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the client should wait.</summary>
    public TimeSpan RetryAfter { get; }
}

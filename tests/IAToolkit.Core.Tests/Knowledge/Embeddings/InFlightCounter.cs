using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.AI;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>Wraps a generator: holds each call a little, counts the calls in flight and remembers the most at once.</summary>
internal sealed class InFlightCounter(IEmbeddingGenerator<string, Embedding<float>> inner, TimeSpan hold) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private int _current;
    private int _most;
    private int _calls;

    public int MostAtOnce => Volatile.Read(ref _most);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Runs after each call returns, e.g. to cancel the caller's token.</summary>
    public Action<int>? AfterCall { get; init; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _current);
        var seen = Volatile.Read(ref _most);
        while (now > seen && Interlocked.CompareExchange(ref _most, now, seen) != seen)
        {
            seen = Volatile.Read(ref _most);
        }

        try
        {
            await Task.Delay(hold, cancellationToken);
            var result = await base.GenerateAsync(values, options, cancellationToken);
            AfterCall?.Invoke(Interlocked.Increment(ref _calls));
            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }
}

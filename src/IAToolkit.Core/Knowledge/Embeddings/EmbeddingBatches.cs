using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// Embeds many texts in batches, several batches at a time, and puts the vectors back in input order. The gate bounds
/// the batches in flight across every caller that shares it (all the loads of one company, or the whole process for
/// the local model); cancellation is honored before each batch starts.
/// </summary>
internal static class EmbeddingBatches
{
    public static async Task<float[][]> RunAsync(
        IReadOnlyList<string> texts,
        int batchSize,
        SemaphoreSlim gate,
        int gateSize,
        Func<string[], CancellationToken, Task<float[][]>> embedBatch,
        CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var starts = Enumerable.Range(0, (texts.Count + batchSize - 1) / batchSize).Select(batch => batch * batchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = gateSize, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(starts, parallel, async (start, token) =>
        {
            var batch = new string[Math.Min(batchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i];
            }

            await gate.WaitAsync(token);
            float[][] embedded;
            try
            {
                token.ThrowIfCancellationRequested();
                embedded = await embedBatch(batch, token);
            }
            finally
            {
                gate.Release();
            }

            Array.Copy(embedded, 0, vectors, start, batch.Length);
        });
        return vectors;
    }
}

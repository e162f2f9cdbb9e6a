using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge;

/// <summary>Reads a document's bytes, stopping as soon as they pass a limit (an upload's declared length can lie).</summary>
internal static class BoundedRead
{
    /// <summary>
    /// All of <paramref name="stream"/>; over <paramref name="limit"/> bytes, a <see cref="ErrorCodes.DocumentTooLarge"/>
    /// error whose message <paramref name="tooLarge"/> writes from the limit.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream stream, long limit, Func<long, string> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new IAToolkitException(ErrorCodes.DocumentTooLarge, tooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

using System.ClientModel;
using System.Globalization;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// Turns what an embeddings call threw into an <see cref="IAToolkitException"/> with code <c>embedding_failed</c> that
/// names the company, provider, model and HTTP status. The provider's own message is left out: an error about a key
/// may quote part of it.
/// </summary>
internal static class EmbeddingFailures
{
    public static IAToolkitException Translate(Exception exception, string company, string provider, string model, TimeSpan timeout)
    {
        var who = $"The embedding provider of '{company}' ({provider}, model {model})";
        var message = exception switch
        {
            OperationCanceledException or TimeoutException
                => $"{who} did not answer within {timeout.TotalSeconds:0} s, through every retry.",
            ClientResultException { Status: 401 or 403 } refused
                => $"{who} refused the API key (HTTP {refused.Status}). Check the variable named by embedding_provider.api_key_name.",
            ClientResultException { Status: 404 }
                => $"{who} does not know the model or deployment '{model}' (HTTP 404).",
            ClientResultException { Status: 429 }
                => $"{who} kept rate-limiting requests (HTTP 429) through every retry. Try again later or lower {EmbeddingOptions.SectionName}:{nameof(EmbeddingOptions.MaxConcurrency)}.",
            ClientResultException { Status: 0 }
                => $"{who} cannot be reached (no response): {exception.InnerException?.Message ?? exception.Message}",
            ClientResultException result
                => $"{who} failed with HTTP {result.Status.ToString(CultureInfo.InvariantCulture)}{(result.Status >= 500 ? " through every retry" : string.Empty)}.",
            HttpRequestException
                => $"{who} cannot be reached: {exception.Message}",
            _ => $"{who} failed: {exception.GetType().Name}.",
        };
        return new IAToolkitException(ErrorCodes.EmbeddingFailed, message, exception);
    }

    /// <summary>A failure of the answer itself: wrong count or size of vectors, or one that cannot be normalized.</summary>
    public static IAToolkitException Malformed(string company, string provider, string model, string problem)
        => new(ErrorCodes.EmbeddingFailed, $"The embedding provider of '{company}' ({provider}, model {model}) {problem}.");
}

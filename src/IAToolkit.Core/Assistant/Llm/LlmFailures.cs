using System.ClientModel;
using IAToolkit.Companies;

namespace IAToolkit.Assistant.Llm;

/// <summary>Turns what a provider call threw into an <see cref="IAToolkitException"/> the caller can act on.</summary>
internal static class LlmFailures
{
    public static IAToolkitException Translate(Exception exception, Company company, string model, TimeSpan limit) => exception switch
    {
        IAToolkitException known => known,
        OperationCanceledException or TimeoutException => new IAToolkitException(
            ErrorCodes.LlmTimeout,
            $"The model {model} did not answer within {limit.TotalSeconds:0} s (retries included). Try again, or ask a narrower question.",
            exception),
        ClientResultException { Status: 429 } => new IAToolkitException(
            ErrorCodes.LlmRateLimited,
            $"The LLM provider of '{company.ShortName}' is rate-limiting requests (429) and kept doing so through every retry. Try again in a minute.",
            exception),
        ClientResultException { Status: 401 or 403 } => new IAToolkitException(
            ErrorCodes.LlmUnavailable,
            $"The LLM provider of '{company.ShortName}' refused the API key ({((ClientResultException)exception).Status}). Check the variable named by llm.api-key.",
            exception),
        ClientResultException { Status: 404 } => new IAToolkitException(
            ErrorCodes.LlmUnavailable,
            $"The LLM provider of '{company.ShortName}' does not know the model '{model}' (404).",
            exception),
        ClientResultException result => new IAToolkitException(
            ErrorCodes.LlmUnavailable,
            $"The LLM provider of '{company.ShortName}' failed (HTTP {(result.Status == 0 ? "no response" : result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}) and kept failing through every retry.",
            exception),
        HttpRequestException => new IAToolkitException(
            ErrorCodes.LlmUnavailable,
            $"The LLM provider of '{company.ShortName}' cannot be reached: {exception.Message}",
            exception),
        _ => new IAToolkitException(ErrorCodes.LlmUnavailable, $"The call to the model {model} failed: {exception.Message}", exception),
    };
}

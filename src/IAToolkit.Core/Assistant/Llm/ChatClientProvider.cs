using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Azure.AI.OpenAI;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenAI;

namespace IAToolkit.Assistant.Llm;

/// <summary>
/// The chat client of a company's model: OpenAI, Azure OpenAI or any OpenAI-compatible server, as company.yaml's
/// <c>llm</c> says (a request may name another model). Clients are reused; the SDK pipeline retries 429, 5xx and
/// timeouts with backoff (honoring Retry-After) and gives each attempt its own time limit.
/// </summary>
internal sealed class ChatClientProvider
{
    /// <summary>Honored when company.yaml gives no <c>llm.base_url</c>, as OpenAI's own SDKs do.</summary>
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    // OpenAI-compatible servers such as Ollama ignore the key, but the SDK needs a non-empty one.
    private const string UnusedKey = "unused";

    private readonly CompanySecrets _secrets;
    private readonly IConfiguration _configuration;
    private readonly IOptions<AssistantOptions> _options;
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public ChatClientProvider(CompanySecrets secrets, IConfiguration configuration, IOptions<AssistantOptions> options)
    {
        _secrets = secrets;
        _configuration = configuration;
        _options = options;
    }

    /// <summary>The client for the company's model, or <paramref name="model"/> when the request names one.</summary>
    /// <exception cref="IAToolkitException">
    /// Code <c>llm_not_configured</c>, naming the variable to set; <c>invalid_request</c> when the model is not one of the company's.
    /// </exception>
    public ModelClient GetClient(Company company, string? model)
    {
        var llm = company.Configuration.Llm;
        var modelName = ModelChoice.Resolve(company, model);
        var endpoint = llm.BaseUrl ?? (Uri.TryCreate(_configuration[BaseUrlVariable], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        var key = llm.ApiKey is null ? null : _secrets.Find(llm.ApiKey);
        if (string.IsNullOrEmpty(key))
        {
            if (llm.Provider == LlmProvider.OpenAI && endpoint is null)
            {
                throw NotConfigured(company, llm);
            }

            key = UnusedKey;
        }

        var cacheKey = $"{company.ShortName}|{llm.Provider}|{modelName}|{endpoint}|{key.GetHashCode(StringComparison.Ordinal)}";
        var client = _clients.GetOrAdd(cacheKey, _ => Create(llm.Provider, modelName, endpoint, key));
        return new ModelClient(client, modelName, llm.Provider);
    }

    private IChatClient Create(LlmProvider provider, string model, Uri? endpoint, string key)
    {
        var options = _options.Value;
        var credential = new ApiKeyCredential(key);
        var retry = new ClientRetryPolicy(options.MaxRetries);
        if (provider == LlmProvider.Azure)
        {
            var azureOptions = new AzureOpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.AttemptTimeout };
            return new AzureOpenAIClient(endpoint!, credential, azureOptions).GetChatClient(model).AsIChatClient();
        }

        var openAIOptions = new OpenAIClientOptions { RetryPolicy = retry, NetworkTimeout = options.AttemptTimeout };
        if (endpoint is not null)
        {
            openAIOptions.Endpoint = endpoint;
        }

        return new OpenAIClient(credential, openAIOptions).GetChatClient(model).AsIChatClient();
    }

    private static IAToolkitException NotConfigured(Company company, LlmSettings llm)
    {
        var variable = llm.ApiKey?.Name ?? "OPENAI_API_KEY";
        var where = llm.ApiKey is null ? string.Empty : $" ({llm.ApiKey.File}: {llm.ApiKey.KeyPath})";
        return new IAToolkitException(
            ErrorCodes.LlmNotConfigured,
            $"The assistant of '{company.ShortName}' has no LLM key: set {variable}{where}, or set {BaseUrlVariable} to an OpenAI-compatible server such as a local Ollama (http://localhost:11434/v1).");
    }
}

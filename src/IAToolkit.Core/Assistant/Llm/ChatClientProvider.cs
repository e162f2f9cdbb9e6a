using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Azure.AI.OpenAI;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAI;

namespace IAToolkit.Assistant.Llm;

/// <summary>
/// The chat client of a company's model: OpenAI, Azure OpenAI or any OpenAI-compatible server, as company.yaml's
/// <c>llm</c> says (a request may name another model). Each is a Microsoft.Extensions.AI pipeline built once per
/// company and model and reused by every question: function invocation (the tool loop), then OpenTelemetry (one
/// <c>chat {model}</c> span per model call), then logging, then the provider's client, whose SDK pipeline retries 429,
/// 5xx and timeouts with backoff (honoring Retry-After) and gives each attempt its own time limit. What belongs to one
/// question (its tools, its model id) travels in <see cref="ChatOptions"/>, never in the cached pipeline. Only this
/// provider disposes the pipelines, when the host stops.
/// </summary>
internal sealed class ChatClientProvider : IDisposable
{
    /// <summary>Honored when company.yaml gives no <c>llm.base_url</c>, as OpenAI's own SDKs do.</summary>
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    // OpenAI-compatible servers such as Ollama ignore the key, but the SDK needs a non-empty one.
    private const string UnusedKey = "unused";

    private readonly CompanySecrets _secrets;
    private readonly IConfiguration _configuration;
    private readonly IOptions<AssistantOptions> _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IServiceProvider _services;

    // Lazy: two questions racing for a new pipeline must not build two and leak the loser.
    private readonly ConcurrentDictionary<string, Lazy<ModelClient>> _clients = new(StringComparer.Ordinal);
    private int _disposed;

    public ChatClientProvider(CompanySecrets secrets, IConfiguration configuration, IOptions<AssistantOptions> options, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _secrets = secrets;
        _configuration = configuration;
        _options = options;
        _loggerFactory = loggerFactory;
        _services = services;
    }

    /// <summary>The client for the company's model, or <paramref name="model"/> when the request names one.</summary>
    /// <exception cref="IAToolkitException">
    /// Code <c>llm_not_configured</c>, naming the variable to set; <c>invalid_request</c> when the model is not one of the company's.
    /// </exception>
    public ModelClient GetClient(Company company, string? model)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
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
        return _clients.GetOrAdd(cacheKey, _ => new Lazy<ModelClient>(() => Build(llm.Provider, modelName, endpoint, key))).Value;
    }

    /// <summary>Disposes every pipeline built; the container calls it when the host stops.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var entry in _clients.Values.Where(e => e.IsValueCreated))
        {
            entry.Value.Client.Dispose();
        }

        _clients.Clear();
    }

    private ModelClient Build(LlmProvider provider, string model, Uri? endpoint, string key)
    {
        var options = _options.Value;

        // Function invocation sits outside OpenTelemetry: it takes its ActivitySource from the client beneath it, so each
        // tool gets an execute_tool span and each model call of the loop its own chat span. Prompts, answers and tool
        // arguments stay out of spans (EnableSensitiveData off); the logging client writes them only at Trace.
        var pipeline = Create(provider, model, endpoint, key)
            .AsBuilder()
            .UseFunctionInvocation(_loggerFactory, c => c.MaximumIterationsPerRequest = options.MaxToolIterations)
            // No logger for the telemetry layer: it would log every failed or canceled call as a warning with its stack
            // trace (a client that went away included); failures are logged once, by the logging layer and the query.
            .UseOpenTelemetry(NullLoggerFactory.Instance, IAToolkitTelemetry.Name, c => c.EnableSensitiveData = false)
            .UseLogging(_loggerFactory)
            .Build(_services);
        var providerName = pipeline.GetService<ChatClientMetadata>()?.ProviderName ?? provider.ToString().ToLowerInvariant();
        return new ModelClient(pipeline, model, provider, providerName);
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

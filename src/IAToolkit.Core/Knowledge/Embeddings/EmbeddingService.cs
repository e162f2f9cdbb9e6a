using System.Collections.Concurrent;
using System.Diagnostics;
using IAToolkit.Assistant.Llm;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Embeddings;

/// <summary>
/// Embeds document chunks and queries with the model company.yaml's <c>embedding_provider</c> names: the in-process
/// MiniLM when the section is absent or says <c>local</c> or <c>huggingface</c>; otherwise OpenAI, Azure OpenAI or an
/// OpenAI-compatible server (<c>base_url</c>, else <c>OPENAI_BASE_URL</c>). Every vector has length 1. Clients are
/// built once per company, model, endpoint and key, as the assistant's chat clients are.
/// </summary>
internal sealed class EmbeddingService : IDisposable
{
    // OpenAI-compatible servers such as Ollama ignore the key, but the SDK needs a non-empty one.
    private const string UnusedKey = "unused";

    private readonly CompanySecrets _secrets;
    private readonly IConfiguration _configuration;
    private readonly IOptions<EmbeddingOptions> _options;
    private readonly MiniLmModel _local;
    private readonly ILogger<EmbeddingService> _logger;
    private readonly ConcurrentDictionary<string, Lazy<RemoteEmbedder>> _remote = new(StringComparer.Ordinal);

    public EmbeddingService(CompanySecrets secrets, IConfiguration configuration, IOptions<EmbeddingOptions> options, MiniLmModel local, ILogger<EmbeddingService> logger)
    {
        _secrets = secrets;
        _configuration = configuration;
        _options = options;
        _local = local;
        _logger = logger;
    }

    /// <summary>The company's model and vector size; no provider call when the size is known (MiniLM, OpenAI's models).</summary>
    /// <exception cref="IAToolkitException">Code <c>embedding_not_configured</c> or, for a model of unknown size, <c>embedding_failed</c>.</exception>
    public EmbeddingModel Describe(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return EmbedderFor(company).Describe();
    }

    /// <summary>One unit-length vector per text, in the order of <paramref name="texts"/>.</summary>
    /// <exception cref="IAToolkitException">
    /// Code <c>invalid_request</c> for an empty text, <c>embedding_not_configured</c> naming the variable to set, or
    /// <c>embedding_failed</c> naming the provider and the HTTP status.
    /// </exception>
    public async Task<float[][]> EmbedAsync(Company company, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrEmpty(texts[i]))
            {
                throw new IAToolkitException(ErrorCodes.InvalidRequest, $"Text {i} of {texts.Count} to embed is empty.");
            }
        }

        if (texts.Count == 0)
        {
            return [];
        }

        var embedder = EmbedderFor(company);
        var watch = Stopwatch.StartNew();
        var vectors = await embedder.EmbedAsync(texts, cancellationToken);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var model = embedder.Describe();
            EmbeddingLog.Embedded(_logger, texts.Count, company.ShortName, model.Provider, model.Name, watch.ElapsedMilliseconds);
        }

        return vectors;
    }

    /// <summary>The vector of one query, from the same model as the company's documents.</summary>
    /// <exception cref="IAToolkitException">As <see cref="EmbedAsync"/>.</exception>
    public async Task<float[]> EmbedQueryAsync(Company company, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vectors = await EmbedAsync(company, [text], cancellationToken);
        return vectors[0];
    }

    public void Dispose()
    {
        foreach (var embedder in _remote.Values.Where(e => e.IsValueCreated))
        {
            embedder.Value.Dispose();
        }
    }

    private IEmbedder EmbedderFor(Company company)
    {
        var settings = company.Configuration.Embedding;
        if (settings is null || settings.Provider is EmbeddingProvider.Local or EmbeddingProvider.HuggingFace)
        {
            return IsMiniLm(settings?.Model) ? _local : throw UnsupportedLocalModel(company, settings!);
        }

        var endpoint = settings.BaseUrl ?? (Uri.TryCreate(_configuration[ChatClientProvider.BaseUrlVariable], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        var key = settings.ApiKey is null ? null : _secrets.Find(settings.ApiKey);
        if (string.IsNullOrEmpty(key))
        {
            if (settings.Provider == EmbeddingProvider.Azure || endpoint is null)
            {
                throw NotConfigured(company, settings);
            }

            key = UnusedKey;
        }

        var cacheKey = $"{company.ShortName}|{settings.Provider}|{settings.Model}|{endpoint}|{key.GetHashCode(StringComparison.Ordinal)}";
        // Lazy, so that two first calls at once build one client and the loser's semaphore is never left undisposed.
        return _remote.GetOrAdd(cacheKey, _ => new Lazy<RemoteEmbedder>(() => RemoteEmbedder.Create(company.ShortName, settings, endpoint, key, _options.Value, _logger))).Value;
    }

    private static bool IsMiniLm(string? model)
    {
        var name = model?.Trim() ?? string.Empty;
        const string organization = "sentence-transformers/";
        if (name.StartsWith(organization, StringComparison.OrdinalIgnoreCase))
        {
            name = name[organization.Length..];
        }

        return name.Length == 0 || name.Equals(MiniLmModel.Name, StringComparison.OrdinalIgnoreCase);
    }

    private static IAToolkitException UnsupportedLocalModel(Company company, EmbeddingSettings settings) => new(
        ErrorCodes.EmbeddingNotConfigured,
        $"The embedding model '{settings.Model}' of '{company.ShortName}' cannot run: only {MiniLmModel.Name} runs in process; use provider openai or azure for others (embedding_provider.model).");

    private static IAToolkitException NotConfigured(Company company, EmbeddingSettings settings)
    {
        var variable = settings.ApiKey?.Name ?? "OPENAI_API_KEY";
        var where = settings.ApiKey is null ? " (embedding_provider.api_key_name)" : $" ({settings.ApiKey.File}: {settings.ApiKey.KeyPath})";
        var alternative = settings.Provider == EmbeddingProvider.Azure
            ? string.Empty
            : $", or point embedding_provider.base_url (or {ChatClientProvider.BaseUrlVariable}) at an OpenAI-compatible server";
        return new IAToolkitException(
            ErrorCodes.EmbeddingNotConfigured,
            $"The embedding model of '{company.ShortName}' has no key: set {variable}{where}{alternative}.");
    }
}

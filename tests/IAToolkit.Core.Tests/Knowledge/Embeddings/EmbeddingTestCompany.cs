using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Knowledge.Embeddings;

/// <summary>Companies loaded from a real company.yaml, and the embedding service over a given set of variables.</summary>
internal static class EmbeddingTestCompany
{
    public const string KeyVariable = "ACME_EMBEDDING_KEY";
    public const string Key = "sk-acme-embedding-secret";

    /// <summary>The company <c>acme</c> with <paramref name="embeddingSection"/> (a whole <c>embedding_provider:</c> block) or none.</summary>
    public static Company Create(string? embeddingSection = null)
    {
        using var root = new TempContentRoot();
        var yaml = TempContentRoot.MinimalYaml("acme") + "\n" + (embeddingSection ?? string.Empty);
        var folder = root.WriteCompany("acme", yaml);
        var result = new CompanyConfigurationLoader(new ConfigurationBuilder().Build()).Load("acme", folder, "companies/acme");
        Assert.That(result.Errors, Is.Empty, "the test company.yaml loads");
        var implementation = new AcmeCompany();
        return new Company(1, "acme", folder, result.Configuration!, implementation);
    }

    /// <summary><c>embedding_provider</c> for OpenAI (or a compatible server when <paramref name="baseUrl"/> is given).</summary>
    public static string OpenAI(string model, Uri? baseUrl = null) => $"""
        embedding_provider:
          provider: openai
          model: {model}
          api_key_name: {KeyVariable}
        {(baseUrl is null ? string.Empty : $"  base_url: {baseUrl}")}
        """;

    /// <summary><c>embedding_provider</c> for an Azure OpenAI deployment.</summary>
    public static string Azure(string deployment, Uri endpoint) => $"""
        embedding_provider:
          provider: azure
          model: {deployment}
          api_key_name: {KeyVariable}
          base_url: {endpoint}
        """;

    /// <summary><c>embedding_provider</c> for the in-process model.</summary>
    public static string Local(string provider = "local", string model = "all-MiniLM-L6-v2") => $"""
        embedding_provider:
          provider: {provider}
          model: {model}
        """;

    /// <summary>The service over these variables (the key is set unless <paramref name="withKey"/> is false).</summary>
    public static EmbeddingService Service(EmbeddingOptions? options = null, bool withKey = true, string? openAIBaseUrl = null)
    {
        var variables = new Dictionary<string, string?>();
        if (withKey)
        {
            variables[KeyVariable] = Key;
        }

        if (openAIBaseUrl is not null)
        {
            variables["OPENAI_BASE_URL"] = openAIBaseUrl;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();
        var wrapped = Options.Create(options ?? new EmbeddingOptions());
        return new EmbeddingService(
            new CompanySecrets(configuration),
            configuration,
            wrapped,
            new MiniLmModel(wrapped, NullLogger<MiniLmModel>.Instance),
            NullLogger<EmbeddingService>.Instance);
    }

    private sealed class AcmeCompany : CompanyBase;
}

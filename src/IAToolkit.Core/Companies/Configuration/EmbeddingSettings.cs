using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>The <c>embedding_provider</c> section.</summary>
internal sealed record EmbeddingSettings
{
    /// <summary><c>embedding_provider.provider</c>.</summary>
    public EmbeddingProvider Provider { get; init; }

    /// <summary><c>embedding_provider.model</c>, e.g. <c>text-embedding-3-small</c> or <c>all-MiniLM-L6-v2</c>.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary><c>embedding_provider.api_key_name</c>; <see langword="null"/> when not given (allowed for local and huggingface).</summary>
    public VariableReference? ApiKey { get; init; }

    /// <summary><c>embedding_provider.base_url</c>: the endpoint of an Azure resource; required for <see cref="EmbeddingProvider.Azure"/>.</summary>
    public Uri? BaseUrl { get; init; }
}

using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>embedding_provider.provider</c>: where document and query embeddings come from.</summary>
internal enum EmbeddingProvider
{
    /// <summary><c>openai</c>: the OpenAI embeddings API.</summary>
    OpenAI,

    /// <summary><c>azure</c>: an Azure OpenAI embeddings deployment.</summary>
    Azure,

    /// <summary><c>huggingface</c>: a Hugging Face model; a token is optional.</summary>
    HuggingFace,

    /// <summary><c>local</c>: an in-process model that needs no key and no network.</summary>
    Local,
}

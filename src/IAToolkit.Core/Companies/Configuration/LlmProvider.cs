using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>llm.provider</c>: which API the chat model is reached through.</summary>
internal enum LlmProvider
{
    /// <summary><c>openai</c> (the default): api.openai.com.</summary>
    OpenAI,

    /// <summary><c>azure</c>: an Azure OpenAI resource at <c>llm.base_url</c>.</summary>
    Azure,

    /// <summary><c>openai_compatible</c>: any OpenAI-compatible server (Ollama, vLLM, …) at <c>llm.base_url</c>; the key is optional.</summary>
    OpenAICompatible,
}

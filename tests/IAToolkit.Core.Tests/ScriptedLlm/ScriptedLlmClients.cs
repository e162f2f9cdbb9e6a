using System.ClientModel;
using System.ClientModel.Primitives;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace IAToolkit.Core.Tests.ScriptedLlm;

/// <summary>The real clients the assistant uses, pointed at a scripted server.</summary>
internal static class ScriptedLlmClients
{
    public const string Key = "sk-scripted-test";

    /// <summary>OpenAI's ChatClient through Microsoft.Extensions.AI; <paramref name="retries"/> false turns off the SDK's own retries.</summary>
    public static IChatClient Chat(ScriptedLlmServer server, bool retries = true, string model = "gpt-4o-mini")
        => new ChatClient(model, new ApiKeyCredential(Key), Options(server, retries)).AsIChatClient();

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(ScriptedLlmServer server, string model = "text-embedding-3-small")
        => new EmbeddingClient(model, new ApiKeyCredential(Key), Options(server, retries: true)).AsIEmbeddingGenerator();

    private static OpenAIClientOptions Options(ScriptedLlmServer server, bool retries)
    {
        var options = new OpenAIClientOptions { Endpoint = server.OpenAIEndpoint };
        if (!retries)
        {
            options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        }

        return options;
    }
}

namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>What a request recorded by <see cref="ScriptedLlmServer"/> asked for.</summary>
public enum RecordedRequestKind
{
    /// <summary><c>POST …/chat/completions</c>, OpenAI's or an Azure deployment's.</summary>
    ChatCompletion,

    /// <summary><c>POST …/embeddings</c>, OpenAI's or an Azure deployment's.</summary>
    Embeddings,

    /// <summary>A path the server does not serve; it answered 404.</summary>
    Unknown,
}

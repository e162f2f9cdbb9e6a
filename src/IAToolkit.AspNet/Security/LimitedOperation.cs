namespace IAToolkit.AspNet.Security;

/// <summary>The costly operations that <see cref="CallerLimits"/> limits per caller.</summary>
internal enum LimitedOperation
{
    /// <summary><c>llm_query</c>, JSON or streamed.</summary>
    Query,

    /// <summary><c>embedding</c>.</summary>
    Embedding,

    /// <summary><c>file-store</c>.</summary>
    FileStore,
}

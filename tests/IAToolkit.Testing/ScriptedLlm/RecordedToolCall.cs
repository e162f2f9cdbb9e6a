namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>A function call an assistant message in a request carries (the model asked for it on an earlier turn).</summary>
/// <param name="Id">The call id, which the matching tool message repeats.</param>
/// <param name="Name">The function's name.</param>
/// <param name="ArgumentsJson">The arguments, as the JSON text the client sent.</param>
public sealed record RecordedToolCall(string Id, string Name, string ArgumentsJson);

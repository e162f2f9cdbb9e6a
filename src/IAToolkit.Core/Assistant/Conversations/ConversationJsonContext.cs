using System.Text.Json.Serialization;

namespace IAToolkit.Assistant.Conversations;

/// <summary>Serialization of the cached windows without reflection.</summary>
[JsonSerializable(typeof(CachedWindow))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;

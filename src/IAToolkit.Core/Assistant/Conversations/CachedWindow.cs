using System.Text.Json.Serialization;

namespace IAToolkit.Assistant.Conversations;

/// <summary>
/// What Redis holds for a turn a conversation can continue from: whose it is and how deep, so that continuing it needs
/// no database read, and the window of history the next prompt needs.
/// </summary>
internal sealed record CachedWindow(
    [property: JsonPropertyName("c")] long CompanyId,
    [property: JsonPropertyName("u")] string UserIdentifier,
    [property: JsonPropertyName("d")] int Depth,
    [property: JsonPropertyName("t")] IReadOnlyList<Turn> Turns);

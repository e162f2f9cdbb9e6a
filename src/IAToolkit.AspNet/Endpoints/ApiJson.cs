using System.Text.Json;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>The JSON shape of the framework's APIs: snake_case, as the Python project's clients expect.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };
}

using System.Text.Json;

namespace IAToolkit.Assistant.Prompts;

/// <summary>Turns request JSON into plain .NET values a template can read (strings, numbers, lists, maps).</summary>
internal static class JsonValues
{
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        _ => null,
    };
}

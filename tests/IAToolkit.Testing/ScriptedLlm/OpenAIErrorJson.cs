namespace IAToolkit.Testing.ScriptedLlm;

/// <summary>OpenAI's error body: <c>{"error":{"message":…,"type":…,"param":null,"code":…}}</c>.</summary>
internal static class OpenAIErrorJson
{
    public static byte[] Write(int status, string message, string? code = null) => JsonBytes.Write(writer =>
    {
        var (type, defaultCode) = status switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            404 => ("invalid_request_error", "not_found"),
            429 => ("requests", "rate_limit_exceeded"),
            >= 500 => ("server_error", null),
            _ => ("invalid_request_error", (string?)null),
        };
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteNull("param");
        writer.WriteString("code", code ?? defaultCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}

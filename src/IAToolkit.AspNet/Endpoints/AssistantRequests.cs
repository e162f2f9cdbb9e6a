using System.Text.Json;
using System.Text.Json.Serialization;
using IAToolkit.AspNet.Errors;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>The body of <c>init-context</c>.</summary>
internal sealed record InitContextRequest(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("user_identifier")] string? UserIdentifier,
    [property: JsonPropertyName("reasoning_effort")] string? ReasoningEffort = null) : ITextFields
{
    // model may carry outer spaces and line breaks: ModelChoice trims them and accepts only the company's names.
    public IEnumerable<TextField> TextFields()
        => [new("model", Model, true), new("user_identifier", UserIdentifier, false), new("reasoning_effort", ReasoningEffort, false)];
}

/// <summary>The body of <c>llm_query</c>: a question, or a prompt with its values.</summary>
internal sealed record LlmQueryRequest(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("prompt_name")] string? PromptName,
    [property: JsonPropertyName("client_data")] Dictionary<string, JsonElement>? ClientData,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("user_identifier")] string? UserIdentifier,
    [property: JsonPropertyName("response_id")] string? ResponseId,
    [property: JsonPropertyName("files"), JsonShape("an array of objects, each {token} from file-store or {name, base64} (or {name, content} for plain text)")] List<LlmQueryFile>? Files,
    [property: JsonPropertyName("reasoning_effort")] string? ReasoningEffort = null) : ITextFields
{
    public IEnumerable<TextField> TextFields()
    {
        IEnumerable<TextField> fields =
        [
            new("question", Question, true),
            new("prompt_name", PromptName, false),
            new("model", Model, true),
            new("user_identifier", UserIdentifier, false),
            new("response_id", ResponseId, false),
            new("reasoning_effort", ReasoningEffort, false),
        ];
        var files = (Files ?? []).SelectMany((file, i) => new TextField[]
        {
            new($"files[{i}].token", file?.Token, false),
            new($"files[{i}].filename", file?.FileName, false),
            new($"files[{i}].name", file?.Name, false),
        });
        return fields.Concat(files).Concat(RequestText.InJson("client_data", ClientData));
    }
}

/// <summary>A file for one question: a file-store token, or a small text file inline (base64) as the Python project's clients send it.</summary>
[JsonShape("an object {token} from file-store or {name, base64} (or {name, content} for plain text)")]
internal sealed record LlmQueryFile(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("filename")] string? FileName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("base64")] string? Base64);

/// <summary>The body of <c>feedback</c>.</summary>
internal sealed record FeedbackRequest(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("rating")] int? Rating,
    [property: JsonPropertyName("user_identifier")] string? UserIdentifier) : ITextFields
{
    public IEnumerable<TextField> TextFields() => [new("message", Message, true), new("user_identifier", UserIdentifier, false)];
}

/// <summary>The body of <c>history</c> (POST, as the Python client sends it).</summary>
internal sealed record HistoryRequest([property: JsonPropertyName("user_identifier")] string? UserIdentifier) : ITextFields
{
    public IEnumerable<TextField> TextFields() => [new("user_identifier", UserIdentifier, false)];
}

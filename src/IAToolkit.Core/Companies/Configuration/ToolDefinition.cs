using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>tools</c>: a function the model may call, answered by the company's code.</summary>
internal sealed record ToolDefinition
{
    /// <summary><c>function_name</c>: matches <c>^[a-zA-Z0-9_-]{1,64}$</c>, unique, never starting with <c>iat_</c>.</summary>
    public required string FunctionName { get; init; }

    /// <summary><c>description</c>: tells the model when to call it.</summary>
    public required string Description { get; init; }

    /// <summary><c>params</c>: the JSON Schema (an object schema) of the arguments, with YAML scalars typed as JSON.</summary>
    public required JsonElement Parameters { get; init; }
}

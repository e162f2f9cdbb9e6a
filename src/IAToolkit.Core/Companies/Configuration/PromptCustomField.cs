using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>prompts[].custom_fields</c>.</summary>
internal sealed record PromptCustomField
{
    /// <summary><c>data_key</c>: the variable name in the template and in <c>client_data</c>.</summary>
    public required string DataKey { get; init; }

    /// <summary><c>label</c>: what the UI shows.</summary>
    public required string Label { get; init; }

    /// <summary><c>type</c>: an HTML input type such as <c>date</c>; <c>text</c> when not given.</summary>
    public string Type { get; init; } = "text";
}

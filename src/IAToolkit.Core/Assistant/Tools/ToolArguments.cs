using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// A tool's arguments record as the model sees it (a JSON schema from <see cref="AIJsonUtilities"/>) and as the tool
/// receives it (bound from the model's JSON). The model is untrusted input: binding never throws anything but an
/// <see cref="IAToolkitException"/> whose message names the argument, which the model reads and can act on.
/// </summary>
internal static class ToolArguments
{
    /// <summary>
    /// snake_case parameters, as company.yaml's tools and the Python project name them; constructor parameters without
    /// a default are required and non-nullable ones refuse <c>null</c>, in the schema and when binding alike.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    /// <summary>The schema of <typeparamref name="TArguments"/>, descriptions from its <c>[Description]</c> attributes.</summary>
    public static JsonElement Schema<TArguments>(AIJsonSchemaCreateOptions? options = null)
        => AIJsonUtilities.CreateJsonSchema(typeof(TArguments), serializerOptions: JsonOptions, inferenceOptions: options);

    /// <summary>The model's arguments bound to <typeparamref name="TArguments"/>.</summary>
    /// <exception cref="IAToolkitException">The arguments are not an object, a required one is missing or blank, or one has the wrong type.</exception>
    public static TArguments Bind<TArguments>(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The arguments must be a JSON object.");
        }

        // The required ones are those the binder requires (constructor parameters without a default), checked first so
        // that the model is told which one is missing; a required text must also say something.
        foreach (var property in JsonOptions.GetTypeInfo(typeof(TArguments)).Properties.Where(p => p.IsRequired))
        {
            var isText = property.PropertyType == typeof(string);
            if (!arguments.TryGetProperty(property.Name, out var value) || value.ValueKind is JsonValueKind.Null
                || (isText && value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                throw Invalid($"The argument '{property.Name}' is required{(isText ? " and must be a non-empty string" : string.Empty)}.");
            }
        }

        try
        {
            return arguments.Deserialize<TArguments>(JsonOptions) ?? throw Invalid("The arguments must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // STJ's message names .NET types; the model needs the argument, and the schema it already has says the rest.
            var argument = ex.Path?.TrimStart('$', '.');
            throw Invalid(string.IsNullOrEmpty(argument)
                ? "The arguments do not match the tool's parameters; see its schema."
                : $"The argument '{argument}' does not have the type the tool's parameters give; see its schema.");
        }
    }

    /// <summary>Refuses a blank value of an argument that must hold text.</summary>
    public static string NotBlank(string? value, string name)
        => string.IsNullOrWhiteSpace(value) ? throw Invalid($"The argument '{name}' is required and must be a non-empty string.") : value;

    private static IAToolkitException Invalid(string message) => new(ErrorCodes.InvalidRequest, message);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}

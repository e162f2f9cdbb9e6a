using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace IAToolkit.AspNet.Errors;

/// <summary>
/// Explains a JSON body the endpoint could not bind: which field, and what it should have been, or where the JSON is
/// broken. ASP.NET Core's own text ("Failed to read parameter … as JSON") names neither; System.Text.Json's names .NET
/// types and quotes the body. Nothing of the body is echoed beyond the field's path.
/// </summary>
internal static class JsonBodyError
{
    public static string Describe(HttpContext context, JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;

        // The reader's own exception inside means the text is not JSON at all (the serializer rethrows it with the path).
        if (exception.InnerException is JsonException)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {position + 1}")
                : string.Empty;
            return $"The body is not valid JSON: the error is{where}{(path == "$" ? string.Empty : $", in {path}")}.";
        }

        // The exception handler runs with the endpoint cleared from the context; its feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var target = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } root ? JsonShape.Resolve(root, path) : null;
        if (target is not { } found)
        {
            return path == "$" ? "The body does not have the expected shape." : $"The field {path} does not have the expected type.";
        }

        var shape = JsonShape.Describe(found.Type, found.Property);
        return path == "$" ? $"The body must be {shape}." : $"The field {path} must be {shape}.";
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>
/// The one check of the text a company API receives, before any endpoint runs: no NUL or other C0 control character
/// (tab, CR and LF only where a field holds several lines), no lone UTF-16 surrogate. PostgreSQL refuses NUL in text
/// (a 500 after the work was done), and CR/LF in a one-line value ends up in headers and logs. Bodies say which of their
/// fields are text (<see cref="ITextFields"/>); query values and uploaded file names are checked by parameter.
/// </summary>
internal static class RequestText
{
    /// <summary>Refuses, with 400 <c>invalid_request</c> naming the field, any request to these endpoints carrying control characters.</summary>
    public static TBuilder RejectControlCharacters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilterFactory((factory, next) =>
        {
            var names = factory.MethodInfo.GetParameters().Select(p => p.Name ?? string.Empty).ToArray();
            return context =>
            {
                for (var i = 0; i < context.Arguments.Count && i < names.Length; i++)
                {
                    Check(names[i], context.Arguments[i]);
                }

                return next(context);
            };
        });

    private static void Check(string name, object? argument)
    {
        switch (argument)
        {
            case string text:
                Require(name, text, multiline: false);
                break;
            case IFormFile file:
                Require("file name", file.FileName, multiline: false);
                break;
            case ITextFields body:
                foreach (var field in body.TextFields())
                {
                    Require(field.Name, field.Value, field.Multiline);
                }

                break;
        }
    }

    /// <summary>Checks every property name and string inside a JSON value (such as a prompt's <c>client_data</c>).</summary>
    public static IEnumerable<TextField> InJson(string name, IReadOnlyDictionary<string, JsonElement>? values)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, JsonElement>())
        {
            yield return new TextField(name, key, Multiline: false);
            foreach (var field in InJson($"{name}.{key}", value))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<TextField> InJson(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return new TextField(name, value.GetString(), Multiline: true);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    yield return new TextField(name, property.Name, Multiline: false);
                    foreach (var field in InJson($"{name}.{property.Name}", property.Value))
                    {
                        yield return field;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var field in InJson($"{name}[{index++}]", item))
                    {
                        yield return field;
                    }
                }

                break;
        }
    }

    private static void Require(string name, string? value, bool multiline)
    {
        if (value is null)
        {
            return;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw Refused(name, "an unpaired UTF-16 surrogate");
            }

            var allowed = multiline && c is '\t' or '\r' or '\n';
            if ((c < ' ' || c == '\u007f') && !allowed)
            {
                throw Refused(name, string.Create(CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4}"));
            }
        }
    }

    private static IAToolkitException Refused(string name, string what)
        => new(ErrorCodes.InvalidRequest, $"{name} contains {what}; text may not hold control characters (only tab and line breaks where several lines are allowed).");
}

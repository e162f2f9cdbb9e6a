using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IAToolkit.AspNet.Errors;

/// <summary>
/// Finds the type a JSON path of a request body binds to and describes it in words ("a string", "an array of objects
/// {token, name}"), so that a body of the wrong shape is answered with what was expected rather than with .NET type names.
/// </summary>
internal static class JsonShape
{
    /// <summary>
    /// The type at <paramref name="path"/> (a <see cref="JsonException.Path"/> such as <c>$.files[0].name</c>) inside
    /// <paramref name="root"/>, with the property that declares it; <see langword="null"/> when the path leaves the type.
    /// </summary>
    public static (Type Type, PropertyInfo? Property)? Resolve(Type root, string path)
    {
        (Type Type, PropertyInfo? Property) current = (root, null);
        foreach (var segment in Segments(path))
        {
            var type = Nullable.GetUnderlyingType(current.Type) ?? current.Type;
            if (segment.Index)
            {
                if (ElementType(type) is not { } element)
                {
                    return null;
                }

                current = (element, null);
                continue;
            }

            if (DictionaryValueType(type) is { } value)
            {
                current = (value, null);
                continue;
            }

            var property = Properties(type).FirstOrDefault(p => string.Equals(JsonName(p), segment.Name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            current = (property.PropertyType, property);
        }

        return current;
    }

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, e.g. "a string" or "an object {a, b}".</summary>
    public static string Describe(Type type, PropertyInfo? property = null)
    {
        if (property?.GetCustomAttribute<JsonShapeAttribute>() is { } onProperty)
        {
            return onProperty.Description;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.GetCustomAttribute<JsonShapeAttribute>() is { } onType)
        {
            return onType.Description;
        }

        return Kind(type) switch
        {
            ShapeKind.Array => "an array of " + Plural(ElementType(type)!),
            ShapeKind.Object => "an object " + Members(type),
            var kind => Singular(kind),
        };
    }

    private static string Plural(Type element)
    {
        element = Nullable.GetUnderlyingType(element) ?? element;
        if (element.GetCustomAttribute<JsonShapeAttribute>() is { } onType)
        {
            return "values that are each " + onType.Description;
        }

        return Kind(element) switch
        {
            ShapeKind.String => "strings",
            ShapeKind.Boolean => "true or false values",
            ShapeKind.WholeNumber => "whole numbers",
            ShapeKind.Number => "numbers",
            ShapeKind.Map => "objects",
            ShapeKind.Array => "arrays",
            ShapeKind.Object => "objects " + Members(element),
            _ => "JSON values",
        };
    }

    private static string Singular(ShapeKind kind) => kind switch
    {
        ShapeKind.String => "a string",
        ShapeKind.Boolean => "true or false",
        ShapeKind.WholeNumber => "a whole number",
        ShapeKind.Number => "a number",
        ShapeKind.Map => "an object",
        _ => "a JSON value",
    };

    private static ShapeKind Kind(Type type)
    {
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Uri) || type.IsEnum)
        {
            return ShapeKind.String;
        }

        if (type == typeof(bool))
        {
            return ShapeKind.Boolean;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte))
        {
            return ShapeKind.WholeNumber;
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return ShapeKind.Number;
        }

        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonDocument))
        {
            return ShapeKind.Any;
        }

        if (DictionaryValueType(type) is not null)
        {
            return ShapeKind.Map;
        }

        return ElementType(type) is not null ? ShapeKind.Array : ShapeKind.Object;
    }

    private static string Members(Type type)
        => "{" + string.Join(", ", Properties(type).Select(JsonName)) + "}";

    private static IEnumerable<PropertyInfo> Properties(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetMethod is not null)
            .Where(p => p.DeclaringType != typeof(object) && p.Name != "EqualityContract");

    // The name the binder matches: the attribute's, else the web defaults' camelCase.
    private static string JsonName(PropertyInfo property)
        => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);
    }

    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                return candidate.GetGenericArguments()[1];
            }
        }

        return null;
    }

    /// <summary>The steps of a path: <c>$.a[0]['b.c']</c> gives a, [0], b.c.</summary>
    private static IEnumerable<(string Name, bool Index)> Segments(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return (path[(i + 1)..end], false);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return (path[(i + 2)..end], false);
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                yield return (path[(i + 1)..end], true);
                i = Math.Min(path.Length, end + 1);
            }
            else
            {
                yield break;
            }
        }
    }

    private enum ShapeKind
    {
        Any,
        String,
        Boolean,
        WholeNumber,
        Number,
        Map,
        Array,
        Object,
    }
}

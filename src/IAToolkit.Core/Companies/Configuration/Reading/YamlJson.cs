using System.Buffers;
using System.Text;
using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Converts a YAML node to JSON with its scalars typed (booleans, numbers, null), as PyYAML then json.dumps would.</summary>
internal static class YamlJson
{
    /// <summary>Deeper than this is a mistake (or an alias that refers to itself).</summary>
    public const int MaxDepth = 64;

    public static JsonElement ToElement(YamlNode node)
    {
        using var document = JsonDocument.Parse(ToBytes(node));
        return document.RootElement.Clone();
    }

    public static string ToCompactJson(YamlNode node) => Encoding.UTF8.GetString(ToBytes(node));

    private static byte[] ToBytes(YamlNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth + 1 }))
        {
            Write(writer, node, 0);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"nests deeper than {MaxDepth} levels");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : key.ToString());
                    Write(writer, value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        switch (YamlScalars.Kind(scalar))
        {
            case YamlScalarKind.Null:
                writer.WriteNullValue();
                break;
            case YamlScalarKind.Boolean:
                writer.WriteBooleanValue(YamlScalars.ToBoolean(scalar) == true);
                break;
            case YamlScalarKind.Integer when YamlScalars.ToInteger(scalar) is { } number:
                writer.WriteNumberValue(number);
                break;
            case YamlScalarKind.Integer or YamlScalarKind.Float when YamlScalars.ToFloat(scalar) is { } number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}

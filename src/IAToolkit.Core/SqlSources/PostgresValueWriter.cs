using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IAToolkit.SqlSources;

/// <summary>
/// Writes one value, read in PostgreSQL's text form, as JSON the model reads easily: numbers as numbers, booleans,
/// ISO 8601 timestamps, json inline, bytea as base64. Types it does not know stay PostgreSQL's text, so every type
/// (enums, domains, ranges, arrays, extensions' types) has an answer.
/// </summary>
internal static partial class PostgresValueWriter
{
    /// <summary>The most bytea bytes shown; the base64 of a longer value is cut and ends with an ellipsis.</summary>
    public const int MaxBinaryBytes = 64;

    private const string Ellipsis = "\u2026";

    /// <summary>Writes <paramref name="text"/>, the value of a column of base type <paramref name="type"/> (e.g. <c>int4</c>); returns whether it was cut.</summary>
    public static bool Write(Utf8JsonWriter writer, string? text, string type, int maxLength)
    {
        if (text is null)
        {
            writer.WriteNullValue();
            return false;
        }

        switch (type)
        {
            case "int2" or "int4" or "int8" or "oid" or "float4" or "float8" or "numeric" when JsonNumber().IsMatch(text):
                writer.WriteRawValue(text, skipInputValidation: true);
                return false;
            case "bool" when text is "t" or "f":
                writer.WriteBooleanValue(text == "t");
                return false;
            case "json" or "jsonb" when text.Length <= maxLength && ParseJson(text) is { } document:
                using (document)
                {
                    // Written again so that jsonb's spaces after ':' and ',' do not cost tokens.
                    document.RootElement.WriteTo(writer);
                }

                return false;
            case "timestamp" or "timestamptz" when IsoTimestamp().Match(text) is { Success: true } match:
                writer.WriteStringValue(ToIso(match));
                return false;
            case "bytea" when text.StartsWith("\\x", StringComparison.Ordinal):
                return WriteBinary(writer, text);
            default:
                return WriteText(writer, text, maxLength);
        }
    }

    /// <summary>
    /// Writes the first characters of a value that was longer than <see cref="ReadLength"/> (the rest was never read):
    /// bytea shows its first bytes, anything else its first <paramref name="maxLength"/> characters, and both end with
    /// an ellipsis. Always returns <see langword="true"/>.
    /// </summary>
    public static bool WriteCut(Utf8JsonWriter writer, string start, string type, int maxLength)
        => type == "bytea" && start.StartsWith("\\x", StringComparison.Ordinal)
            ? WriteBinary(writer, start) | true
            : WriteText(writer, start, Math.Min(maxLength, start.Length - 1));

    /// <summary>How many characters of one value must be read to write it under <paramref name="maxLength"/>: one more tells that it goes on.</summary>
    public static int ReadLength(int maxLength) => Math.Max(maxLength, 2 + (MaxBinaryBytes * 2) + 2) + 1;

    private static bool WriteText(Utf8JsonWriter writer, string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            writer.WriteStringValue(text);
            return false;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        writer.WriteStringValue(string.Concat(text.AsSpan(0, cut), Ellipsis));
        return true;
    }

    private static bool WriteBinary(Utf8JsonWriter writer, string hex)
    {
        var digits = hex.AsSpan(2);
        var length = digits.Length / 2;
        var shown = Math.Min(length, MaxBinaryBytes);
        try
        {
            var bytes = Convert.FromHexString(digits[..(shown * 2)]);
            var text = Convert.ToBase64String(bytes);
            writer.WriteStringValue(length > shown ? text + Ellipsis : text);
            return length > shown;
        }
        catch (FormatException)
        {
            return WriteText(writer, hex, MaxBinaryBytes * 2);
        }
    }

    private static JsonDocument? ParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ToIso(Match match)
    {
        var offset = match.Groups["offset"].Value;
        if (offset.Length == 3)
        {
            offset += ":00";
        }

        return $"{match.Groups["date"].Value}T{match.Groups["time"].Value}{offset}";
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    // PostgreSQL's ISO output: "2024-01-31 10:00:00[.fraction][+hh[:mm[:ss]]]"; BC dates and infinity do not match and stay as they are.
    [GeneratedRegex("^(?<date>[0-9]{4,}-[0-9]{2}-[0-9]{2}) (?<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?)(?<offset>[+-][0-9]{2}(?::[0-9]{2}){0,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}

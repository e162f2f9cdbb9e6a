using System.Globalization;
using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Types plain YAML scalars the way PyYAML (YAML 1.1) does for the values company.yaml uses: <c>~</c>/<c>null</c>/empty,
/// <c>true/false/yes/no/on/off</c>, integers and floats. Quoted scalars and <c>!!str</c> are always strings.
/// </summary>
internal static partial class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> Trues = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly HashSet<string> Falses = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"];

    public static bool IsNull(YamlNode? node) => node is null || (node is YamlScalarNode scalar && Kind(scalar) == YamlScalarKind.Null);

    public static YamlScalarKind Kind(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (IsStringTag(scalar) || scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return YamlScalarKind.String;
        }

        if (Nulls.Contains(value))
        {
            return YamlScalarKind.Null;
        }

        if (Trues.Contains(value) || Falses.Contains(value))
        {
            return YamlScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(value) || HexPattern().IsMatch(value))
        {
            return YamlScalarKind.Integer;
        }

        return FloatPattern().IsMatch(value) && ToFloat(scalar) is not null ? YamlScalarKind.Float : YamlScalarKind.String;
    }

    /// <summary>A boolean: a plain YAML boolean, or a quoted <c>true</c>/<c>false</c> (what the author meant).</summary>
    public static bool? ToBoolean(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (Kind(scalar) == YamlScalarKind.Boolean)
        {
            return Trues.Contains(value);
        }

        return bool.TryParse(value.Trim(), out var parsed) ? parsed : null;
    }

    /// <summary>A whole number, plain or quoted; <see langword="null"/> when the text is not one or does not fit.</summary>
    public static long? ToInteger(YamlScalarNode scalar)
    {
        var value = (scalar.Value ?? string.Empty).Trim();
        if (HexPattern().IsMatch(value))
        {
            var negative = value.StartsWith('-');
            var digits = value.TrimStart('+', '-')[2..].Replace("_", string.Empty, StringComparison.Ordinal);
            return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? (negative ? -hex : hex) : null;
        }

        return IntegerPattern().IsMatch(value) && long.TryParse(Clean(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>A finite number written in decimal, or <see langword="null"/>.</summary>
    public static double? ToFloat(YamlScalarNode scalar)
        => double.TryParse(Clean(scalar.Value ?? string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    private static bool IsStringTag(YamlScalarNode scalar)
        => !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag;

    private static string Clean(string value) => value.Replace("_", string.Empty, StringComparison.Ordinal).TrimStart('+');

    [GeneratedRegex("^[-+]?(0|[1-9][0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?0x[0-9a-fA-F_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}

using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Reads a key whose value names a variable (<c>api-key</c>, <c>*_env</c>, <c>api_key_name</c>). The value must look
/// like a variable name: a secret pasted in by mistake is refused without being repeated in the message. IAToolkit
/// 2.x spells the same keys <c>*_secret_ref</c> (and <c>api_key_name</c> as <c>api_key_secret_ref</c>); either
/// spelling is read, and both at once is an error.
/// </summary>
internal static partial class VariableNames
{
    /// <summary>
    /// The reference, or <see langword="null"/> when absent or invalid. When <paramref name="check"/> is true it is
    /// recorded so that the loader warns if the variable is not set.
    /// </summary>
    public static VariableReference? Read(YamlSection section, string key, string? fallback = null, bool required = false, bool check = true)
    {
        if (SecretRefSpelling(key) is { } alternate && section.Get(alternate) is not null)
        {
            if (section.Get(key) is not null)
            {
                section.Error(alternate, $"and {key} both name the variable; keep one of them");
                return null;
            }

            key = alternate;
        }

        var node = section.Get(key);
        string? name;
        if (node is null)
        {
            name = fallback;
            if (name is null && required)
            {
                section.Missing(key);
            }
        }
        else
        {
            name = section.String(key, required)?.Trim();
            if (name is not null && !LooksLikeName(name))
            {
                section.Error(key, "must be the name of an environment variable (letters, digits and _, e.g. OPENAI_API_KEY), never the secret itself");
                return null;
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var reference = new VariableReference(name, section.Problems.File, section.KeyPath(key));
        if (check)
        {
            section.Problems.AddVariable(reference, section.LineOf(key));
        }

        return reference;
    }

    /// <summary>The IAToolkit 2.x spelling of a key that names a variable; <see langword="null"/> when it has none.</summary>
    public static string? SecretRefSpelling(string key) => key switch
    {
        "api_key_name" or "api-key" => "api_key_secret_ref",
        _ when key.EndsWith("_env", StringComparison.Ordinal) => key[..^"_env".Length] + "_secret_ref",
        _ => null,
    };

    // A long run of letters and digits with no separator is far more likely a key than a variable name.
    private static bool LooksLikeName(string name)
        => NamePattern().IsMatch(name)
            && !(name.Length >= 24 && !name.Contains('_', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
                && name.Any(char.IsDigit) && name.Any(char.IsLetter));

    // Letters, digits, underscores; a colon allows an appsettings section such as "Secrets:OpenAI".
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_:]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

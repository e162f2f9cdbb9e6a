using System.Text.RegularExpressions;

namespace IAToolkit.SqlSources;

/// <summary>Reads the setting a SHOW names, so that it can be served as <c>current_setting($1)</c>: one plain name, or ALL.</summary>
internal static partial class SqlShowSetting
{
    // SHOW's special forms and the settings they stand for.
    private static readonly Dictionary<string, string> s_phrases = new(StringComparer.Ordinal)
    {
        ["time zone"] = "timezone",
        ["transaction isolation level"] = "transaction_isolation",
        ["session authorization"] = "session_authorization",
    };

    /// <summary>The setting's name in lower case, or <see langword="null"/> for SHOW ALL.</summary>
    public static string? Parse(string sql, List<SqlToken> tokens)
    {
        var words = tokens.Skip(1).Select(t => t.Kind == SqlTokenKind.Word ? t.Text(sql).ToLowerInvariant() : t.Text(sql)).ToList();
        var name = string.Join(string.Empty, words);
        if (words.Count > 1 && tokens.Skip(1).All(t => t.Kind == SqlTokenKind.Word))
        {
            name = string.Join(' ', words);
            if (s_phrases.TryGetValue(name, out var setting))
            {
                return setting;
            }
        }

        if (name == "all")
        {
            return null;
        }

        if (!SettingName().IsMatch(name))
        {
            throw new SqlQueryException("SHOW takes one setting name, e.g. SHOW timezone or SHOW search_path (or SHOW ALL).");
        }

        return name;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}

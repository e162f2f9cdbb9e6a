using System.Text;

namespace IAToolkit.Configuration;

/// <summary>
/// Reads a <c>.env</c> file the way python-dotenv does: <c>KEY=value</c> lines, optional <c>export</c>,
/// <c>#</c> comments, single quotes taken literally, double quotes with <c>\n</c>, <c>\"</c> and <c>\\</c> escapes.
/// </summary>
internal static class DotEnvFile
{
    /// <summary>Parses the text of a .env file.</summary>
    /// <exception cref="FormatException">A line is malformed; the message gives its number.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"line {i + 1}: expected KEY=value");
            }

            var key = line[..equals].Trim();
            if (!IsValidKey(key))
            {
                throw new FormatException($"line {i + 1}: '{key}' is not a valid variable name");
            }

            values[key] = ParseValue(line[(equals + 1)..].TrimStart(), i + 1);
        }

        return values;
    }

    private static bool IsValidKey(string key)
        => key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':');

    private static string ParseValue(string raw, int lineNumber)
    {
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (raw[0] is '\'' or '"')
        {
            var quote = raw[0];
            var value = new StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == quote)
                {
                    return value.ToString();
                }

                if (quote == '"' && c == '\\' && i + 1 < raw.Length)
                {
                    i++;
                    value.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                    continue;
                }

                value.Append(c);
            }

            throw new FormatException($"line {lineNumber}: unterminated {quote} quote");
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }
}

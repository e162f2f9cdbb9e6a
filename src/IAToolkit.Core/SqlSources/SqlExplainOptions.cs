namespace IAToolkit.SqlSources;

/// <summary>
/// Reads the options of an EXPLAIN, in either syntax, and writes them again from a safe list: options that only shape
/// the plan's text. ANALYZE (which runs the statement) and every option not on the list are refused, quoted or not.
/// </summary>
internal static class SqlExplainOptions
{
    private const string SafeList = "VERBOSE, COSTS, SETTINGS, SUMMARY, FORMAT";

    private const string AnalyzeRefusal = "EXPLAIN ANALYZE is not allowed because it runs the statement; use EXPLAIN without ANALYZE to see the plan.";

    private static readonly HashSet<string> s_booleanOptions = new(StringComparer.Ordinal) { "verbose", "costs", "settings", "summary" };

    private static readonly HashSet<string> s_formats = new(StringComparer.Ordinal) { "text", "xml", "json", "yaml" };

    private static readonly HashSet<string> s_booleans = new(StringComparer.Ordinal) { "true", "false", "on", "off", "1", "0" };

    /// <summary>The rebuilt options (empty for none) and the index of the first token of the explained statement.</summary>
    public static (string Options, int Inner) Parse(string sql, List<SqlToken> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].Kind == SqlTokenKind.OpenParenthesis)
        {
            return Parenthesized(sql, tokens, index + 1);
        }

        // The old syntax: EXPLAIN [ANALYZE] [VERBOSE] statement.
        var verbose = false;
        while (index < tokens.Count && tokens[index].Kind == SqlTokenKind.Word)
        {
            var word = tokens[index].Text(sql).ToLowerInvariant();
            if (word is "analyze" or "analyze")
            {
                throw new SqlQueryException(AnalyzeRefusal);
            }

            if (word != "verbose")
            {
                break;
            }

            verbose = true;
            index++;
        }

        return (verbose ? "(VERBOSE TRUE)" : string.Empty, index);
    }

    private static (string Options, int Inner) Parenthesized(string sql, List<SqlToken> tokens, int index)
    {
        var written = new List<string>();
        while (true)
        {
            var name = index < tokens.Count ? Name(sql, tokens[index]) : null;
            if (name is "analyze" or "analyze")
            {
                throw new SqlQueryException(AnalyzeRefusal);
            }

            if (name is null || (name != "format" && !s_booleanOptions.Contains(name)))
            {
                var shown = index < tokens.Count ? tokens[index].Text(sql) : "(nothing)";
                throw new SqlQueryException($"The EXPLAIN option {shown} is not allowed; the SQL tool accepts {SafeList}.");
            }

            index++;
            string? value = null;
            if (index < tokens.Count && !IsPunctuation(sql, tokens[index]))
            {
                value = Value(sql, tokens[index]);
                var valid = name == "format" ? value is not null && s_formats.Contains(value) : value is not null && s_booleans.Contains(value);
                if (!valid)
                {
                    throw new SqlQueryException($"The value {tokens[index].Text(sql)} of the EXPLAIN option {name.ToUpperInvariant()} is not allowed; "
                        + (name == "format" ? "use TEXT, XML, JSON or YAML." : "use TRUE or FALSE."));
                }

                index++;
            }
            else if (name == "format")
            {
                throw new SqlQueryException("The EXPLAIN option FORMAT needs a value: TEXT, XML, JSON or YAML.");
            }

            written.Add(name.ToUpperInvariant() + " " + (value is null ? "TRUE" : value.ToUpperInvariant() switch { "1" or "ON" => "TRUE", "0" or "OFF" => "FALSE", var v => v }));
            if (index < tokens.Count && tokens[index].Kind == SqlTokenKind.CloseParenthesis)
            {
                return ("(" + string.Join(", ", written) + ")", index + 1);
            }

            if (index >= tokens.Count || tokens[index].Text(sql) != ",")
            {
                throw new SqlQueryException("The EXPLAIN options must be a list such as (FORMAT JSON, VERBOSE) followed by the query.");
            }

            index++;
        }
    }

    private static bool IsPunctuation(string sql, SqlToken token)
        => token.Kind == SqlTokenKind.CloseParenthesis || (token.Kind == SqlTokenKind.Other && token.Text(sql) == ",");

    /// <summary>An option name as PostgreSQL compares it: a word folded to lower case, a quoted name exactly as written.</summary>
    private static string? Name(string sql, SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Word => token.Text(sql).ToLowerInvariant(),
        SqlTokenKind.QuotedIdentifier when sql[token.Start] == '"' => sql.Substring(token.Start + 1, token.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal),
        _ => null,
    };

    private static string? Value(string sql, SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Word => token.Text(sql).ToLowerInvariant(),
        SqlTokenKind.String when sql[token.Start] == '\'' && !token.Text(sql)[1..^1].Contains('\'', StringComparison.Ordinal) => token.Text(sql)[1..^1].ToLowerInvariant(),
        SqlTokenKind.Other when token.Text(sql) is "1" or "0" => token.Text(sql),
        _ => null,
    };
}

namespace IAToolkit.DataSources;

/// <summary>
/// Accepts exactly one statement that is a query: SELECT, WITH, VALUES, TABLE, EXPLAIN without ANALYZE, or SHOW. This
/// check gives the model a clear message; the guarantees are enforced again below it: the statement is sent as one
/// extended-protocol command, which PostgreSQL refuses to split, inside a READ ONLY transaction that is rolled back.
/// </summary>
internal static class SqlStatementGuard
{
    private const string Allowed = "SELECT, WITH, VALUES, TABLE, EXPLAIN (without ANALYZE) or SHOW";

    private static readonly HashSet<string> s_cursorKeywords = new(StringComparer.Ordinal) { "SELECT", "WITH", "VALUES", "TABLE" };

    // Statements that would change data, objects, privileges or the session: the refusal says so.
    private static readonly HashSet<string> s_changes = new(StringComparer.Ordinal)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "COMMENT",
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE", "SET", "RESET",
        "CALL", "DO", "VACUUM", "ANALYZE", "ANALYSE", "REINDEX", "CLUSTER", "REFRESH", "LOCK", "DISCARD", "IMPORT",
        "SECURITY", "REASSIGN", "LISTEN", "NOTIFY", "UNLISTEN", "LOAD", "CHECKPOINT",
    };

    public static SqlStatement Check(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = PostgresLexer.Tokenize(sql);
        var end = tokens.FindIndex(t => t.Kind == SqlTokenKind.Semicolon);
        if (end >= 0 && tokens.Skip(end).FirstOrDefault(t => t.Kind != SqlTokenKind.Semicolon) is { Length: > 0 } second)
        {
            throw new SqlQueryException(
                $"Only one statement can run per call, but a second one starts after ';' at {SqlTextPosition.Describe(sql, second.Start + 1)}. "
                + "Send one query per call, or combine them with WITH, UNION ALL or subqueries.");
        }

        var statement = end >= 0 ? tokens.Take(end).ToList() : tokens;
        var text = end >= 0 ? sql[..tokens[end].Start] : sql;
        var first = statement.FindIndex(t => t.Kind != SqlTokenKind.OpenParenthesis);
        if (first < 0)
        {
            throw new SqlQueryException("The query is empty. Send one SQL query, e.g. SELECT … FROM … .");
        }

        var keyword = statement[first].Kind == SqlTokenKind.Word ? statement[first].Text(sql).ToUpperInvariant() : null;
        if (keyword is not null && s_cursorKeywords.Contains(keyword))
        {
            return new SqlStatement(text, keyword, IsCursorQuery: true);
        }

        switch (keyword)
        {
            case "EXPLAIN" when Analyzes(sql, statement, first + 1):
                throw new SqlQueryException("EXPLAIN ANALYZE is not allowed because it runs the statement; use EXPLAIN without ANALYZE to see the plan.");
            case "EXPLAIN" or "SHOW":
                return new SqlStatement(text, keyword, IsCursorQuery: false);
            case "COPY":
                throw new SqlQueryException($"COPY is not allowed: the SQL tool only runs read-only queries ({Allowed}). Use SELECT to read the rows.");
            case null:
                throw new SqlQueryException($"Only read-only queries can run: the statement must start with {Allowed}.");
            case var _ when s_changes.Contains(keyword):
                throw new SqlQueryException($"Only read-only queries can run: the statement must start with {Allowed}, but it starts with {keyword}. This tool cannot change the database or the session.");
            default:
                throw new SqlQueryException($"Only read-only queries can run: the statement must start with {Allowed}, but it starts with {keyword}.");
        }
    }

    /// <summary>Whether the options of the EXPLAIN (from <paramref name="index"/>) include ANALYZE, in either syntax.</summary>
    private static bool Analyzes(string sql, List<SqlToken> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].Kind == SqlTokenKind.OpenParenthesis)
        {
            for (var i = index + 1; i < tokens.Count && tokens[i].Kind != SqlTokenKind.CloseParenthesis; i++)
            {
                if (IsAnalyze(sql, tokens[i]))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = index; i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word; i++)
        {
            if (IsAnalyze(sql, tokens[i]))
            {
                return true;
            }

            if (!tokens[i].Text(sql).Equals("VERBOSE", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        return false;
    }

    private static bool IsAnalyze(string sql, SqlToken token)
        => token.Kind == SqlTokenKind.Word
            && (token.Text(sql).Equals("ANALYZE", StringComparison.OrdinalIgnoreCase) || token.Text(sql).Equals("ANALYSE", StringComparison.OrdinalIgnoreCase));
}

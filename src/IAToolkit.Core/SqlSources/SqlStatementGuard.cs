using System.Globalization;

namespace IAToolkit.SqlSources;

/// <summary>
/// Accepts exactly one statement that is a query: SELECT, WITH, VALUES, TABLE, EXPLAIN (with safe options) of such a
/// query, or SHOW. This check gives the model a clear message, and it decides how the statement is sent: never as raw
/// text, always inside <c>DECLARE … CURSOR FOR</c> (which PostgreSQL accepts only for one query) or as a parameter
/// (see <see cref="SqlStatementForm"/>). So a place where this lexer and PostgreSQL's disagree cannot turn an accepted
/// statement into another kind of statement; the READ ONLY transaction, always rolled back, and the single
/// extended-protocol command hold below that.
/// </summary>
internal static class SqlStatementGuard
{
    internal const string Allowed = "SELECT, WITH, VALUES, TABLE, EXPLAIN (without ANALYZE) or SHOW";

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
        RefuseControlCharacters(sql);
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
            return SqlStatement.ForQuery(text, keyword);
        }

        if (first > 0 && keyword is "EXPLAIN" or "SHOW")
        {
            throw new SqlQueryException($"{keyword} cannot stand in parentheses; write it at the start of the statement.");
        }

        switch (keyword)
        {
            case "EXPLAIN":
                return Explain(text, statement);
            case "SHOW":
                return new SqlStatement(text, keyword, SqlStatementForm.Show) { Setting = SqlShowSetting.Parse(text, statement) };
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

    /// <summary>EXPLAIN [options] query: the options are rebuilt from a safe list, the query must be one the cursor accepts.</summary>
    private static SqlStatement Explain(string text, List<SqlToken> statement)
    {
        var (options, inner) = SqlExplainOptions.Parse(text, statement, 1);
        var innerFirst = statement.FindIndex(inner, t => t.Kind != SqlTokenKind.OpenParenthesis);
        if (innerFirst < 0 || statement[innerFirst].Kind != SqlTokenKind.Word || !s_cursorKeywords.Contains(statement[innerFirst].Text(text).ToUpperInvariant()))
        {
            throw new SqlQueryException("EXPLAIN can only explain a query that starts with SELECT, WITH, VALUES or TABLE.");
        }

        var offset = statement[inner].Start;
        return new SqlStatement(text, "EXPLAIN", SqlStatementForm.Explain) { Query = text[offset..], QueryOffset = offset, ExplainOptions = options };
    }

    /// <summary>
    /// Refuses C0 and C1 control characters but tab, CR and LF. PostgreSQL reads FF and VT as whitespace where a
    /// reader might not, NUL ends a C string, and none belongs in a query.
    /// </summary>
    private static void RefuseControlCharacters(string sql)
    {
        for (var i = 0; i < sql.Length; i++)
        {
            if (char.IsControl(sql[i]) && sql[i] is not ('\t' or '\r' or '\n'))
            {
                var code = ((int)sql[i]).ToString("X4", CultureInfo.InvariantCulture);
                throw new SqlQueryException(
                    $"The query contains the control character U+{code} at {SqlTextPosition.Describe(sql.Replace(sql[i], ' '), i + 1)}. "
                    + "Only tab, carriage return and line feed may appear in SQL text; remove it.");
            }
        }
    }
}

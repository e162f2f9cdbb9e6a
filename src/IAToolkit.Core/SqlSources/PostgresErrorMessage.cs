using System.Globalization;
using System.Text;
using Npgsql;

namespace IAToolkit.SqlSources;

/// <summary>
/// Turns PostgreSQL's error into the text the model reads to fix its query: SQLSTATE and message, detail, hint, where
/// the error points in the query, and for a timeout or a read-only violation what to do instead. Nothing else: no
/// stack trace, no host, no connection string.
/// </summary>
internal static class PostgresErrorMessage
{
    private const string ReadOnly = "The SQL tool is read-only: it cannot change data, create objects or advance sequences. Rewrite the statement as a query (SELECT).";

    /// <param name="error">PostgreSQL's error.</param>
    /// <param name="sql">The query as the model wrote it.</param>
    /// <param name="prefixLength">
    /// How many characters the text sent has before the model's text would start (a cursor declaration; less the
    /// offset of an EXPLAIN's query in the model's text); <see cref="int.MaxValue"/> when positions do not apply.
    /// </param>
    /// <param name="options">The limits, named in the advice on timeouts.</param>
    public static SqlQueryException ToException(PostgresException error, string sql, int prefixLength, SqlToolOptions options)
    {
        var text = new StringBuilder();
        text.Append("PostgreSQL error ").Append(error.SqlState).Append(": ").Append(error.MessageText);
        AppendLine(text, "Detail", error.Detail);
        AppendLine(text, "Hint", error.Hint);
        int? position = error.Position > 0 && (long)error.Position - prefixLength >= 1 ? error.Position - prefixLength : null;
        if (position is { } at && at <= sql.Length + 1)
        {
            AppendLine(text, "Position", SqlTextPosition.Describe(sql, at));
        }
        else
        {
            position = null;
        }

        AppendLine(text, "Context", error.Where);
        AppendLine(text, "Advice", Advice(error, options));
        return new SqlQueryException(text.ToString(), error.SqlState, position, error);
    }

    private static string? Advice(PostgresException error, SqlToolOptions options) => error.SqlState switch
    {
        "57014" => $"The query was canceled after the {Seconds(options.StatementTimeout)} limit. Make it cheaper: filter on indexed columns, aggregate, avoid cross joins, or add LIMIT.",
        "55P03" => $"A lock was not granted within {Seconds(options.LockTimeout)}; the data is being changed right now. Try again, or query other tables.",
        "25006" => ReadOnly,
        "0A000" when error.MessageText.Contains("data-modifying", StringComparison.Ordinal) => ReadOnly,
        "42501" => "The database user of this tool is not allowed to do this; query other tables or columns.",
        _ => null,
    };

    private static string Seconds(TimeSpan value)
        => value.TotalSeconds >= 1 && value.TotalSeconds == Math.Floor(value.TotalSeconds)
            ? value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
            : value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private static void AppendLine(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append('\n').Append(label).Append(": ").Append(value.Trim());
        }
    }
}

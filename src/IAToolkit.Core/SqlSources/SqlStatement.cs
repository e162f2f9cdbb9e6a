namespace IAToolkit.SqlSources;

/// <summary>A statement <see cref="SqlStatementGuard"/> accepted: one read-only query, and how to send it.</summary>
/// <param name="Text">The statement as written, without the trailing <c>;</c> and what follows it.</param>
/// <param name="Keyword">Its first keyword in upper case, e.g. <c>SELECT</c>.</param>
/// <param name="Form">How it is sent.</param>
internal sealed record SqlStatement(string Text, string Keyword, SqlStatementForm Form)
{
    /// <summary>The query that runs through a cursor: all of <see cref="Text"/>, or the statement an EXPLAIN explains.</summary>
    public string? Query { get; init; }

    /// <summary>Where <see cref="Query"/> starts in <see cref="Text"/>, to point PostgreSQL's error positions at the model's text.</summary>
    public int QueryOffset { get; init; }

    /// <summary>The EXPLAIN options as the tool writes them, e.g. <c>(FORMAT JSON, VERBOSE TRUE)</c>; empty for none.</summary>
    public string ExplainOptions { get; init; } = string.Empty;

    /// <summary>The setting SHOW reads, lower case and checked to be a plain name; <see langword="null"/> for SHOW ALL.</summary>
    public string? Setting { get; init; }

    /// <summary>Whether only the rows the cap allows are computed (a cursor is fetched).</summary>
    public bool IsCursorQuery => Form == SqlStatementForm.Query;

    /// <summary>A query (SELECT, WITH, VALUES, TABLE) run through a cursor.</summary>
    public static SqlStatement ForQuery(string text, string keyword) => new(text, keyword, SqlStatementForm.Query) { Query = text };
}

namespace IAToolkit.SqlSources;

/// <summary>How <see cref="PostgresQueryExecutor"/> sends an accepted statement; each form keeps the model's text inside a cursor or a parameter.</summary>
internal enum SqlStatementForm
{
    /// <summary>SELECT, WITH, VALUES, TABLE: the text runs as <c>DECLARE … CURSOR FOR</c>, which PostgreSQL accepts only for one query.</summary>
    Query,

    /// <summary>
    /// EXPLAIN: the inner query is first declared as a cursor (the same check as <see cref="Query"/>), then explained
    /// with options the tool writes itself from a safe list.
    /// </summary>
    Explain,

    /// <summary>SHOW: served as <c>current_setting($1)</c> with the setting's name as a parameter, or from <c>pg_settings</c> for SHOW ALL.</summary>
    Show,
}

namespace IAToolkit.DataSources;

/// <summary>A statement <see cref="SqlStatementGuard"/> accepted: one read-only query.</summary>
/// <param name="Text">The statement as written, without the trailing <c>;</c> and what follows it.</param>
/// <param name="Keyword">Its first keyword in upper case, e.g. <c>SELECT</c>.</param>
/// <param name="IsCursorQuery">
/// Whether it is a query a cursor can run (SELECT, WITH, VALUES, TABLE), so that only the rows the cap allows are
/// computed; EXPLAIN and SHOW run as they are.
/// </param>
internal sealed record SqlStatement(string Text, string Keyword, bool IsCursorQuery);

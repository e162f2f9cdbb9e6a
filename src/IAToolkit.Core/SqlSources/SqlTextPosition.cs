namespace IAToolkit.SqlSources;

/// <summary>Describes a 1-based character position of a query the way a person looks for it: line, column and the text there.</summary>
internal static class SqlTextPosition
{
    private const int SnippetLength = 40;

    public static string Describe(string sql, int position)
    {
        var index = Math.Clamp(position - 1, 0, sql.Length);
        var lineStart = index == 0 ? 0 : sql.LastIndexOf('\n', index - 1) + 1;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
            }
        }

        var lineEnd = sql.IndexOf('\n', index);
        var rest = sql[index..(lineEnd < 0 ? sql.Length : lineEnd)].TrimEnd();
        var near = rest.Length > SnippetLength ? rest[..(char.IsHighSurrogate(rest[SnippetLength - 1]) ? SnippetLength - 1 : SnippetLength)] + "\u2026" : rest;
        return near.Length == 0
            ? $"line {line}, column {index - lineStart + 1} (end of line)"
            : $"line {line}, column {index - lineStart + 1}, near \"{near}\"";
    }
}

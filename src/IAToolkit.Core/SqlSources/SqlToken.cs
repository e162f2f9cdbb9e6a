namespace IAToolkit.SqlSources;

/// <summary>One token of a SQL text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">Its first character's index in the text.</param>
/// <param name="Length">Its length in characters.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public string Text(string sql) => sql.Substring(Start, Length);
}

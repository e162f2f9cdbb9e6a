namespace IAToolkit.SqlSources;

/// <summary>The kinds of token <see cref="PostgresLexer"/> tells apart: only what finding statements and their first keyword needs.</summary>
internal enum SqlTokenKind
{
    /// <summary>A keyword or unquoted identifier, e.g. <c>SELECT</c> or <c>orders</c>.</summary>
    Word,

    /// <summary>A string constant in any form: <c>'…'</c>, <c>E'…'</c>, <c>$tag$…$tag$</c>.</summary>
    String,

    /// <summary>A quoted identifier, <c>"…"</c>.</summary>
    QuotedIdentifier,

    /// <summary>The statement terminator <c>;</c>.</summary>
    Semicolon,

    /// <summary><c>(</c>.</summary>
    OpenParenthesis,

    /// <summary><c>)</c>.</summary>
    CloseParenthesis,

    /// <summary>Anything else: operators, numbers, commas, parameters.</summary>
    Other,
}

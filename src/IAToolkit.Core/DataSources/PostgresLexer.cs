namespace IAToolkit.DataSources;

/// <summary>
/// Splits SQL into tokens by PostgreSQL's lexical rules, as far as finding statement boundaries needs them: a
/// <c>;</c> inside a string constant (<c>'…'</c> with <c>''</c>, <c>E'…'</c> with backslash escapes, <c>$tag$…$tag$</c>),
/// a quoted identifier or a comment (<c>-- …</c>, nested <c>/* … */</c>) is not a terminator. An unterminated
/// constant or comment runs to the end of the text, as PostgreSQL would read it (and then reject it).
/// </summary>
internal static class PostgresLexer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c == '-' && At(sql, i + 1) == '-')
            {
                i = LineCommentEnd(sql, i);
                continue;
            }

            if (c == '/' && At(sql, i + 1) == '*')
            {
                i = BlockCommentEnd(sql, i);
                continue;
            }

            SqlTokenKind kind;
            switch (c)
            {
                case '\'':
                    (kind, i) = (SqlTokenKind.String, QuotedEnd(sql, i, '\'', backslashEscapes: false));
                    break;
                case '"':
                    (kind, i) = (SqlTokenKind.QuotedIdentifier, QuotedEnd(sql, i, '"', backslashEscapes: false));
                    break;
                case '$' when DollarTagLength(sql, i) is var tag && tag > 0:
                    (kind, i) = (SqlTokenKind.String, DollarQuotedEnd(sql, i, tag));
                    break;
                case ';':
                    (kind, i) = (SqlTokenKind.Semicolon, i + 1);
                    break;
                case '(':
                    (kind, i) = (SqlTokenKind.OpenParenthesis, i + 1);
                    break;
                case ')':
                    (kind, i) = (SqlTokenKind.CloseParenthesis, i + 1);
                    break;
                case var _ when IsIdentifierStart(c):
                    i = WordEnd(sql, i);
                    kind = SqlTokenKind.Word;
                    if (i - start == 1 && (c is 'e' or 'E') && At(sql, i) == '\'')
                    {
                        // E'…': an escape string, where \' does not end the constant.
                        (kind, i) = (SqlTokenKind.String, QuotedEnd(sql, i, '\'', backslashEscapes: true));
                    }

                    break;
                default:
                    (kind, i) = (SqlTokenKind.Other, i + 1);
                    break;
            }

            tokens.Add(new SqlToken(kind, start, i - start));
        }

        return tokens;
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static int WordEnd(string sql, int i)
    {
        while (i < sql.Length && IsIdentifierPart(sql[i]))
        {
            i++;
        }

        return i;
    }

    private static int LineCommentEnd(string sql, int i)
    {
        var newline = sql.IndexOf('\n', i);
        return newline < 0 ? sql.Length : newline + 1;
    }

    private static int BlockCommentEnd(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>The end of a constant opened by <paramref name="quote"/> at <paramref name="i"/>; a doubled quote stays inside.</summary>
    private static int QuotedEnd(string sql, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslashEscapes && c == '\\')
            {
                i += 2;
            }
            else if (c == quote)
            {
                if (At(sql, i + 1) != quote)
                {
                    return i + 1;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>The length of the <c>$tag$</c> opening at <paramref name="i"/>, or 0 when <c>$</c> opens no dollar quote (e.g. <c>$1</c>).</summary>
    private static int DollarTagLength(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && IsIdentifierStart(sql[j]))
        {
            while (j < sql.Length && (IsIdentifierStart(sql[j]) || char.IsAsciiDigit(sql[j])))
            {
                j++;
            }
        }

        return At(sql, j) == '$' ? j - i + 1 : 0;
    }

    private static int DollarQuotedEnd(string sql, int i, int tagLength)
    {
        var close = sql.IndexOf(sql.Substring(i, tagLength), i + tagLength, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + tagLength;
    }
}

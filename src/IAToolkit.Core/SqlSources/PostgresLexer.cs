namespace IAToolkit.SqlSources;

/// <summary>
/// Splits SQL into tokens by the rules of PostgreSQL's scanner (<c>src/backend/parser/scan.l</c>), as far as finding
/// statement boundaries needs them, with <c>standard_conforming_strings</c> on (the executor sets it for every query).
/// Where this lexer and PostgreSQL could disagree about where a token ends, a <c>;</c> the guard thinks is inside a
/// string could end a statement for PostgreSQL; so each token class follows scan.l exactly:
/// <list type="bullet">
/// <item>whitespace is only space, tab, LF, CR, FF and VT (VT only from PostgreSQL 16; the guard refuses FF and VT
/// anyway); any other character, e.g. U+00A0 or U+2028, is part of an identifier;</item>
/// <item><c>--</c> comments end at LF or CR, nothing else; <c>/* */</c> comments nest;</item>
/// <item><c>'…'</c>, <c>N'…'</c> and <c>U&amp;'…'</c> double a quote to escape it; <c>E'…'</c> also takes backslash escapes;
/// <c>B'…'</c> and <c>X'…'</c> take no escape at all;</item>
/// <item>a string followed by whitespace holding a newline and another quote continues, in the same mode (so
/// <c>E'a'</c>, newline, <c>'\''</c> is one escape string);</item>
/// <item><c>$tag$…$tag$</c> with a tag that does not start with a digit (<c>$1</c> is a parameter);</item>
/// <item><c>"…"</c> and <c>U&amp;"…"</c> identifiers double a quote to escape it;</item>
/// <item>an operator stops where <c>--</c> or <c>/*</c> starts, which reading one character at a time gives.</item>
/// </list>
/// An unterminated constant or comment runs to the end of the text, as PostgreSQL reads it (and then rejects it).
/// </summary>
internal static class PostgresLexer
{
    private enum StringMode
    {
        /// <summary><c>'…'</c>, <c>N'…'</c>, <c>U&amp;'…'</c>: <c>''</c> is a quote, a backslash is a character.</summary>
        Standard,

        /// <summary><c>E'…'</c>: <c>''</c> and <c>\'</c> are quotes; a backslash escapes the next character.</summary>
        Escape,

        /// <summary><c>B'…'</c>, <c>X'…'</c>: the first quote ends it.</summary>
        Bits,
    }

    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && At(sql, i + 1) == '-')
            {
                i = LineEnd(sql, i);
                continue;
            }

            if (c == '/' && At(sql, i + 1) == '*')
            {
                i = BlockCommentEnd(sql, i);
                continue;
            }

            var start = i;
            SqlTokenKind kind;
            switch (c)
            {
                case '\'':
                    (kind, i) = (SqlTokenKind.String, StringEnd(sql, i, StringMode.Standard));
                    break;
                case '"':
                    (kind, i) = (SqlTokenKind.QuotedIdentifier, IdentifierEnd(sql, i));
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
                    (kind, i) = PrefixedOrWord(sql, i);
                    break;
                default:
                    (kind, i) = (SqlTokenKind.Other, i + 1);
                    break;
            }

            tokens.Add(new SqlToken(kind, start, i - start));
        }

        return tokens;
    }

    /// <summary>scan.l's <c>space</c>: the only characters PostgreSQL skips between tokens.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsNewline(char c) => c is '\n' or '\r';

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    /// <summary>scan.l's <c>ident_start</c>: every byte from 0x80 up is a letter, so is every non-ASCII character.</summary>
    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    /// <summary>A word, or a constant a one-letter prefix opens: <c>E'</c>, <c>B'</c>, <c>X'</c>, <c>N'</c>, <c>U&amp;'</c>, <c>U&amp;"</c>.</summary>
    private static (SqlTokenKind Kind, int End) PrefixedOrWord(string sql, int i)
    {
        var next = At(sql, i + 1);
        switch (sql[i])
        {
            case 'e' or 'E' when next == '\'':
                return (SqlTokenKind.String, StringEnd(sql, i + 1, StringMode.Escape));
            case 'b' or 'B' or 'x' or 'X' when next == '\'':
                return (SqlTokenKind.String, StringEnd(sql, i + 1, StringMode.Bits));
            case 'n' or 'N' when next == '\'':
                return (SqlTokenKind.String, StringEnd(sql, i + 1, StringMode.Standard));
            case 'u' or 'U' when next == '&' && At(sql, i + 2) == '\'':
                // The UESCAPE clause that may follow is ordinary tokens; the escapes are decoded after scanning.
                return (SqlTokenKind.String, StringEnd(sql, i + 2, StringMode.Standard));
            case 'u' or 'U' when next == '&' && At(sql, i + 2) == '"':
                return (SqlTokenKind.QuotedIdentifier, IdentifierEnd(sql, i + 2));
        }

        var end = i;
        while (end < sql.Length && IsIdentifierPart(sql[end]))
        {
            end++;
        }

        return (SqlTokenKind.Word, end);
    }

    /// <summary>The end of a <c>--</c> comment: the next LF or CR (not included), or the end of the text.</summary>
    private static int LineEnd(string sql, int i)
    {
        var newline = sql.AsSpan(i).IndexOfAny('\n', '\r');
        return newline < 0 ? sql.Length : i + newline;
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

    /// <summary>The end of the string constant whose opening quote is at <paramref name="i"/>, continuations included.</summary>
    private static int StringEnd(string sql, int i, StringMode mode)
    {
        i++;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\\' && mode == StringMode.Escape)
            {
                i += 2;
            }
            else if (c == '\'' && mode != StringMode.Bits && At(sql, i + 1) == '\'')
            {
                i += 2;
            }
            else if (c == '\'')
            {
                var continued = Continuation(sql, i + 1);
                if (continued < 0)
                {
                    return i + 1;
                }

                i = continued;
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>
    /// scan.l's <c>{quotecontinue}</c> after a closing quote at <paramref name="i"/> - 1: whitespace or comments, at
    /// least one newline, then a quote. Returns the index after that quote, where the same string goes on, or -1.
    /// </summary>
    private static int Continuation(string sql, int i)
    {
        // Before the first newline: spaces, tabs, form feeds, vertical tabs and -- comments.
        while (i < sql.Length)
        {
            if (sql[i] is ' ' or '\t' or '\f' or '\v')
            {
                i++;
            }
            else if (sql[i] == '-' && At(sql, i + 1) == '-')
            {
                i = LineEnd(sql, i);
            }
            else
            {
                break;
            }
        }

        if (i >= sql.Length || !IsNewline(sql[i]))
        {
            return -1;
        }

        i++;

        // After it: any whitespace, and -- comments that end in a newline.
        while (i < sql.Length)
        {
            if (IsSpace(sql[i]))
            {
                i++;
            }
            else if (sql[i] == '-' && At(sql, i + 1) == '-')
            {
                var end = LineEnd(sql, i);
                if (end >= sql.Length)
                {
                    return -1;
                }

                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return At(sql, i) == '\'' && i < sql.Length ? i + 1 : -1;
    }

    /// <summary>The end of the quoted identifier whose opening quote is at <paramref name="i"/>; <c>""</c> stays inside.</summary>
    private static int IdentifierEnd(string sql, int i)
    {
        i++;
        while (i < sql.Length)
        {
            if (sql[i] != '"')
            {
                i++;
            }
            else if (At(sql, i + 1) == '"')
            {
                i += 2;
            }
            else
            {
                return i + 1;
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

        return At(sql, j) == '$' && j < sql.Length ? j - i + 1 : 0;
    }

    private static int DollarQuotedEnd(string sql, int i, int tagLength)
    {
        var close = sql.IndexOf(sql.Substring(i, tagLength), i + tagLength, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + tagLength;
    }
}

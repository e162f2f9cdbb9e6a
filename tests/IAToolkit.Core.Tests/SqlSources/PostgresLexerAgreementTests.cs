using IAToolkit.SqlSources;
using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// The lexer against PostgreSQL itself: for each text, the number of statements the lexer finds must be the number
/// PostgreSQL's parser finds (it refuses more than one in an extended-protocol command with "cannot insert multiple
/// commands"). Every case is a place where a lexer can end a token where scan.l does not.
/// </summary>
[Category("Security")]
public sealed class PostgresLexerAgreementTests : DatabaseTest
{
    [TestCase("SELECT 1 --\r; SELECT 2", 2, TestName = "LineComment_EndsAtCarriageReturn")]
    [TestCase("SELECT 1 --\n; SELECT 2", 2, TestName = "LineComment_EndsAtLineFeed")]
    [TestCase("SELECT 1 --\f; SELECT 2", 1, TestName = "LineComment_GoesOnPastFormFeed")]
    [TestCase("SELECT 1 --\v; SELECT 2", 1, TestName = "LineComment_GoesOnPastVerticalTab")]
    [TestCase("SELECT 1 --\u2028; SELECT 2", 1, TestName = "LineComment_GoesOnPastLineSeparator")]
    [TestCase("SELECT 1 --\u0085; SELECT 2", 1, TestName = "LineComment_GoesOnPastNextLine")]
    [TestCase("SELECT\f1;\fSELECT 2", 2, TestName = "Whitespace_FormFeed")]
    [TestCase("SELECT 1 /* /* */ ; SELECT 2 */", 1, TestName = "BlockComment_Nests")]
    [TestCase("SELECT 1 /*/ ; SELECT 2 */", 1, TestName = "BlockComment_SlashAfterOpening")]
    [TestCase("SELECT 1 /* **/ ; SELECT 2", 2, TestName = "BlockComment_StarsBeforeClosing")]
    [TestCase("SELECT 1 */* ; SELECT 2 */ 2", 1, TestName = "Operator_CutWhereBlockCommentStarts")]
    [TestCase("SELECT 2 @-- ; SELECT 3\n 1", 1, TestName = "Operator_CutWhereLineCommentStarts")]
    [TestCase("SELECT 'a'';' ; SELECT 2", 2, TestName = "String_DoubledQuote")]
    [TestCase("SELECT 'a\\'; SELECT 2", 2, TestName = "String_BackslashIsACharacter")]
    [TestCase("SELECT 'a'\n';' ; SELECT 2", 2, TestName = "String_Continued")]
    [TestCase("SELECT E'a\\'; SELECT 2 '", 1, TestName = "EscapeString_BackslashQuote")]
    [TestCase("SELECT E'\\\\'; SELECT 2", 2, TestName = "EscapeString_EscapedBackslash")]
    [TestCase("SELECT E'a'\n'\\' ; SELECT ' AS x", 1, TestName = "EscapeString_ContinuationKeepsEscapes")]
    [TestCase("SELECT E'a' -- note\n  -- more\n'\\' ; SELECT ' AS x", 1, TestName = "EscapeString_ContinuationAcrossComments")]
    [TestCase("SELECT E'a', '\\' ; SELECT 2 --'", 2, TestName = "EscapeString_NextStringIsStandard")]
    [TestCase("SELECT \u00A0e'\\', 2 ; SELECT 3 --'", 2, TestName = "EscapeString_OnlyAfterATokenStart")]
    [TestCase("SELECT xe'\\' ; SELECT 2 --'", 2, TestName = "EscapeString_NotAfterALetter")]
    [TestCase("SELECT N'a'';' ; SELECT 2", 2, TestName = "NationalString")]
    [TestCase("SELECT B'10'\n'; SELECT 2'", 1, TestName = "BitString_Continued")]
    [TestCase("SELECT X'1F', ';' ; SELECT 2", 2, TestName = "HexString")]
    [TestCase("SELECT U&'!0027; SELECT 2' UESCAPE '!'", 1, TestName = "UnicodeString_WithUescape")]
    [TestCase("SELECT U&'a'\n';' ; SELECT 2", 2, TestName = "UnicodeString_Continued")]
    [TestCase("SELECT U&\"a;\"\"\" FROM (SELECT 1 AS \"a;\"\"\") t; SELECT 2", 2, TestName = "UnicodeIdentifier")]
    [TestCase("SELECT 1 AS \"a\"\";\" ; SELECT 2", 2, TestName = "QuotedIdentifier_DoubledQuote")]
    [TestCase("SELECT $$ ; $$ ; SELECT 2", 2, TestName = "DollarQuote_NoTag")]
    [TestCase("SELECT $t$ $$ ; $t$ ; SELECT 2", 2, TestName = "DollarQuote_Tag")]
    [TestCase("SELECT $a$ $ab$ ; $a$", 1, TestName = "DollarQuote_LongerTagInside")]
    [TestCase("SELECT $_1$ ; $_1$", 1, TestName = "DollarQuote_TagWithDigit")]
    [TestCase("SELECT a$b$ FROM (SELECT 1 AS a$b$) t; SELECT 2", 2, TestName = "DollarQuote_NotAfterIdentifier")]
    [TestCase("SELECT 1 AS é$x$ ; SELECT 2", 2, TestName = "DollarQuote_NotAfterNonAsciiIdentifier")]
    public async Task Tokenize_CountsStatementsAsPostgreSqlDoes(string sql, int statements)
    {
        var tokens = PostgresLexer.Tokenize(sql);
        var counted = 1 + tokens.Where((t, i) => t.Kind == SqlTokenKind.Semicolon && tokens.Skip(i + 1).Any(n => n.Kind != SqlTokenKind.Semicolon)).Count();

        Assert.That(counted, Is.EqualTo(statements), "the lexer");
        Assert.That(await PostgresStatementCountAsync(sql), Is.EqualTo(statements), "PostgreSQL");
    }

    /// <summary>1 when PostgreSQL parses the text as one statement (whatever else fails), 2 when it finds more.</summary>
    private async Task<int> PostgresStatementCountAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        try
        {
            await batch.ExecuteNonQueryAsync();
            return 1;
        }
        catch (PostgresException ex) when (ex.MessageText.Contains("cannot insert multiple commands", StringComparison.Ordinal))
        {
            return 2;
        }
        catch (PostgresException ex) when (ex.SqlState != "42601")
        {
            return 1; // Parsed as one statement, then failed to run (e.g. an unknown operator).
        }
    }
}

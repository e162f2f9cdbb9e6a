using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

[Category("Security")]
public sealed class SqlStatementGuardTests
{
    [TestCase("SELECT 1", "SELECT", true)]
    [TestCase("select 1;", "SELECT", true)]
    [TestCase("SELECT 1;  -- done\n ; ", "SELECT", true)]
    [TestCase("  /* leading */ WITH t AS (SELECT 1) SELECT * FROM t", "WITH", true)]
    [TestCase("VALUES (1), (2)", "VALUES", true)]
    [TestCase("TABLE orders", "TABLE", true)]
    [TestCase("((SELECT 1) UNION (SELECT 2))", "SELECT", true)]
    [TestCase("EXPLAIN SELECT 1", "EXPLAIN", false)]
    [TestCase("EXPLAIN (COSTS OFF, FORMAT JSON) SELECT 1", "EXPLAIN", false)]
    [TestCase("EXPLAIN VERBOSE SELECT 1", "EXPLAIN", false)]
    [TestCase("SHOW statement_timeout", "SHOW", false)]
    [TestCase("EXPLAIN (\"verbose\" on, FORMAT 'json') SELECT 1", "EXPLAIN", false)]
    public void Check_OneQuery_IsAccepted(string sql, string keyword, bool cursor)
    {
        var statement = SqlStatementGuard.Check(sql);

        Assert.That(statement.Keyword, Is.EqualTo(keyword));
        Assert.That(statement.IsCursorQuery, Is.EqualTo(cursor));
    }

    [TestCase("SELECT 'a;b' AS x", "SELECT 'a;b' AS x")]
    [TestCase("SELECT 'it''s; fine' AS x;", "SELECT 'it''s; fine' AS x")]
    [TestCase("SELECT E'a\\'; DROP TABLE t; --' AS x", "SELECT E'a\\'; DROP TABLE t; --' AS x")]
    [TestCase("SELECT $$a; DROP TABLE t$$ AS x", "SELECT $$a; DROP TABLE t$$ AS x")]
    [TestCase("SELECT $body$ $$; $x$ ; $body$ AS x ; ", "SELECT $body$ $$; $x$ ; $body$ AS x ")]
    [TestCase("SELECT 1 AS \"a;b\"\"c\"", "SELECT 1 AS \"a;b\"\"c\"")]
    [TestCase("SELECT 1 -- ; DROP TABLE t\n", "SELECT 1 -- ; DROP TABLE t\n")]
    [TestCase("SELECT 1 /* ; /* nested ; */ still ; */ AS x", "SELECT 1 /* ; /* nested ; */ still ; */ AS x")]
    [TestCase("SELECT a$b$ FROM t", "SELECT a$b$ FROM t")]
    public void Check_SemicolonInsideLiteralIdentifierOrComment_IsNotASecondStatement(string sql, string text)
        => Assert.That(SqlStatementGuard.Check(sql).Text, Is.EqualTo(text));

    [TestCase("SELECT 1; DROP TABLE orders", "line 1, column 11, near \"DROP TABLE orders\"")]
    [TestCase("SELECT 1;\nCOMMIT;\nDROP TABLE orders", "line 2, column 1, near \"COMMIT;\"")]
    [TestCase("SELECT 'x'; SELECT 2", "line 1, column 13")]
    [TestCase("SELECT $1 ; $$ DROP", "line 1, column 13")]
    [TestCase("SELECT 'a\\'; DROP TABLE t; --'", "line 1, column 14, near \"DROP TABLE t; --'\"")]
    public void Check_SecondStatement_IsRefusedWithItsPosition(string sql, string position)
    {
        var error = Assert.Throws<SqlQueryException>(() => SqlStatementGuard.Check(sql))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlError));
        Assert.That(error.Message, Does.StartWith("Only one statement can run per call"));
        Assert.That(error.Message, Does.Contain(position));
    }

    [TestCase("DROP TABLE orders", "it starts with DROP")]
    [TestCase("update orders set total = 0", "it starts with UPDATE")]
    [TestCase("INSERT INTO orders VALUES (1)", "it starts with INSERT")]
    [TestCase("DELETE FROM orders", "it starts with DELETE")]
    [TestCase("CREATE TABLE x (id int)", "it starts with CREATE")]
    [TestCase("TRUNCATE orders", "it starts with TRUNCATE")]
    [TestCase("BEGIN", "it starts with BEGIN")]
    [TestCase("SET statement_timeout = 0", "it starts with SET")]
    [TestCase("DO $$ BEGIN END $$", "it starts with DO")]
    [TestCase("'text'", "must start with SELECT, WITH, VALUES, TABLE, EXPLAIN (without ANALYZE) or SHOW.")]
    [TestCase("SELEC 1", "but it starts with SELEC.")]
    public void Check_NotAQuery_IsRefusedNamingTheAllowedStarts(string sql, string expected)
    {
        var error = Assert.Throws<SqlQueryException>(() => SqlStatementGuard.Check(sql))!;

        Assert.That(error.Message, Does.StartWith("Only read-only queries can run"));
        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(error.Message.EndsWith("This tool cannot change the database or the session.", StringComparison.Ordinal), Is.EqualTo(expected.StartsWith("it starts with", StringComparison.Ordinal)));
    }

    [TestCase("COPY orders TO STDOUT")]
    [TestCase("copy (SELECT 1) TO PROGRAM 'id'")]
    public void Check_Copy_IsRefused(string sql)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>().With.Message.StartsWith("COPY is not allowed"));

    [TestCase("EXPLAIN ANALYZE SELECT 1")]
    [TestCase("explain analyze select 1")]
    [TestCase("EXPLAIN VERBOSE ANALYZE SELECT 1")]
    [TestCase("EXPLAIN (FORMAT JSON, ANALYZE) SELECT 1")]
    [TestCase("EXPLAIN (ANALYZE true) SELECT 1")]
    public void Check_ExplainAnalyze_IsRefused(string sql)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>().With.Message.StartsWith("EXPLAIN ANALYZE is not allowed"));

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(";")]
    [TestCase("-- only a comment")]
    public void Check_Empty_IsRefused(string sql)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>().With.Message.StartsWith("The query is empty"));

    [TestCase("SELECT 1\0; COPY (SELECT 1) TO PROGRAM 'id'", "U+0000")]
    [TestCase("SELECT 1 --\f\nSELECT 2", "U+000C")]
    [TestCase("SELECT 1 --\v; COPY (SELECT 1) TO PROGRAM 'id'", "U+000B")]
    [TestCase("SELECT '\u001b[2J' AS x", "U+001B")]
    [TestCase("SELECT 1 --\u0085; SELECT 2", "U+0085")]
    [TestCase("SELECT\u007f1", "U+007F")]
    public void Check_ControlCharacter_IsRefusedWhereverItIs(string sql, string code)
    {
        var error = Assert.Throws<SqlQueryException>(() => SqlStatementGuard.Check(sql))!;

        Assert.That(error.Message, Does.StartWith($"The query contains the control character {code} at line "));
        Assert.That(error.Message, Does.Contain("Only tab, carriage return and line feed may appear in SQL text"));
    }

    [TestCase("SELECT\t1\r\nFROM t\rWHERE true")]
    public void Check_TabCarriageReturnAndLineFeed_AreAccepted(string sql)
        => Assert.That(SqlStatementGuard.Check(sql).Keyword, Is.EqualTo("SELECT"));

    [TestCase("SHOW x --\rCOPY (SELECT 1) TO PROGRAM 'id' /*\n*/")]
    [TestCase("SELECT 1 --\r; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("EXPLAIN SELECT 1 --\r; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT \u00A0e'\\' ; COPY (SELECT 1) TO PROGRAM 'id' --'")]
    [TestCase("SELECT E'a', '\\' ; COPY (SELECT 1) TO PROGRAM 'id' --'")]
    [TestCase("SELECT 'a'\n';' ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT 1 /* /* */ */ ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT $a$ $ab$ $a$ ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT $1 ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT U&'a' UESCAPE '!' ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT 1 AS \"a\"\";\" ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SELECT B'1', X'1F' ; COPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SHOW search_path; COPY (SELECT 1) TO PROGRAM 'id'")]
    public void Check_SecondStatementBehindATokenBoundary_IsRefused(string sql)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>());

    [TestCase("EXPLAIN (\"analyze\") SELECT 1", "EXPLAIN ANALYZE is not allowed")]
    [TestCase("EXPLAIN (\"ANALYZE\") SELECT 1", "The EXPLAIN option \"ANALYZE\" is not allowed")]
    [TestCase("EXPLAIN (ANALYZE false) SELECT 1", "EXPLAIN ANALYZE is not allowed")]
    [TestCase("EXPLAIN (BUFFERS) SELECT 1", "The EXPLAIN option BUFFERS is not allowed; the SQL tool accepts VERBOSE, COSTS, SETTINGS, SUMMARY, FORMAT")]
    [TestCase("EXPLAIN (GENERIC_PLAN) SELECT $1", "The EXPLAIN option GENERIC_PLAN is not allowed")]
    [TestCase("EXPLAIN (TIMING, WAL) SELECT 1", "The EXPLAIN option TIMING is not allowed")]
    [TestCase("EXPLAIN (FORMAT 'json''') SELECT 1", "The value 'json''' of the EXPLAIN option FORMAT is not allowed")]
    [TestCase("EXPLAIN (FORMAT) SELECT 1", "FORMAT needs a value")]
    [TestCase("EXPLAIN (VERBOSE maybe) SELECT 1", "use TRUE or FALSE")]
    [TestCase("EXPLAIN (VERBOSE ANALYZE) SELECT 1", "use TRUE or FALSE")]
    [TestCase("EXPLAIN (VERBOSE SELECT 1", "use TRUE or FALSE")]
    [TestCase("EXPLAIN DELETE FROM orders", "EXPLAIN can only explain a query")]
    [TestCase("EXPLAIN CREATE TABLE t AS SELECT 1", "EXPLAIN can only explain a query")]
    [TestCase("EXPLAIN EXECUTE p", "EXPLAIN can only explain a query")]
    [TestCase("EXPLAIN DECLARE c CURSOR FOR SELECT 1", "EXPLAIN can only explain a query")]
    [TestCase("EXPLAIN", "EXPLAIN can only explain a query")]
    [TestCase("(EXPLAIN SELECT 1)", "EXPLAIN cannot stand in parentheses")]
    public void Check_UnsafeExplain_IsRefused(string sql, string message)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>().With.Message.Contains(message));

    [TestCase("EXPLAIN SELECT 1", "", "SELECT 1")]
    [TestCase("explain verbose /* c */ select 1", "(VERBOSE TRUE)", "select 1")]
    [TestCase("EXPLAIN (costs off, format json, verbose, SETTINGS 1, summary 'on') (SELECT 1)", "(COSTS FALSE, FORMAT JSON, VERBOSE TRUE, SETTINGS TRUE, SUMMARY TRUE)", "(SELECT 1)")]
    public void Check_Explain_RebuildsTheOptionsAndKeepsTheQuery(string sql, string options, string query)
    {
        var statement = SqlStatementGuard.Check(sql);

        Assert.That(statement.Form, Is.EqualTo(SqlStatementForm.Explain));
        Assert.That(statement.ExplainOptions, Is.EqualTo(options));
        Assert.That(statement.Query, Is.EqualTo(query));
        Assert.That(sql[statement.QueryOffset..], Is.EqualTo(query));
    }

    [TestCase("SHOW search_path", "search_path")]
    [TestCase("show TimeZone;", "timezone")]
    [TestCase("SHOW TIME ZONE", "timezone")]
    [TestCase("SHOW transaction isolation level", "transaction_isolation")]
    [TestCase("SHOW session authorization", "session_authorization")]
    [TestCase("SHOW pg_trgm.similarity_threshold", "pg_trgm.similarity_threshold")]
    [TestCase("SHOW ALL", null)]
    public void Check_Show_NamesOneSetting(string sql, string? setting)
    {
        var statement = SqlStatementGuard.Check(sql);

        Assert.That(statement.Form, Is.EqualTo(SqlStatementForm.Show));
        Assert.That(statement.Setting, Is.EqualTo(setting));
    }

    [TestCase("SHOW")]
    [TestCase("SHOW 'search_path'")]
    [TestCase("SHOW \"search_path\"")]
    [TestCase("SHOW search_path, timezone")]
    [TestCase("SHOW x --\rCOPY (SELECT 1) TO PROGRAM 'id'")]
    [TestCase("SHOW a.b.c")]
    public void Check_ShowWithoutOnePlainName_IsRefused(string sql)
        => Assert.That(() => SqlStatementGuard.Check(sql), Throws.TypeOf<SqlQueryException>().With.Message.StartsWith("SHOW takes one setting name"));
}

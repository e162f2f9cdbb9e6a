using IAToolkit.DataSources;

namespace IAToolkit.Core.Tests.DataSources;

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
    [TestCase("explain analyse select 1")]
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
}

using System.Text.Json;
using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>What the model reads back: typed JSON rows, and errors it can act on that reveal nothing about the server.</summary>
public sealed class SqlQueryRunnerResultTests : SqlSourceTest
{
    [SetUp]
    public Task CreateDataAsync() => AsRoleAsync(SqlSampleData.Create + ";\nCREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE DOMAIN amount AS numeric(10,2)");

    [Test]
    public async Task RunAsync_ValuesOfEachType_AreWrittenAsTheModelExpects()
    {
        var company = Company();
        const string Sql = """
            SELECT 42 AS int, 9007199254740993::bigint AS big, 12.50::numeric(10,2) AS dec, 0.1::float8 AS dbl,
                   'NaN'::numeric AS nan, '1e300'::float8 AS huge, 7.25::amount AS money_domain, -- a domain is reported as its base type
                   true AS yes, false AS no, NULL::text AS nothing,
                   DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 13:45:00.5' AS local_time,
                   TIMESTAMPTZ '2024-02-29 13:45:00+00' AS utc_time, TIMESTAMPTZ 'infinity' AS forever, TIME '08:30' AS at,
                   '{"a": [1, 2.50], "b": null}'::jsonb AS doc, '[1,  2]'::json AS list_json,
                   '\x000102ff'::bytea AS bin, 'happy'::mood AS mood, ARRAY[1, 2] AS list,
                   'a "quoted" text, ñandú' AS txt, '6ecd8c99-4036-403d-bf84-cf8400f67836'::uuid AS id, interval '1 day 2 hours' AS span
            """;

        var result = await Host().Runner.RunAsync(company.Company, "erp", Sql, CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo("""
            [[42,9007199254740993,12.50,0.1,"NaN",1e+300,7.25,true,false,null,"2024-02-29","2024-02-29T13:45:00.5","2024-02-29T13:45:00+00:00","infinity","08:30:00",{"a":[1,2.50],"b":null},[1,2],"AAEC/w==","happy","{1,2}","a \"quoted\" text, ñandú","6ecd8c99-4036-403d-bf84-cf8400f67836","1 day 02:00:00"]]
            """));
        Assert.That(result.Columns.Select(c => $"{c.Name}:{c.Type}"), Is.EqualTo(new[]
        {
            "int:integer", "big:bigint", "dec:numeric(10,2)", "dbl:double precision", "nan:numeric", "huge:double precision", "money_domain:numeric(10,2)",
            "yes:boolean", "no:boolean", "nothing:text", "day:date", "local_time:timestamp without time zone",
            "utc_time:timestamp with time zone", "forever:timestamp with time zone", "at:time without time zone",
            "doc:jsonb", "list_json:json", "bin:bytea", "mood:public.mood", "list:integer[]", "txt:text", "id:uuid", "span:interval",
        }));
        Assert.That(result.RowCount, Is.EqualTo(1));
        Assert.That(result.Truncated, Is.False);
    }

    [Test]
    public async Task ToToolJson_SmallResult_HoldsColumnsOnceThenRows()
    {
        var company = Company();

        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT id, name, country FROM customers WHERE id <= 2 ORDER BY id;", CancellationToken.None);

        Assert.That(result.ToToolJson(), Is.EqualTo("""
            {"columns":[{"name":"id","type":"integer"},{"name":"name","type":"text"},{"name":"country","type":"character(2)"}],"rows":[[1,"Customer 1","US"],[2,"Customer 2","CL"]],"row_count":2}
            """));
        Assert.That(result.Database, Is.EqualTo("erp"));
        Assert.That(result.Elapsed, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task RunAsync_ExplainAndShow_Run()
    {
        var company = Company();
        var runner = Host().Runner;

        var plan = await runner.RunAsync(company.Company, "erp", "EXPLAIN (COSTS OFF) SELECT * FROM orders WHERE id = 1", CancellationToken.None);
        var values = await runner.RunAsync(company.Company, "erp", "VALUES (1, 'a'), (2, 'b')", CancellationToken.None);
        var table = await runner.RunAsync(company.Company, "erp", "TABLE customers", CancellationToken.None);

        Assert.That(plan.Columns.Single().Name, Is.EqualTo("QUERY PLAN"));
        Assert.That(plan.Rows, Does.Contain("Index Scan using orders_pkey on orders"));
        Assert.That(values.Rows, Is.EqualTo("[[1,\"a\"],[2,\"b\"]]"));
        Assert.That(table.RowCount, Is.EqualTo(50));
    }

    [Test]
    public async Task RunAsync_UnknownColumn_ReturnsPostgresMessageHintAndPosition()
    {
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", "SELECT id,\n       nme\nFROM customers", CancellationToken.None)))!;

        Assert.That(error.Message, Is.EqualTo("""
            PostgreSQL error 42703: column "nme" does not exist
            Hint: Perhaps you meant to reference the column "customers.name".
            Position: line 2, column 8, near "nme"
            """));
        Assert.That(error.SqlState, Is.EqualTo("42703"));
        Assert.That(error.Position, Is.EqualTo(19));
    }

    [Test]
    public async Task RunAsync_ErrorAtRuntime_HasNoPositionButPostgresDetail()
    {
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(
            company.Company, "erp", "SELECT CAST(notes AS int) FROM orders WHERE id = 1 UNION ALL SELECT 1 / 0", CancellationToken.None)))!;

        Assert.That(error.Message, Is.EqualTo("PostgreSQL error 22012: division by zero"));
        Assert.That(error.Position, Is.Null);
    }

    [TestCase("SELECT * FROM nowhere", "PostgreSQL error 42P01: relation \"nowhere\" does not exist\nPosition: line 1, column 15, near \"nowhere\"")]
    [TestCase("SELEC 1", "Only read-only queries can run: the statement must start with SELECT, WITH, VALUES, TABLE, EXPLAIN (without ANALYZE) or SHOW, but it starts with SELEC.")]
    [TestCase("SELECT 1 +", "PostgreSQL error 42601: syntax error at end of input\nPosition: line 1, column 11 (end of line)")]
    public async Task RunAsync_BadQuery_ErrorIsReadable(string sql, string message)
    {
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", sql, CancellationToken.None)))!;

        Assert.That(error.Message, Is.EqualTo(message));
    }

    [TestCase("SELECT * FROM nowhere")]
    [TestCase("SELECT pg_sleep(5)")]
    [TestCase("SELECT 1; SELECT 2")]
    [TestCase("SELECT 1/0")]
    [TestCase("DROP TABLE orders")]
    public async Task RunAsync_AnyError_RevealsNoSecretHostOrStackTrace(string sql)
    {
        var company = Company();

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", sql, CancellationToken.None)))!;

        Assert.That(error.Message, Does.Not.Contain(Password).And.Not.Contain(Role).And.Not.Contain(Database.Name));
        Assert.That(error.Message, Does.Not.Contain("127.0.0.1").And.Not.Contain("Host=").And.Not.Contain("postgresql://"));
        Assert.That(error.Message, Does.Not.Contain("   at ").And.Not.Contain("Npgsql").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task RunAsync_Logs_HoldTheQueryOnlyAtTraceAndNeverThePassword()
    {
        var company = Company();
        var host = Host();
        const string Marker = "marker_4711";

        await host.Runner.RunAsync(company.Company, "erp", $"SELECT '{Marker}' AS ok", CancellationToken.None);
        await Assert.ThrowsAsync<SqlQueryException>(() => host.Runner.RunAsync(company.Company, "erp", $"SELECT {Marker} FROM customers", CancellationToken.None));
        await Assert.ThrowsAsync<SqlQueryException>(() => host.Runner.RunAsync(company.Company, "erp", $"SELECT 1; SELECT '{Marker}'", CancellationToken.None));

        var entries = host.Logs.Entries;
        Assert.That(entries.Where(e => e.Level > Microsoft.Extensions.Logging.LogLevel.Trace && e.Message.Contains(Marker, StringComparison.Ordinal)), Is.Empty);
        Assert.That(entries.Count(e => e.EventId == 1407), Is.EqualTo(2), "the SQL that ran is at Trace");
        Assert.That(entries.Select(e => e.EventId), Does.Contain(1404).And.Contain(1405).And.Contain(1406));
        Assert.That(entries.Where(e => e.Message.Contains(Password, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task RunAsync_UnknownDatabase_ListsTheCompanysDatabases()
    {
        var company = Company("""
            data_sources:
              sql:
                - { database: erp, connection_string_env: ACME_ERP_URI }
                - { database: crm, connection_string_env: ACME_CRM_URI }
            """);

        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "warehouse", "SELECT 1", CancellationToken.None)))!;

        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SqlError));
        Assert.That(error.Message, Is.EqualTo("Unknown database 'warehouse'. The databases of this company are: crm, erp."));
    }

    [Test]
    public async Task RunAsync_AtSignsAndColons_ReachPostgresUnchanged()
    {
        var company = Company();

        // Npgsql would read @name and :name as parameters if the text were rewritten; it is sent as written.
        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT @ -5 AS absolute, 'a@b:c' AS mail, 2::text AS cast, count(*) FILTER (WHERE id > 1) AS n FROM customers", CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo("""[[5,"a@b:c","2",49]]"""));
    }

    [Test]
    public async Task RunAsync_DatabaseNameInOtherCase_FindsTheSource()
    {
        var company = Company();

        var result = await Host().Runner.RunAsync(company.Company, "ERP", "SELECT 1 AS one", CancellationToken.None);

        Assert.That(result.Database, Is.EqualTo("erp"));
        Assert.That(JsonDocument.Parse(result.Rows).RootElement[0][0].GetInt32(), Is.EqualTo(1));
    }
}

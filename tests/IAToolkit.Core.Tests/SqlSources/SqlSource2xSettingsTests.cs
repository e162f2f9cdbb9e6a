using System.Diagnostics;
using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// IAToolkit 2.x's <c>data_sources.sql[].schema</c> and <c>.timeout</c>: the schema is searched first (its tables named
/// without a schema, in the context and in queries), and the timeout replaces the host's statement limit for that
/// database only.
/// </summary>
public sealed class SqlSource2xSettingsTests : SqlSourceTest
{
    private const string WithSchema = """
        data_sources:
          sql:
            - database: erp
              connection_string_secret_ref: ACME_ERP_URI
              include_all_tables: true
              schema: billing
              timeout: 3
        """;

    [SetUp]
    public async Task CreateTwoSchemasAsync()
    {
        await AsAdminAsync($"CREATE SCHEMA billing AUTHORIZATION {Role}");
        await AsRoleAsync("""
            CREATE TABLE public.invoices (id int PRIMARY KEY, origin text);
            INSERT INTO public.invoices VALUES (1, 'public');
            CREATE TABLE billing.invoices (id int PRIMARY KEY, origin text, amount numeric);
            INSERT INTO billing.invoices VALUES (1, 'billing', 10), (2, 'billing', 20)
            """);
    }

    [Test]
    public async Task RunAsync_SchemaGiven_UnqualifiedNamesAreThatSchemasTables()
    {
        var company = Company(WithSchema);

        var result = await Host().Runner.RunAsync(company.Company, "erp", "SELECT origin, count(*) AS n FROM invoices GROUP BY origin", CancellationToken.None);

        var json = result.Rows;
        Assert.That(json, Does.Contain("billing").And.Not.Contain("public"), json);
    }

    [Test]
    public async Task DescribeAsync_SchemaGiven_NamesItsTablesWithoutASchemaAndOthersWithOne()
    {
        var company = Company(WithSchema);

        var text = await Host().Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        Assert.That(text, Does.Contain("invoices").And.Contain("amount"));
        Assert.That(text, Does.Contain("public.invoices"), text);
        Assert.That(text, Does.Not.Contain("billing.invoices"), text);
    }

    [Test]
    public async Task RunAsync_TimeoutGiven_IsThisDatabasesStatementLimit()
    {
        // The test host's own limit is 1 s; this database allows 3 s.
        var company = Company(WithSchema);
        var stopwatch = Stopwatch.StartNew();

        await Host().Runner.RunAsync(company.Company, "erp", "SELECT pg_sleep(1.5)", CancellationToken.None);
        var error = (await Assert.ThrowsAsync<SqlQueryException>(() => Host().Runner.RunAsync(company.Company, "erp", "SELECT pg_sleep(60)", CancellationToken.None)))!;

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(error.SqlState, Is.EqualTo("57014"));
        Assert.That(error.Message, Does.Contain("after the 3 s limit"));
    }

    [Test]
    public async Task DescribeAsync_TableFileOfTheDatabase_MergesItsDescriptionsIntoTheTable()
    {
        const string TableFile = """
            invoices:
              description: Invoices sent to customers, one row per invoice.
              columns:
                amount: { type: numeric, description: Total with taxes in euros }
                origin:
                  type: jsonb
                  description: Where the invoice came from
                  properties: { channel: { type: string }, campaign: { type: string } }
            """;
        var company = Company(WithSchema, ("schema/erp-invoices.yaml", TableFile), ("schema/board.yaml", "board:\n  description: Board members payload\n"));

        var text = await Host().Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        Assert.That(text, Does.Contain("Invoices sent to customers, one row per invoice."), text);
        Assert.That(text, Does.Contain("`amount` numeric: Total with taxes in euros"), text);
        var other = text[text.IndexOf("### Table `public.invoices`", StringComparison.Ordinal)..];
        Assert.That(other, Does.Not.Contain("Invoices sent to customers"), "the file describes the table of the first schema only");
        Assert.That(text, Does.Contain("Where the invoice came from (JSON with channel, campaign)"), text);
        var files = company.Company.Configuration.SchemaFiles;
        Assert.That(files.Single(f => f.EntityName == "invoices").Database, Is.EqualTo("erp"));
        Assert.That(files.Single(f => f.EntityName == "board").Table, Is.Null, "a file without a dash is an additional schema");
    }
}

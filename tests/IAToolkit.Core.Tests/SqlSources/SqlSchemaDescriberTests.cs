using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

public sealed class SqlSchemaDescriberTests : SqlSourceTest
{
    private const string Schema = """
        CREATE TABLE erp_customers (id serial PRIMARY KEY, name text NOT NULL, email text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
        COMMENT ON TABLE erp_customers IS 'Customers who bought at least once.';
        COMMENT ON COLUMN erp_customers.email IS 'Contact address,
        may be empty';
        CREATE TABLE erp_orders (
            id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES erp_customers (id), total numeric(12,2) NOT NULL,
            status char(1) NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), pdf_blob bytea);
        CREATE TABLE erp_order_lines (order_id int REFERENCES erp_orders (id), line_no int, sku text NOT NULL, PRIMARY KEY (order_id, line_no));
        CREATE TABLE erp_audit_log (id bigserial PRIMARY KEY, event text);
        CREATE VIEW erp_open_orders AS SELECT id, customer_id, total FROM erp_orders WHERE status = 'O';
        CREATE SCHEMA sales;
        CREATE TABLE sales.targets (region text PRIMARY KEY, amount numeric);
        CREATE TABLE "Odd Name" ("Weird Col" int)
        """;

    private const string Rules = """
        data_sources:
          sql:
            - database: erp
              connection_string_env: ACME_ERP_URI
              description: |
                Sales and orders of ACME,
                since 2020.
              include_all_tables: true
              exclude_tables: [erp_audit_log]
              exclude_columns: [created_at, updated_at]
              table_prefix: erp_
              tables:
                erp_orders:
                  schema_name: order
                  exclude_columns: [pdf_blob]
                  description: One row per order; status O open, P paid.
        """;

    private static readonly (string, string) s_customerSchema = ("schema/customers.yaml", "customers:\n  description: A customer.\n  id: { type: integer, description: Key }\n");

    [SetUp]
    public Task CreateSchemaAsync() => AsAdminAsync($"GRANT CREATE ON DATABASE {Database.Name} TO {Role}; SET ROLE {Role}; {Schema}; RESET ROLE");

    [Test]
    public async Task DescribeAsync_AllTablesWithRules_WritesCompactDeterministicMarkdown()
    {
        var company = Company(Rules, s_customerSchema);

        var text = await Host().Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        TestContext.Out.WriteLine(text);
        Assert.That(text, Is.EqualTo("""
            ## Database `erp`
            Sales and orders of ACME, since 2020.
            PostgreSQL, read-only: query it with the `iat_sql_query` tool and `database: "erp"`.
            Columns read: name type [NOT NULL] [PK] [→ referenced table.column]: comment.

            ### Table `"Odd Name"`
            - `"Weird Col"` integer

            ### Table `erp_customers` (customers)
            Customers who bought at least once.
            Field details: see the schema object `customers`.
            - `id` integer PK
            - `name` text NOT NULL
            - `email` text: Contact address, may be empty

            ### View `erp_open_orders` (open_orders)
            - `id` integer
            - `customer_id` integer
            - `total` numeric(12,2)

            ### Table `erp_order_lines` (order_lines)
            - `order_id` integer PK → erp_orders.id
            - `line_no` integer PK
            - `sku` text NOT NULL

            ### Table `erp_orders` (orders)
            One row per order; status O open, P paid.
            Field details: see the schema object `order`.
            - `id` integer PK
            - `customer_id` integer NOT NULL → erp_customers.id
            - `total` numeric(12,2) NOT NULL
            - `status` character(1) NOT NULL
            - `created_at` timestamp with time zone NOT NULL

            ### Table `sales.targets`
            - `region` text PK
            - `amount` numeric

            """));
    }

    [Test]
    public async Task DescribeAsync_OnlyListedTables_DescribesTheKeysOfTablesAndWarnsAboutAMissingOne()
    {
        var company = Company("""
            data_sources:
              sql:
                - database: erp
                  connection_string_env: ACME_ERP_URI
                  exclude_columns: [created_at]
                  tables:
                    erp_customers:
                      exclude_columns: []
                    sales.targets:
                      description: Yearly sales targets by region.
                    erp_missing:
            """);
        var host = Host();

        var text = await host.Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        Assert.That(text, Is.EqualTo("""
            ## Database `erp`
            PostgreSQL, read-only: query it with the `iat_sql_query` tool and `database: "erp"`.
            Columns read: name type [NOT NULL] [PK] [→ referenced table.column]: comment.

            ### Table `erp_customers`
            Customers who bought at least once.
            - `id` integer PK
            - `name` text NOT NULL
            - `email` text: Contact address, may be empty
            - `created_at` timestamp with time zone NOT NULL
            - `updated_at` timestamp with time zone

            ### Table `sales.targets`
            Yearly sales targets by region.
            - `region` text PK
            - `amount` numeric

            """));
        Assert.That(host.Logs.Entries.Single(e => e.EventId == 1410).Message, Is.EqualTo(
            "companies/acme/config/company.yaml: data_sources.sql[0].tables.erp_missing names the table erp_missing, which company acme database erp does not have (or the tool's role cannot read)"));
    }

    [Test]
    public async Task DescribeAsync_RoleReadsOnlySomeTablesAndColumns_DescribesOnlyThose()
    {
        await AsAdminAsync($"""
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {Role};
            ALTER TABLE erp_customers OWNER TO postgres; ALTER TABLE erp_orders OWNER TO postgres; ALTER TABLE erp_order_lines OWNER TO postgres;
            ALTER TABLE erp_audit_log OWNER TO postgres; ALTER VIEW erp_open_orders OWNER TO postgres; ALTER TABLE "Odd Name" OWNER TO postgres;
            ALTER SCHEMA sales OWNER TO postgres; ALTER TABLE sales.targets OWNER TO postgres;
            GRANT SELECT ON erp_customers TO {Role};
            GRANT SELECT (id, total) ON erp_orders TO {Role};
            GRANT SELECT ON sales.targets TO {Role}
            """);
        var company = Company(SqlTestCompany.Erp);

        var text = await Host().Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        Assert.That(text, Does.EndWith("""

            ### Table `erp_customers`
            Customers who bought at least once.
            - `id` integer PK
            - `name` text NOT NULL
            - `email` text: Contact address, may be empty
            - `created_at` timestamp with time zone NOT NULL
            - `updated_at` timestamp with time zone

            ### Table `erp_orders`
            - `id` integer PK
            - `total` numeric(12,2) NOT NULL

            """), "no other table, no hidden column, and nothing of the schema sales, which the role may not use");
    }

    [Test]
    public async Task DescribeAsync_SameDatabaseAndConfiguration_GivesTheSameBytes()
    {
        var company = Company(Rules, s_customerSchema);
        var noCache = new Dictionary<string, string?> { [$"{SqlToolOptions.SectionName}:SchemaCacheDuration"] = "00:00:00" };

        var first = await Host(settings: noCache).Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);
        // Changes that do not alter what is described: a table dropped and created again (new oid), statistics.
        await AsRoleAsync("DROP TABLE sales.targets; CREATE TABLE sales.targets (region text PRIMARY KEY, amount numeric); ANALYZE");
        var second = await Host(settings: noCache).Describer.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task DescribeAsync_WithinTheCacheTime_ReusesTheText()
    {
        var company = Company(Rules);
        var cached = Host().Describer;
        var uncached = Host(settings: new Dictionary<string, string?> { [$"{SqlToolOptions.SectionName}:SchemaCacheDuration"] = "00:00:00" }).Describer;
        var before = await cached.DescribeAsync(company.Company, company.Source(), CancellationToken.None);

        await AsRoleAsync("CREATE TABLE erp_invoices (id int PRIMARY KEY)");

        Assert.That(await cached.DescribeAsync(company.Company, company.Source(), CancellationToken.None), Is.EqualTo(before));
        Assert.That(await uncached.DescribeAsync(company.Company, company.Source(), CancellationToken.None), Does.Contain("### Table `erp_invoices` (invoices)"));
    }
}

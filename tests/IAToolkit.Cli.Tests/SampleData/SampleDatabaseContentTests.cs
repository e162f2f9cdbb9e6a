using Npgsql;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>The populated sample database answers the questions the assistant will be asked, sensibly, with plain SQL.</summary>
public sealed class SampleDatabaseContentTests
{
    private const string Revenue = "SUM(d.unit_price * d.quantity * (1 - d.discount))";

    private static readonly (string Table, string Column, string Parent, string Key)[] s_foreignKeys =
    [
        ("products", "supplier_id", "suppliers", "supplier_id"),
        ("products", "category_id", "categories", "category_id"),
        ("employees", "reports_to", "employees", "employee_id"),
        ("territories", "region_id", "regions", "region_id"),
        ("employee_territories", "employee_id", "employees", "employee_id"),
        ("employee_territories", "territory_id", "territories", "territory_id"),
        ("orders", "customer_id", "customers", "customer_id"),
        ("orders", "employee_id", "employees", "employee_id"),
        ("orders", "ship_via", "shippers", "shipper_id"),
        ("order_details", "order_id", "orders", "order_id"),
        ("order_details", "product_id", "products", "product_id"),
    ];

    private NpgsqlConnection _connection = null!;

    [SetUp]
    public async Task OpenAsync() => _connection = await SampleDataSetUp.Populated.OpenAsync();

    [TearDown]
    public async Task CloseAsync() => await _connection.DisposeAsync();

    [Test]
    public async Task ForeignKeys_Declared_EveryOneEnforcedWithNoOrphans()
    {
        const string declared = """
            SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """;
        Assert.That(await Scalar<long>(declared), Is.EqualTo(s_foreignKeys.Length));
        foreach (var (table, column, parent, key) in s_foreignKeys)
        {
            // Identifiers from the fixed list above.
            var orphans = await Scalar<long>($"SELECT count(*) FROM {table} c LEFT JOIN {parent} p ON p.{key} = c.{column} WHERE c.{column} IS NOT NULL AND p.{key} IS NULL");
            Assert.That(orphans, Is.Zero, $"{table}.{column} -> {parent}.{key}");
        }
    }

    [Test]
    public async Task TopCustomers2024_ByRevenue_FiveWithPositiveTotals()
    {
        var rows = await SampleTables.RowsAsync(_connection, $"""
            SELECT c.company_name, ROUND({Revenue}, 2) AS revenue
            FROM orders o JOIN order_details d ON d.order_id = o.order_id JOIN customers c ON c.customer_id = o.customer_id
            WHERE o.status <> 'cancelled' AND o.order_date BETWEEN '2024-01-01' AND '2024-12-31'
            GROUP BY c.company_name ORDER BY revenue DESC LIMIT 5
            """);

        var totals = rows.Select(r => (decimal)r[1]!).ToList();
        Assert.That(totals, Has.Count.EqualTo(5).And.All.Positive);
        Assert.That(totals, Is.Ordered.Descending);
        Assert.That(rows.Select(r => (string)r[0]!), Is.Unique);
    }

    [Test]
    public async Task Revenue_PerYear_GrowsEveryYear()
    {
        var rows = await SampleTables.RowsAsync(_connection, $"""
            SELECT EXTRACT(YEAR FROM o.order_date)::int AS year, {Revenue} AS revenue
            FROM orders o JOIN order_details d ON d.order_id = o.order_id
            WHERE o.status <> 'cancelled' GROUP BY 1 ORDER BY 1
            """);

        Assert.That(rows.Select(r => (int)r[0]!), Is.EqualTo(new[] { 2023, 2024, 2025 }));
        var revenue = rows.Select(r => (decimal)r[1]!).ToList();
        Assert.That(revenue, Is.Ordered.Ascending);
        Assert.That(revenue, Is.All.GreaterThan(100_000m));
    }

    [Test]
    public async Task Orders_Every_HasAtLeastOneLineAndADateInThePeriod()
    {
        Assert.That(await Scalar<long>("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_details d WHERE d.order_id = o.order_id)"), Is.Zero);
        Assert.That(await Scalar<long>("SELECT count(*) FROM orders WHERE order_date NOT BETWEEN '2023-01-01' AND '2025-12-31'"), Is.Zero);
        Assert.That(await Scalar<long>("SELECT count(DISTINCT date_trunc('month', order_date)) FROM orders"), Is.EqualTo(36), "every month has orders");
    }

    [Test]
    public async Task Orders_Shipped_NeverBeforeTheOrderAndSomeLate()
    {
        Assert.That(await Scalar<long>("SELECT count(*) FROM orders WHERE shipped_date < order_date"), Is.Zero);
        Assert.That(await Scalar<long>("SELECT count(*) FROM orders WHERE (status = 'shipped') <> (shipped_date IS NOT NULL)"), Is.Zero);
        var late = await SampleTables.RowsAsync(_connection, """
            SELECT ship_via, avg((shipped_date > required_date)::int)::float8 AS late_share
            FROM orders WHERE status = 'shipped' GROUP BY ship_via ORDER BY ship_via
            """);
        Assert.That(late.Select(r => (double)r[1]!).ToList(), Has.Count.EqualTo(3).And.All.InRange(0.01, 0.2), "every carrier is late now and then");
    }

    [Test]
    public async Task Orders_Status_MostlyShippedSomeCancelledSomePending()
    {
        var rows = await SampleTables.RowsAsync(_connection, "SELECT status, count(*) FROM orders GROUP BY status");
        var counts = rows.ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

        Assert.That(counts.Keys, Is.EquivalentTo(new[] { "shipped", "pending", "cancelled" }));
        Assert.That(counts["shipped"], Is.GreaterThan(550));
        Assert.That(await Scalar<DateOnly>("SELECT min(order_date) FROM orders WHERE status = 'pending'"), Is.GreaterThanOrEqualTo(new DateOnly(2025, 12, 1)));
    }

    [Test]
    public async Task Products_Discontinued_NotOrderedAfterJune2024()
    {
        const string sql = """
            SELECT count(*) FROM order_details d JOIN orders o ON o.order_id = d.order_id JOIN products p ON p.product_id = d.product_id
            WHERE p.discontinued AND o.order_date > '2024-06-30'
            """;

        Assert.That(await Scalar<long>("SELECT count(*) FROM products WHERE discontinued"), Is.EqualTo(4));
        Assert.That(await Scalar<long>(sql), Is.Zero);
    }

    [Test]
    public async Task Employees_ReportsTo_OnlyTheVicePresidentHasNoManager()
    {
        var top = await SampleTables.RowsAsync(_connection, "SELECT title FROM employees WHERE reports_to IS NULL");
        var managers = await SampleTables.RowsAsync(_connection, "SELECT DISTINCT m.title FROM employees e JOIN employees m ON m.employee_id = e.reports_to ORDER BY 1");

        Assert.That(top.Select(r => (string)r[0]!), Is.EqualTo(new[] { "Vice President, Sales" }));
        Assert.That(managers.Select(r => (string)r[0]!), Is.EqualTo(new[] { "Sales Manager, Americas", "Sales Manager, Europe", "Vice President, Sales" }));
    }

    [Test]
    public async Task SupplierReport_AnySupplier_HasProductsThatSold()
    {
        const string sql = """
            SELECT count(*) FROM suppliers s WHERE NOT EXISTS (
                SELECT 1 FROM products p JOIN order_details d ON d.product_id = p.product_id WHERE p.supplier_id = s.supplier_id)
            """;

        Assert.That(await Scalar<long>(sql), Is.Zero, "the supplier_report prompt works for every supplier id");
    }

    private Task<T> Scalar<T>(string sql) => SampleTables.ScalarAsync<T>(_connection, sql);
}

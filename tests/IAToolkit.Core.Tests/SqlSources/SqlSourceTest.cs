using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// A throwaway database with a login role of its own (not a superuser) that owns the test tables, so nothing but the
/// tool's read-only transaction stands between a query and the data. The company's variable carries a password, to
/// prove that no message repeats it (the local server trusts loopback, so it is not checked).
/// </summary>
public abstract class SqlSourceTest : DatabaseTest
{
    protected const string Password = "s3cret-pw-0042";

    private readonly List<IDisposable> _owned = [];

    /// <summary>The role the company's connection string logs in as.</summary>
    protected string Role { get; private set; } = string.Empty;

    /// <summary>A <c>postgresql://</c> URL for the test database as <see cref="Role"/>, with a password.</summary>
    protected string RoleUri { get; private set; } = string.Empty;

    [SetUp]
    public async Task CreateRoleAsync()
    {
        Role = "iat_sql_" + Guid.NewGuid().ToString("N")[..12];
        var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        RoleUri = $"postgresql://{Role}:{Password}@{target.Host}:{target.Port}/{Database.Name}";
        await AsAdminAsync($"CREATE ROLE {Role} LOGIN; ALTER ROLE {Role} SET timezone = 'UTC'; GRANT CREATE ON SCHEMA public TO {Role}");
    }

    [TearDown]
    public async Task DropRoleAsync()
    {
        try
        {
            foreach (var item in Enumerable.Reverse(_owned))
            {
                item.Dispose();
            }
        }
        finally
        {
            // Roles belong to the whole server: drop it even when a disposal failed.
            _owned.Clear();
            NpgsqlConnection.ClearAllPools();
            await AsAdminAsync($"DROP OWNED BY {Role}; DROP ROLE IF EXISTS {Role}");
        }
    }

    /// <summary>Runs SQL in the test database as the superuser.</summary>
    protected async Task AsAdminAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs SQL in the test database as <see cref="Role"/>, so that it owns what the SQL creates.</summary>
    protected Task AsRoleAsync(string sql) => AsAdminAsync($"SET ROLE {Role}; {sql}; RESET ROLE");

    /// <summary>Reads one value in the test database as the superuser.</summary>
    protected async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A host whose company variable <c>ACME_ERP_URI</c> is <paramref name="uri"/> (default <see cref="RoleUri"/>), disposed after the test.</summary>
    private protected SqlTestHost Host(string? uri = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ACME_ERP_URI"] = uri ?? RoleUri };
        return Own(new SqlTestHost(all));
    }

    /// <summary>The company <c>acme</c> with the given data_sources section (default <see cref="SqlTestCompany.Erp"/>), disposed after the test.</summary>
    private protected SqlTestCompany Company(string sections = SqlTestCompany.Erp, params (string Path, string Text)[] files)
        => Own(SqlTestCompany.Create(sections, "acme", files));

    protected T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}

using IAToolkit.Testing;
using Npgsql;

namespace IAToolkit.Core.Tests.SqlSources;

/// <summary>
/// A throwaway database with the sample tables, owned by the server's admin, and the company's source connecting as a
/// <see cref="ReadOnlyRole"/>: the role an operator gives the SQL tool, which must refuse what the guard might miss.
/// </summary>
public abstract class SqlReaderRoleTest : DatabaseTest
{
    private ReadOnlyRole? _reader;
    private SqlTestCompany? _company;
    private SqlTestHost? _host;

    protected ReadOnlyRole Reader => _reader ?? throw new InvalidOperationException("Created in SetUp.");

    private protected SqlTestCompany Company => _company ?? throw new InvalidOperationException("Created in SetUp.");

    private protected SqlTestHost Host => _host ?? throw new InvalidOperationException("Created in SetUp.");

    /// <summary>Settings for the host besides the company variable (e.g. a longer statement timeout).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public async Task CreateReaderAsync()
    {
        await AsAdminAsync(SqlSampleData.Create);
        _reader = await ReadOnlyRole.CreateAsync(Database);
        _company = SqlTestCompany.Create(SqlTestCompany.Erp);
        _host = new SqlTestHost(new Dictionary<string, string?>(Settings) { ["ACME_ERP_URI"] = _reader.Uri });
    }

    [TearDown]
    public async Task DropReaderAsync()
    {
        _host?.Dispose();
        _company?.Dispose();
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
    }

    /// <summary>Runs SQL in the test database as the server's admin.</summary>
    protected async Task AsAdminAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one value in the test database as the server's admin.</summary>
    protected async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="sql"/> as the reader role, outside the tool (no guard, no transaction, no cursor); returns PostgreSQL's error.</summary>
    protected async Task<PostgresException?> AsReaderAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(IAToolkit.Configuration.DatabaseUri.ToConnectionString(Reader.Uri));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex)
        {
            return ex;
        }
    }
}

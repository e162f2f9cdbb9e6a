using IAToolkit.Configuration;
using Npgsql;

namespace IAToolkit.Testing;

/// <summary>A throwaway database on the local PostgreSQL, dropped on dispose, so tests never share state.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString, string uri)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
        Uri = uri;
    }

    /// <summary>The database name, e.g. <c>iat_test_3f2a…</c>.</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string for the database.</summary>
    public string ConnectionString { get; }

    /// <summary>A <c>postgresql://</c> URL for the database, as <c>DATABASE_URI</c> takes it.</summary>
    public string Uri { get; }

    /// <summary>Creates an empty database (no tables, no extensions).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(DatabaseUri.ToConnectionString(TestServices.DatabaseUri));
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        var name = "iat_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        var uri = $"postgresql://{System.Uri.EscapeDataString(target.Username ?? "postgres")}"
            + (string.IsNullOrEmpty(target.Password) ? string.Empty : ":" + System.Uri.EscapeDataString(target.Password))
            + $"@{target.Host}:{target.Port}/{name}";
        return new TestDatabase(admin.ConnectionString, name, target.ConnectionString, uri);
    }

    /// <summary>Opens a connection to the database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Drops <paramref name="database"/> if the test got as far as creating it.</summary>
    public static ValueTask DropAsync(TestDatabase? database) => database?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Drops the database, closing any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

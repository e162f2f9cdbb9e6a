using Npgsql;

namespace IAToolkit.Testing;

/// <summary>
/// A login role that can only read one test database, created the way the README (and <c>./dev</c> for the sample)
/// tells an operator to create the SQL tool's role: CONNECT on the database, USAGE on <c>public</c>, SELECT on its
/// tables, and SELECT on tables the owner creates later. Dropped on dispose (roles belong to the whole server).
/// </summary>
public sealed class ReadOnlyRole : IAsyncDisposable
{
    /// <summary>The password the role is given; the local server trusts loopback, so it is not checked there.</summary>
    public const string Password = "reader-pw-0042";

    private readonly TestDatabase _database;

    private ReadOnlyRole(TestDatabase database, string name, string uri)
    {
        _database = database;
        Name = name;
        Uri = uri;
    }

    /// <summary>The role's name, e.g. <c>iat_reader_3f2a…</c>.</summary>
    public string Name { get; }

    /// <summary>A <c>postgresql://</c> URL for the database as this role.</summary>
    public string Uri { get; }

    /// <summary>
    /// The SQL that creates such a role for <paramref name="database"/>, whose tables <paramref name="owner"/> creates.
    /// Idempotent but for CREATE ROLE; the README shows the same statements.
    /// </summary>
    public static string CreateSql(string role, string password, string database, string owner) => $"""
        CREATE ROLE {role} LOGIN PASSWORD '{password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
        ALTER ROLE {role} SET default_transaction_read_only = on;
        GRANT CONNECT ON DATABASE {database} TO {role};
        GRANT USAGE ON SCHEMA public TO {role};
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT SELECT ON TABLES TO {role};
        """;

    /// <summary>Creates a read-only role for <paramref name="database"/>; run it after or before the tables are created (the owner is the server's admin user).</summary>
    public static async Task<ReadOnlyRole> CreateAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var name = "iat_reader_" + Guid.NewGuid().ToString("N")[..12];
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await ExecuteAsync(database, CreateSql(name, Password, database.Name, target.Username ?? "postgres"));
        return new ReadOnlyRole(database, name, $"postgresql://{name}:{Password}@{target.Host}:{target.Port}/{database.Name}");
    }

    /// <summary>Drops the role and what was granted to it.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_database, $"DROP OWNED BY {Name}; DROP ROLE IF EXISTS {Name}");
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

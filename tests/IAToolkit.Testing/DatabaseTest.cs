using NUnit.Framework;

namespace IAToolkit.Testing;

/// <summary>A fixture whose every test gets its own empty database on the local PostgreSQL, dropped afterwards.</summary>
public abstract class DatabaseTest
{
    private TestDatabase? _database;

    /// <summary>The current test's database.</summary>
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in SetUp.");

    /// <summary>Creates the database.</summary>
    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await TestDatabase.CreateAsync();

    /// <summary>Drops the database, if the test got as far as creating it.</summary>
    [TearDown]
    public async Task DropDatabaseAsync()
    {
        await TestDatabase.DropAsync(_database);
        _database = null;
    }
}

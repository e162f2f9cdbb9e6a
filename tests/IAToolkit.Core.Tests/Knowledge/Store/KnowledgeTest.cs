using Dapper;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Database;
using IAToolkit.Database.Migrations;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Knowledge.Store;

/// <summary>A migrated throwaway database with the store and the search over it, and companies made on demand.</summary>
public abstract class KnowledgeTest : DatabaseTest
{
    private CoreDatabase? _core;

    internal CoreDatabase Core => _core ?? throw new InvalidOperationException("The core database is opened in SetUp.");

    internal KnowledgeStore Store { get; private set; } = null!;

    internal KnowledgeSearch Search { get; private set; } = null!;

    [SetUp]
    public async Task MigrateAsync()
    {
        _core = new CoreDatabase(Options.Create(new DatabaseOptions { ConnectionString = Database.Uri }), NullLoggerFactory.Instance);
        await new MigrationRunner(_core).MigrateAsync(CancellationToken.None);
        Store = new KnowledgeStore(_core, new CompanyVectorIndexes(_core, NullLogger<CompanyVectorIndexes>.Instance), NullLogger<KnowledgeStore>.Instance);
        Search = new KnowledgeSearch(_core, NullLogger<KnowledgeSearch>.Instance);
    }

    [TearDown]
    public async Task CloseAsync()
    {
        if (_core is not null)
        {
            await _core.DisposeAsync();
            _core = null;
        }
    }

    /// <summary>A company with a row in iat_companies, as the host would load it.</summary>
    internal async Task<Company> CompanyAsync(string shortName, string locale = "en_US")
    {
        await using var connection = await Database.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO iat_companies (short_name, name, locale) VALUES (@ShortName, @ShortName, @Locale) RETURNING id", new { ShortName = shortName, Locale = locale });
        var implementation = new AcmeCompany();
        var configuration = new CompanyConfiguration { Id = shortName, Name = shortName, Locale = locale };
        return new Company(id, shortName, Path.GetTempPath(), configuration, implementation);
    }

    internal Task<long> SaveAsync(Company company, DocumentToStore document, int dimensions = KnowledgeData.Dimensions)
        => Store.SaveAsync(company, document, dimensions, CancellationToken.None);

    internal Task<IReadOnlyList<SearchHit>> SearchAsync(
        Company company, string query, float[] vector, int limit = 10, IReadOnlyDictionary<string, string>? filter = null)
        => Search.SearchAsync(company, query, vector, limit, filter, CancellationToken.None);

    internal async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }
}

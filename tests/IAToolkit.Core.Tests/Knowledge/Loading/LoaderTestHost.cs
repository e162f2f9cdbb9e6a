using Dapper;
using IAToolkit.Companies;
using IAToolkit.Hosting;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IAToolkit.Core.Tests.Knowledge.Loading;

/// <summary>
/// A real host (<c>AddIAToolkitCore()</c>, started and migrated as in Development) over a throwaway database and a
/// temporary content root whose companies each have two local document sources, <c>manuals</c> and <c>contracts</c>,
/// under <c>companies/&lt;name&gt;/docs/</c>. Documents are embedded by the in-process local model.
/// </summary>
internal sealed class LoaderTestHost : IAsyncDisposable
{
    private readonly TempContentRoot _root;
    private readonly TestDatabase _database;
    private readonly IHost _host;

    private LoaderTestHost(TempContentRoot root, TestDatabase database, IHost host)
    {
        _root = root;
        _database = database;
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public KnowledgeLoader Loader => Services.GetRequiredService<KnowledgeLoader>();

    public static async Task<LoaderTestHost> StartAsync(IDictionary<string, string?>? settings = null, params string[] companies)
    {
        companies = companies.Length == 0 ? ["acme"] : companies;
        var root = new TempContentRoot();
        var database = await TestDatabase.CreateAsync();
        var configuration = new Dictionary<string, string?> { ["IAToolkit:Environment"] = "development" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = TestHost.CreateBuilder(root.Path, database.Uri, "Development", configuration);
        var toolkit = builder.AddIAToolkitCore();
        foreach (var name in companies)
        {
            root.WriteCompany(name, TempContentRoot.MinimalYaml(name) + $"""

                knowledge_base:
                  document_sources:
                    manuals:
                      path: companies/{name}/docs/manuals
                      metadata:
                        type: manual
                    contracts:
                      path: companies/{name}/docs/contracts
                      metadata:
                        type: contract
                """);
            Directory.CreateDirectory(Path.Combine(root.Path, "companies", name, "docs", "manuals"));
            Directory.CreateDirectory(Path.Combine(root.Path, "companies", name, "docs", "contracts"));
            toolkit.RegisterCompany<LoaderTestCompany>(name);
        }

        var host = builder.Build();
        await host.Services.GetRequiredService<IAToolkitStartup>().EnsureStartedAsync(CancellationToken.None);
        return new LoaderTestHost(root, database, host);
    }

    public Company Company(string name = "acme") => Services.GetRequiredService<ICompanyCatalog>().GetRequired(name);

    /// <summary>The path of a file of a source.</summary>
    public string PathOf(string source, string fileName, string company = "acme")
        => Path.Combine(_root.Path, "companies", company, "docs", source, fileName);

    public string Write(string source, string fileName, byte[] content, string company = "acme")
    {
        var path = PathOf(source, fileName, company);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string source, string fileName, string text, string company = "acme")
        => Write(source, fileName, System.Text.Encoding.UTF8.GetBytes(text), company);

    public Task<IReadOnlyList<SourceLoadSummary>> LoadAsync(string company = "acme", string? source = null, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
        => Loader.LoadAsync(Company(company), source, progress, cancellationToken);

    /// <summary>The company's documents as (source, path, chunk_count), in path order.</summary>
    public async Task<IReadOnlyList<(string Source, string Path, int Chunks)>> DocumentsAsync(string company = "acme")
    {
        await using var connection = await _database.OpenAsync();
        return [.. await connection.QueryAsync<(string, string, int)>(
            "SELECT d.source, d.path, d.chunk_count FROM iat_documents d WHERE d.company_id = @Id ORDER BY d.source, d.path",
            new { Company(company).Id })];
    }

    /// <summary>The company's chunks as (id, document path, text), in id order.</summary>
    public async Task<IReadOnlyList<(long Id, string Path, string Text)>> ChunksAsync(string company = "acme")
    {
        await using var connection = await _database.OpenAsync();
        return [.. await connection.QueryAsync<(long, string, string)>(
            "SELECT c.id, d.path, c.text FROM iat_chunks c JOIN iat_documents d ON d.id = c.document_id WHERE c.company_id = @Id ORDER BY c.id",
            new { Company(company).Id })];
    }

    /// <summary>The company's best passages for a question, through the hybrid search the assistant uses.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, string company = "acme")
    {
        var target = Company(company);
        var vector = await Services.GetRequiredService<EmbeddingService>().EmbedQueryAsync(target, query, CancellationToken.None);
        return await Services.GetRequiredService<KnowledgeSearch>().SearchAsync(target, query, vector, 5, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
        _root.Dispose();
    }

    private sealed class LoaderTestCompany : CompanyBase;
}

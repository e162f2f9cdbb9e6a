using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Core.Tests.Companies;
using IAToolkit.Core.Tests.Mail;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>
/// A throwaway content root holding <c>companies/acme/</c> with the given knowledge_base section, and the connector
/// factory as <c>AddIAToolkitCore()</c> registers it over the given settings (the host is built, not started).
/// </summary>
internal sealed class ConnectorTestHost : IDisposable
{
    private readonly IHost _host;

    public ConnectorTestHost(string knowledgeBaseYaml, IDictionary<string, string?>? settings = null, bool development = true)
        : this(NewContentRoot(), "acme", knowledgeBaseYaml, settings, development)
    {
    }

    private ConnectorTestHost(string contentRoot, string shortName, string? knowledgeBaseYaml, IDictionary<string, string?>? settings, bool development, string? companyFolder = null)
    {
        ContentRoot = contentRoot;
        CompanyFolder = companyFolder ?? Path.Combine(ContentRoot, "companies", shortName);
        if (knowledgeBaseYaml is not null)
        {
            Directory.CreateDirectory(Path.Combine(CompanyFolder, "config"));
            File.WriteAllText(Path.Combine(CompanyFolder, "config", "company.yaml"), $"""
                id: {shortName}
                name: ACME
                llm: {"{"} model: gpt-4o-mini, api-key: OPENAI_API_KEY {"}"}

                {knowledgeBaseYaml}
                """);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = ContentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["IAToolkit:Environment"] = development ? "development" : "production" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
        builder.AddIAToolkitCore();
        _host = builder.Build();

        var loaded = new CompanyConfigurationLoader(_host.Services.GetRequiredService<IConfiguration>()).Load(shortName, CompanyFolder, $"companies/{shortName}");
        Assert.That(loaded.Errors, Is.Empty, "the test company.yaml loads");
        var implementation = new AcmeCompany();
        Company = new Company(1, shortName, CompanyFolder, loaded.Configuration!, implementation);
    }

    public string ContentRoot { get; }

    public string CompanyFolder { get; }

    public Company Company { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public DocumentConnectorFactory Factory => _host.Services.GetRequiredService<DocumentConnectorFactory>();

    public IDocumentConnector Connector(string source) => Factory.Create(Company, source);

    /// <summary>Writes a file under the content root (by a path relative to it) and returns its absolute path.</summary>
    public string WriteFile(string relativePath, string text)
    {
        var full = Path.Combine(ContentRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>An existing company folder (not copied, not deleted) on an empty throwaway content root.</summary>
    public static ConnectorTestHost ForFolder(string companyFolder, string shortName, bool development = true)
        => new(NewContentRoot(), shortName, null, null, development, companyFolder);

    public void Dispose()
    {
        _host.Dispose();
        Logs.Dispose();
        if (Directory.Exists(ContentRoot))
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
    }

    private static string NewContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "iat-kb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return root;
    }
}

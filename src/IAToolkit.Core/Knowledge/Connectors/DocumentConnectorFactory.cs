using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Configuration;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// Makes the connector of a company's document source: <c>knowledge_base.connectors.development</c> when the host
/// runs in development (<see cref="IAToolkitOptions.IsDevelopment"/>), else <c>.production</c>. Development falls
/// back to a local connector; production without a connector is a configuration error. A local source is resolved
/// by <see cref="LocalSourceFolder"/>; an S3 source lives under the connector's <c>prefix</c> followed by the
/// source's <c>path</c>.
/// </summary>
internal sealed class DocumentConnectorFactory
{
    private readonly IHostEnvironment _environment;
    private readonly IConfiguration _configuration;
    private readonly CompanySecrets _secrets;
    private readonly IOptions<IAToolkitOptions> _toolkit;
    private readonly IOptions<DocumentConnectorOptions> _options;
    private readonly S3ClientPool _clients;
    private readonly ILoggerFactory _loggers;

    public DocumentConnectorFactory(
        IHostEnvironment environment,
        IConfiguration configuration,
        CompanySecrets secrets,
        IOptions<IAToolkitOptions> toolkit,
        IOptions<DocumentConnectorOptions> options,
        S3ClientPool clients,
        ILoggerFactory loggers)
    {
        _environment = environment;
        _configuration = configuration;
        _secrets = secrets;
        _toolkit = toolkit;
        _options = options;
        _clients = clients;
        _loggers = loggers;
    }

    /// <summary>The connector of <paramref name="sourceName"/> (a key of <c>knowledge_base.document_sources</c>).</summary>
    /// <exception cref="IAToolkitException">
    /// <see cref="ErrorCodes.KnowledgeSourceNotFound"/> when the company has no such source (the message lists its
    /// sources); <see cref="ErrorCodes.InvalidCompanyConfiguration"/> when the source or connector settings cannot
    /// work; <see cref="ErrorCodes.InvalidSettings"/> when a variable they name holds an unusable value.
    /// </exception>
    public IDocumentConnector Create(Company company, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(sourceName);
        var file = $"{_toolkit.Value.CompaniesFolder.TrimEnd('/', '\\')}/{company.ShortName}/config/company.yaml";
        var knowledgeBase = company.Configuration.KnowledgeBase;
        var sources = knowledgeBase?.DocumentSources ?? [];
        var source = sources.FirstOrDefault(s => string.Equals(s.Name, sourceName, StringComparison.Ordinal))
            ?? throw new IAToolkitException(ErrorCodes.KnowledgeSourceNotFound, NotFound(company, sourceName, sources, file));

        var development = _toolkit.Value.IsDevelopment;
        var keyPath = $"knowledge_base.connectors.{(development ? "development" : "production")}";
        var connector = development
            ? knowledgeBase?.Development ?? new ConnectorSettings { Type = ConnectorType.Local }
            : knowledgeBase?.Production ?? throw new IAToolkitException(
                ErrorCodes.InvalidCompanyConfiguration,
                $"{file}: {keyPath} is required to read document source '{sourceName}' outside development (the environment is '{_toolkit.Value.Environment}'; FLASK_ENV or IAToolkit:Environment set to development uses connectors.development).");

        var sourcePath = SourcePath.NormalizeFolder(source.Path, out var problem)
            ?? throw new IAToolkitException(ErrorCodes.InvalidCompanyConfiguration, $"{file}: knowledge_base.document_sources.{sourceName}.path {problem}.");
        var logger = _loggers.CreateLogger("IAToolkit.Knowledge.Connectors");
        return connector.Type switch
        {
            ConnectorType.S3 => CreateS3(connector, sourcePath, file, keyPath, logger),
            _ => new LocalDocumentConnector(
                LocalSourceFolder.Resolve(_environment.ContentRootPath, company.Folder, connector.Path, _configuration[LocalSourceFolder.RootVariable], sourcePath),
                logger),
        };
    }

    private S3DocumentConnector CreateS3(ConnectorSettings connector, string sourcePath, string file, string keyPath, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(connector.Bucket))
        {
            throw new IAToolkitException(ErrorCodes.InvalidCompanyConfiguration, $"{file}: {keyPath}.bucket is required for an s3 connector.");
        }

        var prefix = SourcePath.NormalizeFolder(connector.Prefix ?? string.Empty, out var problem)
            ?? throw new IAToolkitException(ErrorCodes.InvalidCompanyConfiguration, $"{file}: {keyPath}.prefix {problem}.");
        var settings = S3ClientSettings.Resolve(connector, _secrets, file, keyPath);
        var location = S3Location.Of(connector.Bucket.Trim(), prefix, sourcePath);
        return new S3DocumentConnector(_clients.Get(settings), location, settings, _options.Value.S3PageSize, logger);
    }

    private static string NotFound(Company company, string sourceName, IReadOnlyList<DocumentSource> sources, string file)
        => sources.Count == 0
            ? $"Company '{company.ShortName}' has no document source '{sourceName}': {file} declares no knowledge_base.document_sources."
            : $"Company '{company.ShortName}' has no document source '{sourceName}'; its sources are: {string.Join(", ", sources.Select(s => s.Name))} ({file}: knowledge_base.document_sources).";
}

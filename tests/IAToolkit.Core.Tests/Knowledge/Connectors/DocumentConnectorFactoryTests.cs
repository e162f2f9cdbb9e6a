using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>Which connector a document source gets, by environment, and the errors an operator sees.</summary>
public sealed class DocumentConnectorFactoryTests
{
    private const string BothConnectors = """
        knowledge_base:
          connectors:
            development: { type: local }
            production:
              type: s3
              bucket: acme-kb
              prefix: acme/
          document_sources:
            contracts: { path: docs/contracts/, metadata: { type: contract } }
            manuals: { path: docs/manuals }
        """;

    [Test]
    public void Create_Development_LocalFolder()
    {
        using var host = new ConnectorTestHost(BothConnectors, development: true);

        var connector = host.Connector("contracts");

        Assert.That(connector.Describe(), Is.EqualTo("local folder docs/contracts"));
    }

    [Test]
    public void Create_Production_S3PrefixIsConnectorPrefixThenSourcePath()
    {
        using var host = new ConnectorTestHost(BothConnectors, development: false);

        Assert.That(host.Connector("contracts").Describe(), Is.EqualTo("s3://acme-kb/acme/docs/contracts/"));
        Assert.That(host.Connector("manuals").Describe(), Is.EqualTo("s3://acme-kb/acme/docs/manuals/"));
    }

    [Test]
    public void Create_UnknownSource_NotFoundListingTheSources()
    {
        using var host = new ConnectorTestHost(BothConnectors);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("invoices"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceNotFound));
        Assert.That(error.Message, Is.EqualTo(
            "Company 'acme' has no document source 'invoices'; its sources are: contracts, manuals (companies/acme/config/company.yaml: knowledge_base.document_sources)."));
    }

    [Test]
    public void Create_CompanyWithoutKnowledgeBase_NotFoundSayingSo()
    {
        using var host = new ConnectorTestHost(string.Empty);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("contracts"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceNotFound));
        Assert.That(error.Message, Does.Contain("declares no knowledge_base.document_sources"));
    }

    [Test]
    public void Create_DevelopmentWithoutConnectors_LocalWithDefaults()
    {
        using var host = new ConnectorTestHost("""
            knowledge_base:
              document_sources:
                contracts: { path: docs/contracts }
            """, development: true);

        Assert.That(host.Connector("contracts").Describe(), Is.EqualTo("local folder docs/contracts"));
    }

    [Test]
    public void Create_ProductionWithoutProductionConnector_ConfigurationErrorNamingTheKey()
    {
        using var host = new ConnectorTestHost("""
            knowledge_base:
              connectors:
                development: { type: local }
              document_sources:
                contracts: { path: docs/contracts }
            """, development: false);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("contracts"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidCompanyConfiguration));
        Assert.That(error.Message, Does.StartWith("companies/acme/config/company.yaml: knowledge_base.connectors.production is required"));
    }

    [Test]
    public void Create_OnlyOneS3KeyVariableSet_InvalidSettingsNamingTheMissingOneNotTheValue()
    {
        using var host = new ConnectorTestHost(BothConnectors, new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLEKEY" }, development: false);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("contracts"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
        Assert.That(error.Message, Does.StartWith("AWS_SECRET_ACCESS_KEY is not set, but AWS_ACCESS_KEY_ID is"));
        Assert.That(error.Message, Does.Not.Contain("AKIAEXAMPLEKEY"));
    }

    [Test]
    public void Create_EndpointVariableNotAUrl_InvalidSettings()
    {
        using var host = new ConnectorTestHost(BothConnectors, new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://user:pw@127.0.0.1:9000" }, development: false);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("contracts"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidSettings));
        Assert.That(error.Message, Does.StartWith("AWS_ENDPOINT_URL must be an http or https URL without credentials"));
        Assert.That(error.Message, Does.Not.Contain("pw"));
    }

    [Test]
    public void Create_SameSettingsTwice_SharesOneS3Client()
    {
        using var host = new ConnectorTestHost(BothConnectors, development: false);

        host.Connector("contracts");
        host.Connector("manuals");

        Assert.That(host.Logs.Entries.Count(e => e.EventId == 1905), Is.EqualTo(1));
    }
}

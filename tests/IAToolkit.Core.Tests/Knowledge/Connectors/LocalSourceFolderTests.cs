using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>Where a local source's relative path is looked up: the documented order of roots.</summary>
public sealed class LocalSourceFolderTests
{
    private const string Sources = """
        knowledge_base:
          document_sources:
            manuals: { path: sample_data/manuals }
        """;

    [Test]
    public async Task Create_FolderUnderContentRoot_ContentRootWins()
    {
        using var host = new ConnectorTestHost(Sources);
        host.WriteFile("sample_data/manuals/from-content-root.pdf", "x");

        var connector = host.Connector("manuals");

        Assert.That(connector.Describe(), Is.EqualTo("local folder sample_data/manuals"));
        Assert.That((await connector.ListAllAsync()).Select(f => f.Path), Is.EqualTo(new[] { "from-content-root.pdf" }));
    }

    [Test]
    public async Task Create_FolderOnlyBesideTheCompaniesFolder_FoundTwoLevelsAboveTheCompany()
    {
        // As when the company folder was found beside the host's binaries: <bin>/companies/acme, <bin>/sample_data.
        var binaries = Path.Combine(Path.GetTempPath(), "iat-kb-bin-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var host = new ConnectorTestHost(Sources);
            var companyBesideBinaries = Path.Combine(binaries, "companies", "acme");
            Directory.CreateDirectory(Path.Combine(binaries, "sample_data", "manuals"));
            File.WriteAllText(Path.Combine(binaries, "sample_data", "manuals", "beside-binaries.pdf"), "x");
            Directory.CreateDirectory(companyBesideBinaries);
            var company = new IAToolkit.Companies.Company(1, host.Company.ShortName, companyBesideBinaries, host.Company.Configuration, host.Company.Implementation);

            var connector = host.Factory.Create(company, "manuals");

            Assert.That((await connector.ListAllAsync()).Select(f => f.Path), Is.EqualTo(new[] { "beside-binaries.pdf" }));
            Assert.That(connector.Describe(), Is.EqualTo($"local folder {Path.Combine(binaries, "sample_data", "manuals")}"));
        }
        finally
        {
            Directory.Delete(binaries, recursive: true);
        }
    }

    [Test]
    public async Task Create_RootDirLocalFilesSet_PathIsUnderIt()
    {
        using var host = new ConnectorTestHost(Sources, new Dictionary<string, string?> { ["ROOT_DIR_LOCAL_FILES"] = "shared-docs" });
        host.WriteFile("sample_data/manuals/not-here.pdf", "x");
        host.WriteFile("shared-docs/sample_data/manuals/here.pdf", "x");

        var files = await host.Connector("manuals").ListAllAsync();

        Assert.That(files.Select(f => f.Path), Is.EqualTo(new[] { "here.pdf" }));
    }

    [Test]
    public async Task Create_ConnectorPathGiven_PathIsUnderItOnly()
    {
        using var host = new ConnectorTestHost("""
            knowledge_base:
              connectors:
                development: { type: local, path: documents }
              document_sources:
                manuals: { path: sample_data/manuals }
            """, new Dictionary<string, string?> { ["ROOT_DIR_LOCAL_FILES"] = "ignored" });
        host.WriteFile("documents/sample_data/manuals/here.pdf", "x");

        var connector = host.Connector("manuals");

        Assert.That(connector.Describe(), Is.EqualTo("local folder documents/sample_data/manuals"));
        Assert.That((await connector.ListAllAsync()).Select(f => f.Path), Is.EqualTo(new[] { "here.pdf" }));
    }

    [Test]
    public async Task WriteAsync_FolderMissingEverywhere_CreatedUnderTheContentRoot()
    {
        using var host = new ConnectorTestHost(Sources);
        var connector = host.Connector("manuals");

        await connector.WriteTextAsync("new/manual.txt", "text");

        Assert.That(File.ReadAllText(Path.Combine(host.ContentRoot, "sample_data/manuals/new/manual.txt")), Is.EqualTo("text"));
    }

    [TestCase("../outside", "may not contain '..'")]
    [TestCase("docs/../../outside", "may not contain '..'")]
    [TestCase("/srv/docs", "must be relative")]
    public void Create_SourcePathClimbsOrIsAbsolute_RefusedNamingTheKey(string path, string problem)
    {
        using var host = new ConnectorTestHost($"""
            knowledge_base:
              document_sources:
                manuals: {"{"} path: "{path}" {"}"}
            """);

        var error = Assert.Throws<IAToolkitException>(() => host.Connector("manuals"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidCompanyConfiguration));
        Assert.That(error.Message, Does.StartWith($"companies/acme/config/company.yaml: knowledge_base.document_sources.manuals.path {problem}"));
    }
}

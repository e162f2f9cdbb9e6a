using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>
/// The sample company's document sources, as its company.yaml declares them, reach the generated documents through a
/// local connector: found beside the companies folder the build copied, whatever the content root.
/// </summary>
public sealed class SampleCompanySourcesTests
{
    private static readonly string s_sampleFolder = Path.Combine(AppContext.BaseDirectory, "Samples", "companies", "sample_company");

    [TestCase("employee_contracts", 10, "contract_Julia_Bianchi.pdf")]
    [TestCase("supplier_manuals", 8, "quality_manual_highland_leaf_co.pdf")]
    public async Task ListAsync_SampleSourceInDevelopment_ListsItsGeneratedDocuments(string source, int count, string example)
    {
        using var host = ConnectorTestHost.ForFolder(s_sampleFolder, "sample_company");
        var connector = host.Connector(source);

        var files = await connector.ListAllAsync();

        Assert.That(files, Has.Count.EqualTo(count));
        Assert.That(files.Select(f => Path.GetExtension(f.Path)).Distinct(), Is.EquivalentTo(new[] { ".pdf", ".docx" }));
        var file = files.Single(f => f.Path == example);
        var bytes = await connector.ReadAllAsync(file);
        Assert.That(bytes, Has.Length.EqualTo(file.Size));
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing;
using static IAToolkit.AspNet.Tests.Assistant.Knowledge.UploadBudgetTests;

namespace IAToolkit.AspNet.Tests.Assistant.Knowledge;

/// <summary>
/// <c>/documents</c> stores before it indexes: an upload the source refuses or cannot take leaves nothing searchable,
/// and the caller is not told where the storage lives.
/// </summary>
[Category("Security")]
public sealed class DocumentUploadOrderTests
{
    [TestCase(".hidden.txt")]
    [TestCase("..txt")]
    public async Task AddDocument_NameTheSourceRefuses_Is400AndNothingIsIndexed(string name)
    {
        await using var host = await AssistantHost.StartAsync();

        using var response = await PostFileAsync(host.Client, "/api/sample_company/documents?source=supplier_manuals", name, Encoding.UTF8.GetBytes("Delivery terms: 30 days."));

        await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.That(await IndexedAsync(name), Is.Zero);
    }

    [TestCase("terms.txt", "Delivery terms: 30 days net.")]
    [TestCase("manual.docx", null)]
    public async Task AddDocument_StorageDown_Is503WithoutInternalsAndNothingIsIndexed(string kind, string? text)
    {
        using var root = new TempContentRoot();
        CopySampleCompany(root.Path);
        var port = ClosedPort();
        await using var host = await AssistantHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["IAToolkit:Environment"] = "production",
                ["UPLOAD_TEST_S3_ENDPOINT"] = $"http://127.0.0.1:{port}",
            },
            contentRoot: root.Path);
        var name = $"{Path.GetFileNameWithoutExtension(kind)}-{Guid.NewGuid():N}{Path.GetExtension(kind)}";
        var content = text is null ? IAToolkit.Testing.Documents.BombPackage.Docx(w => w.Write("<w:p><w:r><w:t>Store below 4 °C.</w:t></w:r></w:p>")) : Encoding.UTF8.GetBytes(text);

        using var response = await PostFileAsync(host.Client, "/api/sample_company/documents?source=supplier_manuals", name, content);

        var detail = await ApiAccessTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "knowledge_source_unavailable");
        Assert.That(detail, Does.Contain("supplier_manuals").And.Contain(name));
        Assert.That(detail, Does.Not.Contain("127.0.0.1").And.Not.Contain(port.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Not.Contain("http").And.Not.Contain("iatoolkit-sample-company").And.Not.Contain("s3://"));
        Assert.That(await IndexedAsync(name), Is.Zero, "a document its source does not hold is never searchable");
    }

    private static void CopySampleCompany(string root)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "companies", "sample_company");
        var target = Path.Combine(root, "companies", "sample_company");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var yaml = Path.Combine(target, "config", "company.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("# endpoint_url_env: AWS_ENDPOINT_URL", "endpoint_url_env: UPLOAD_TEST_S3_ENDPOINT", StringComparison.Ordinal));
    }

    // A port that was free a moment ago: nothing listens there, so connecting is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Core.Tests.Knowledge.Connectors;

/// <summary>A local document source: recursive, sorted listing; round trips; nothing outside the folder is reached.</summary>
public sealed class LocalDocumentConnectorTests
{
    private const string Sources = """
        knowledge_base:
          document_sources:
            contracts: { path: companies/acme/docs/contracts, metadata: { type: contract } }
        """;

    private ConnectorTestHost _host = null!;

    [SetUp]
    public void CreateHost() => _host = new ConnectorTestHost(Sources);

    [TearDown]
    public void DisposeHost() => _host.Dispose();

    [Test]
    public async Task ListAsync_NestedFolders_EveryFileRelativeWithSlashesSortedOrdinally()
    {
        _host.WriteFile("companies/acme/docs/contracts/b.pdf", "b");
        _host.WriteFile("companies/acme/docs/contracts/a.docx", "aa");
        _host.WriteFile("companies/acme/docs/contracts/2024/q1/z.pdf", "zzz");
        _host.WriteFile("companies/acme/docs/contracts/2024/B.txt", "B");
        _host.WriteFile("companies/acme/docs/other.pdf", "outside the source");

        var files = await _host.Connector("contracts").ListAllAsync();

        Assert.That(files.Select(f => f.Path), Is.EqualTo(new[] { "2024/B.txt", "2024/q1/z.pdf", "a.docx", "b.pdf" }));
        Assert.That(files.Select(f => f.Size), Is.EqualTo(new long[] { 1, 3, 2, 1 }));
        Assert.That(files.All(f => f.LastModified is { } t && t.Offset == TimeSpan.Zero && t > DateTimeOffset.UtcNow.AddMinutes(-5)), Is.True, "UTC modification times");
    }

    [Test]
    public async Task ListAsync_HiddenFilesAndSymbolicLinks_NotListed()
    {
        _host.WriteFile("companies/acme/docs/contracts/real.pdf", "real");
        _host.WriteFile("companies/acme/docs/contracts/.DS_Store", "hidden");
        var secret = _host.WriteFile("outside/secret.txt", "not a document of this source");
        var contracts = Path.Combine(_host.ContentRoot, "companies/acme/docs/contracts");
        File.CreateSymbolicLink(Path.Combine(contracts, "linked.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(contracts, "linked-folder"), Path.GetDirectoryName(secret)!);

        var files = await _host.Connector("contracts").ListAllAsync();

        Assert.That(files.Select(f => f.Path), Is.EqualTo(new[] { "real.pdf" }));
        Assert.That(_host.Logs.Entries.Count(e => e.EventId == 1902), Is.EqualTo(2), "each skipped link is logged");
    }

    [Test]
    public async Task OpenAsync_PathThroughSymbolicLink_Refused()
    {
        var secret = _host.WriteFile("outside/secret.txt", "not a document of this source");
        var contracts = Path.Combine(_host.ContentRoot, "companies/acme/docs/contracts");
        Directory.CreateDirectory(contracts);
        Directory.CreateSymbolicLink(Path.Combine(contracts, "linked-folder"), Path.GetDirectoryName(secret)!);
        var connector = _host.Connector("contracts");

        var open = await Assert.ThrowsAsync<IAToolkitException>(() => connector.OpenAsync(new SourceFile("linked-folder/secret.txt", 0, null), CancellationToken.None));
        var write = await Assert.ThrowsAsync<IAToolkitException>(() => connector.WriteTextAsync("linked-folder/new.txt", "x"));

        Assert.That(open!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceUnavailable));
        Assert.That(open.Message, Does.Contain("symbolic link"));
        Assert.That(write!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceUnavailable));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(secret)!, "new.txt")), Is.False);
    }

    [TestCase("../escape.txt")]
    [TestCase("nested/../../escape.txt")]
    [TestCase("/etc/passwd")]
    [TestCase("..\\escape.txt")]
    [TestCase(".hidden")]
    [TestCase("folder/")]
    [TestCase("")]
    public async Task WriteAsync_PathOutsideOrHidden_RefusedAsInvalidRequest(string path)
    {
        var connector = _host.Connector("contracts");

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => connector.WriteTextAsync(path, "x"));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
        Assert.That(File.Exists(Path.Combine(_host.ContentRoot, "companies/acme/docs/escape.txt")), Is.False);
    }

    [Test]
    public async Task OpenAsync_DotDotPath_RefusedBeforeTouchingTheDisk()
    {
        _host.WriteFile("companies/acme/docs/secret.txt", "next to the source, not in it");
        var connector = _host.Connector("contracts");

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => connector.OpenAsync(new SourceFile("../secret.txt", 0, null), CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InvalidRequest));
        Assert.That(error.Message, Does.Contain("'..'"));
    }

    [Test]
    public async Task WriteAsync_ThenListAndOpen_RoundTripsBytesAndReplaces()
    {
        var connector = _host.Connector("contracts");
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray();

        await connector.WriteAsync("2025/contract.pdf", new MemoryStream(bytes), CancellationToken.None);
        await connector.WriteTextAsync("notes.txt", "first");
        await connector.WriteTextAsync("notes.txt", "second, longer");
        var files = await connector.ListAllAsync();

        Assert.That(files.Select(f => (f.Path, f.Size)), Is.EqualTo(new[] { ("2025/contract.pdf", 70_000L), ("notes.txt", 14L) }));
        Assert.That(await connector.ReadAllAsync(files[0]), Is.EqualTo(bytes));
        Assert.That(await connector.ReadTextAsync("notes.txt"), Is.EqualTo("second, longer"));
        Assert.That(Directory.GetFiles(Path.Combine(_host.ContentRoot, "companies/acme/docs/contracts"), ".*"), Is.Empty, "no temporary file left");
    }

    [Test]
    public async Task ListAsync_MissingFolder_UnavailableNamingWhereItLooked()
    {
        var connector = _host.Connector("contracts");

        var error = await Assert.ThrowsAsync<IAToolkitException>(async () => await connector.ListAllAsync());

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceUnavailable));
        Assert.That(error.Message, Does.StartWith("local folder companies/acme/docs/contracts: the folder does not exist"));
        Assert.That(connector.Describe(), Is.EqualTo("local folder companies/acme/docs/contracts"));
    }

    [Test]
    public async Task OpenAsync_FileRemovedSinceListing_Unavailable()
    {
        _host.WriteFile("companies/acme/docs/contracts/kept.pdf", "x");
        var connector = _host.Connector("contracts");

        var error = await Assert.ThrowsAsync<IAToolkitException>(() => connector.OpenAsync(new SourceFile("gone.pdf", 1, null), CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.KnowledgeSourceUnavailable));
        Assert.That(error.Message, Does.Contain("gone.pdf does not exist"));
    }
}

using IAToolkit.Core.Tests.Knowledge.Parsing;
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
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Knowledge.Chunking;

/// <summary>The document parser and chunker as <c>AddIAToolkitCore()</c> registers them, with their settings.</summary>
public sealed class KnowledgeTextRegistrationTests
{
    [Test]
    public void AddIAToolkitCore_ChunkingSettings_ShapeTheChunksOfAParsedDocument()
    {
        using var host = Build(new()
        {
            ["IAToolkit:Knowledge:Chunking:MaxTokens"] = "40",
            ["IAToolkit:Knowledge:Chunking:OverlapTokens"] = "5",
        });
        var firstPage = Enumerable.Range(1, 12).Select(i => $"Rule {i}: employees submit travel receipts within thirty days.").ToArray();
        var pdf = KnowledgeTestFiles.Pdf(firstPage, ["Second page."]);

        var document = host.Services.GetRequiredService<DocumentParser>().Parse("policy.pdf", new MemoryStream(pdf));
        var chunks = host.Services.GetRequiredService<DocumentChunker>().Chunk(document);

        Assert.That(chunks, Has.Count.GreaterThan(2));
        Assert.That(chunks.Select(c => c.TokenCount), Has.All.LessThanOrEqualTo(40));
        Assert.That(chunks[^1], Is.EqualTo(new DocumentChunk(chunks.Count - 1, "Second page.", 2, 3)));
    }

    [Test]
    public void AddIAToolkitCore_SheetRowCapSetting_LimitsTheRowsRead()
    {
        using var host = Build(new() { ["IAToolkit:Knowledge:Parsing:MaxSheetRows"] = "2" });
        var rows = Enumerable.Range(1, 4).Select(i => XlsxTestWorkbook.Row((uint)i, XlsxTestWorkbook.Inline($"A{i}", $"row {i}"))).ToArray();

        var document = host.Services.GetRequiredService<DocumentParser>().Parse("log.xlsx", new MemoryStream(XlsxTestWorkbook.Write([], ("Log", rows))));

        Assert.That(document.Pages[0].Text, Does.Contain("row 2").And.Not.Contain("row 3"));
    }

    [TestCase("IAToolkit:Knowledge:Chunking:MaxTokens", "8")]
    [TestCase("IAToolkit:Knowledge:Chunking:OverlapTokens", "300")]
    [TestCase("IAToolkit:Knowledge:Parsing:MaxSheetRows", "0")]
    public void AddIAToolkitCore_InvalidSetting_FailsNamingIt(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = host.Services.GetRequiredService<IOptions<ChunkingOptions>>().Value;
            _ = host.Services.GetRequiredService<IOptions<DocumentParsingOptions>>().Value;
        });

        Assert.That(error!.Message, Does.Contain(key));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.GetTempPath(),
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIAToolkitCore();
        return builder.Build();
    }
}

using System.Text;
using IAToolkit.Knowledge.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>
/// A format a company adds is read like the built-in ones: dispatched by its extension, listed among the supported
/// types, and held to the same slot, deadline and budgets, whatever the reader does.
/// </summary>
public sealed class CompanyReaderTests
{
    [Test]
    public async Task ParseAsync_CompanyFormat_IsReadByItsReaderPageByPage()
    {
        using var services = Services();
        var parser = services.GetRequiredService<DocumentParser>();

        var document = await parser.ParseAsync("minutes.MEMO", Encoding.UTF8.GetBytes("Board minutes\n\fThe board approved the budget."), waitForSlot: true, CancellationToken.None);

        Assert.That(document.Format, Is.EqualTo("memo"));
        Assert.That(document.Pages.Select(p => (p.Number, p.Text)), Is.EqualTo(new[] { (1, "Board minutes"), (2, "The board approved the budget.") }));
    }

    [Test]
    public void SupportedExtensions_WithCompanyReader_ListsTheBuiltInsThenIt()
    {
        using var services = Services();
        var parser = services.GetRequiredService<DocumentParser>();

        Assert.That(parser.SupportedExtensions, Is.EqualTo(".pdf, .docx, .xlsx, .txt, .md, .memo"));
        Assert.That(parser.IsSupported("notes.memo"), Is.True);
        Assert.That(parser.IsSupported("notes.markdown"), Is.True);
    }

    [TestCase("GREEDY", "MaxCharacters")]
    [TestCase("SILENT", "MaxCharacters")]
    [TestCase("SWALLOW", "MaxCharacters")]
    [TestCase("SPIN", "MaxParseTime")]
    public async Task ParseAsync_ReaderPastTheBudget_IsTooComplex(string behavior, string setting)
    {
        using var services = Services(new DocumentParsingOptions { MaxCharacters = 4_000, MaxParseTime = TimeSpan.FromSeconds(1) });
        var parser = services.GetRequiredService<DocumentParser>();

        var error = await Assert.ThrowsAsync<DocumentTooComplexException>(
            () => parser.ParseAsync("hostile.memo", Encoding.UTF8.GetBytes(behavior + "\n"), waitForSlot: true, CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("document_too_complex"));
        Assert.That(error.Message, Does.Contain($"IAToolkit:Knowledge:Parsing:{setting}"));
    }

    [Test]
    public async Task ParseAsync_ReaderThatFails_IsUnreadableNamingTheFormat()
    {
        using var services = Services();
        var parser = services.GetRequiredService<DocumentParser>();

        var error = await Assert.ThrowsAsync<DocumentUnreadableException>(
            () => parser.ParseAsync("broken.memo", "CRASH\n"u8.ToArray(), waitForSlot: true, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("Cannot read 'broken.memo': the memo reader failed: the memo's header is broken."));
    }

    [Test]
    public async Task ParseAsync_CompanyReaderForABuiltInExtension_TakesItsPlace()
    {
        using var services = Services(configure: s => s.AddIAToolkitDocumentReader<ShoutingTextReader>());
        var parser = services.GetRequiredService<DocumentParser>();

        var document = await parser.ParseAsync("notes.txt", "quiet words"u8.ToArray(), waitForSlot: true, CancellationToken.None);

        Assert.That(document.Format, Is.EqualTo("shout"));
        Assert.That(document.Pages.Single().Text, Is.EqualTo("QUIET WORDS"));
        Assert.That(parser.SupportedExtensions, Is.EqualTo(".pdf, .docx, .xlsx, .md, .memo, .txt"));
    }

    private static ServiceProvider Services(DocumentParsingOptions? options = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new DocumentParsingOptions()));
        services.AddDocumentReaders().AddIAToolkitDocumentReader<MemoReader>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class ShoutingTextReader : DocumentReader
    {
        public override string Format => "shout";

        public override IReadOnlyList<string> Extensions { get; } = [".txt"];

        public override IReadOnlyList<ParsedPage> Read(string fileName, Stream content, DocumentReadBudget budget)
            => [new ParsedPage(1, new StreamReader(content).ReadToEnd().ToUpperInvariant())];
    }
}

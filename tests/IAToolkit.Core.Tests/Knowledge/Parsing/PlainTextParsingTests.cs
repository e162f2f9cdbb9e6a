using System.Text;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

public sealed class PlainTextParsingTests
{
    [Test]
    public void Parse_Utf8WithByteOrderMark_DropsTheMarkAndKeepsAccents()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Política de vacaciones\r\nAño 2024")).ToArray();

        var document = Parse("politica.txt", bytes);

        Assert.That(document.Format, Is.EqualTo("txt"));
        Assert.That(document.Pages, Has.Count.EqualTo(1));
        Assert.That(document.Pages[0].Number, Is.EqualTo(1));
        Assert.That(document.Pages[0].Text, Is.EqualTo("Política de vacaciones\nAño 2024"));
    }

    [Test]
    public void Parse_Latin1Bytes_FallsBackToLatin1()
    {
        var bytes = Encoding.Latin1.GetBytes("Señal de tránsito: ¿dónde?");

        var document = Parse("legacy.txt", bytes);

        Assert.That(document.Pages[0].Text, Is.EqualTo("Señal de tránsito: ¿dónde?"));
    }

    [Test]
    public void Parse_WindowsQuotesInLatin1File_ComeOutAsQuotes()
    {
        byte[] bytes = [0x93, (byte)'h', (byte)'i', 0x94, (byte)' ', 0x96, (byte)' ', (byte)'o', (byte)'k'];

        var document = Parse("quotes.txt", bytes);

        Assert.That(document.Pages[0].Text, Is.EqualTo("\u201Chi\u201D \u2013 ok"));
    }

    [Test]
    public void Parse_MarkdownFile_IsOnePageOfFormatMd()
    {
        var document = Parse("README.MD", "# Title\n\nSome *text*."u8.ToArray());

        Assert.That(document.Format, Is.EqualTo("md"));
        Assert.That(document.Pages[0].Text, Is.EqualTo("# Title\n\nSome *text*."));
    }
}

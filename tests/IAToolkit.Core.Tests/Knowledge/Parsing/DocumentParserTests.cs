using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

public sealed class DocumentParserTests
{
    [TestCase("a.pdf", true)]
    [TestCase("B.PDF", true)]
    [TestCase("report.Docx", true)]
    [TestCase("book.xlsx", true)]
    [TestCase("notes.txt", true)]
    [TestCase("README.md", true)]
    [TestCase("scan.png", false)]
    [TestCase("old.doc", false)]
    [TestCase("noextension", false)]
    public void IsSupported_FileName_IsDecidedByExtension(string fileName, bool supported)
        => Assert.That(KnowledgeTestFiles.Parser().IsSupported(fileName), Is.EqualTo(supported));

    [Test]
    public void Parse_UnsupportedExtension_IsUnreadableAndListsTheSupportedTypes()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("photo.XYZ", [1, 2, 3]));

        Assert.That(error!.Code, Is.EqualTo("document_unreadable"));
        Assert.That(error.FileName, Is.EqualTo("photo.XYZ"));
        Assert.That(error.Message, Is.EqualTo("Cannot read 'photo.XYZ': unsupported type .xyz; supported: .pdf, .docx, .xlsx, .txt, .md."));
    }

    [TestCase("empty.pdf")]
    [TestCase("empty.docx")]
    [TestCase("empty.xlsx")]
    [TestCase("empty.txt")]
    public void Parse_EmptyFile_IsUnreadableAsEmpty(string fileName)
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse(fileName, []));

        Assert.That(error!.Message, Is.EqualTo($"Cannot read '{fileName}': empty file."));
    }

    [Test]
    public void Parse_EmptyFileThatCannotSeek_IsUnreadableAsEmpty()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parser().Parse("upload.docx", new ForwardOnlyStream([])));

        Assert.That(error!.Reason, Is.EqualTo("empty file"));
    }

    [Test]
    public void Parse_TextFileOfBlanks_IsUnreadableAsNoText()
    {
        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("blank.txt", "  \n\n \t "u8.ToArray()));

        Assert.That(error!.Reason, Is.EqualTo("no text"));
    }

    [Test]
    public void Parse_EachFormat_LeavesTheCallersStreamOpen()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["a.pdf"] = Pdf(["text"]),
            ["a.docx"] = Docx(body => body.Append(Paragraph("text"))),
            ["a.xlsx"] = XlsxTestWorkbook.Write([], ("S", [XlsxTestWorkbook.Row(1, XlsxTestWorkbook.Inline("A1", "text"))])),
            ["a.txt"] = "text"u8.ToArray(),
        };

        Assert.Multiple(() =>
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = new MemoryStream(bytes);
                Parser().Parse(name, stream);
                Assert.That(stream.CanRead, Is.True, $"{name}: the caller still owns the stream (to hash or store it)");
            }
        });
    }

    [Test]
    public void Parse_PasswordProtectedOfficeFile_IsUnreadableAsEncrypted()
    {
        // An encrypted .docx or .xlsx is an OLE compound file, not a ZIP package.
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var error = Assert.Throws<DocumentUnreadableException>(() => Parse("secret.xlsx", compound));

        Assert.That(error!.Reason, Does.StartWith("encrypted (password protected)"));
    }
}

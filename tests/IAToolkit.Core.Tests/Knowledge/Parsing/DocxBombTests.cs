using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using IAToolkit.Testing.Documents;
using static IAToolkit.Core.Tests.Knowledge.Parsing.BudgetProbe;
using static IAToolkit.Core.Tests.Knowledge.Parsing.KnowledgeTestFiles;

namespace IAToolkit.Core.Tests.Knowledge.Parsing;

/// <summary>DOCX zip bombs: each is refused while it is read, quickly, after reading a bounded part of it.</summary>
[Category("Security")]
public sealed class DocxBombTests
{
    private const string Run = "<w:p><w:r><w:t>All work and no play makes Jack a dull boy. </w:t></w:r></w:p>";

    [Test]
    public void Parse_DocumentXmlOfRepeatedRunsPastThePartBudget_IsRefusedBeforeTheDocumentIsBuilt()
    {
        // 63 MB of runs in well under a megabyte, as the audit's 1 MB file held 304 million characters.
        var bomb = BombPackage.Docx(BombPackage.Repeat(Run, 800_000));
        Assert.That(bomb.Length, Is.LessThan(Megabyte));

        var (error, allocated, elapsed) = Refused(Parser(), "bomb.docx", bomb, "MaxPartBytes");

        Assert.That(error.Reason, Does.Contain("word/document.xml").And.Contain("20 MB"));
        Assert.That(allocated, Is.LessThan(10 * Megabyte), "refused from the size its header declares, before inflating it");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_PartWhoseHeaderUnderstatesItsSize_IsRefusedAfterReadingAtMostTheBudget()
    {
        var bomb = DeclareSmall(BombPackage.Docx(BombPackage.Repeat(Run, 800_000)), "word/document.xml");

        var (error, allocated, elapsed, _) = BudgetProbe.Run(Parser(), "liar.docx", bomb);

        // .NET stops inflating at the declared size (the XML is then cut short: document_unreadable); the counting
        // stream would stop it at the budget otherwise. Either way the file is refused and never read whole.
        Assert.That(error, Is.InstanceOf<IAToolkitException>());
        Assert.That(((IAToolkitException)error!).Code, Is.AnyOf("document_too_complex", "document_unreadable"));
        Assert.That(allocated, Is.LessThan(60 * Megabyte));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_HugeStylesPart_IsRefusedNamingThePart()
    {
        var styles = BombPackage.Repeat("""<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>""", 400_000);
        var bomb = BombPackage.Docx(BombPackage.Repeat(Run, 3), styles);

        var (error, allocated, elapsed) = Refused(Parser(), "styles.docx", bomb, "MaxPartBytes");

        Assert.That(error.Reason, Does.Contain("word/styles.xml"));
        Assert.That(allocated, Is.LessThan(10 * Megabyte));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_ThousandsOfParts_IsRefusedByCount()
    {
        var parts = Enumerable.Range(0, 3000).Select(i => ($"word/media/image{i}.bin", (Action<TextWriter>)(w => w.Write('x')))).ToArray();
        var bomb = BombPackage.Docx(BombPackage.Repeat(Run, 3), null, parts);

        var (error, _, elapsed) = Refused(Parser(), "parts.docx", bomb, "MaxPackageEntries");

        Assert.That(error.Reason, Does.Contain("3,005 parts"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_PartsEachUnderTheBudgetButTooManyBytesTogether_IsRefused()
    {
        var options = new DocumentParsingOptions { MaxPartBytes = Megabyte, MaxPackageBytes = 3 * Megabyte };
        var parts = Enumerable.Range(0, 5).Select(i => ($"word/media/image{i}.bin", BombPackage.Repeat("0123456789abcdef", 50_000))).ToArray();
        var bomb = BombPackage.Docx(BombPackage.Repeat(Run, 3), null, parts);

        Refused(Parser(options), "many.docx", bomb, "MaxPackageBytes");
    }

    [TestCase("<w:customXml w:element=\"x\">", "</w:customXml>")]
    [TestCase("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")]
    [TestCase("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>")]
    public void Parse_DeeplyNestedXml_IsRefusedInsteadOfOverflowingTheStack(string open, string close)
    {
        // Tree readers recurse once per level: 100,000 levels would end the process, not just the request.
        var bomb = BombPackage.Docx(w =>
        {
            BombPackage.Repeat(open, 100_000)(w);
            w.Write("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
            BombPackage.Repeat(close, 100_000)(w);
        });

        var (error, _, elapsed) = Refused(Parser(), "deep.docx", bomb, "MaxXmlDepth");

        Assert.That(error.Reason, Does.Contain("word/document.xml nests deeper than 256 levels"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Parse_TextPastTheCharacterBudget_IsRefusedNamingTheBudget()
    {
        var docx = BombPackage.Docx(BombPackage.Repeat(Run, 5_000));

        var (error, _, _) = Refused(Parser(new DocumentParsingOptions { MaxCharacters = 100_000 }), "long.docx", docx, "MaxCharacters");

        Assert.That(error.Reason, Does.Contain("longer than the 100,000 characters"));
    }

    [Test]
    public void Parse_TextWithinTheBudgets_IsReadWhole()
    {
        var docx = BombPackage.Docx(BombPackage.Repeat(Run, 1_000));

        var document = Parser(new DocumentParsingOptions { MaxCharacters = 100_000 }).Parse("fits.docx", new MemoryStream(docx));

        Assert.That(document.Pages.Sum(p => p.Text.Length), Is.InRange(40_000, 50_000));
    }

    [Test]
    public void Parse_DamagedPartBeforeADeeplyNestedOne_StillChecksTheNestedOne()
    {
        // A first part that cannot be inflated must not end the checking of the parts behind it.
        var deep = BombPackage.Docx(w =>
        {
            BombPackage.Repeat("<w:customXml w:element=\"x\">", 100_000)(w);
            BombPackage.Repeat("</w:customXml>", 100_000)(w);
        });
        var bomb = WithDamagedFirstPart(deep);

        Refused(Parser(), "damaged.docx", bomb, "MaxXmlDepth");
    }

    [Test]
    public void CountingReadStream_PastItsLimit_ThrowsAfterReadingAtMostOneBufferMore()
    {
        using var counted = new CountingReadStream(new MemoryStream(new byte[10 * Megabyte]), Megabyte, () => new InvalidOperationException("over"));

        Assert.Throws<InvalidOperationException>(() => counted.CopyTo(Stream.Null));
        Assert.That(counted.Count, Is.InRange(Megabyte + 1, Megabyte + (1024 * 1024)));
    }

    /// <summary>Puts an entry whose compression method no reader supports at the front of the package.</summary>
    private static byte[] WithDamagedFirstPart(byte[] docx)
    {
        using var source = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        var parts = new List<(string, Action<TextWriter>)> { ("word/aaa.xml", w => w.Write("<a/>")) };
        foreach (var entry in source.Entries)
        {
            var text = new StreamReader(entry.Open()).ReadToEnd();
            parts.Add((entry.FullName, w => w.Write(text)));
        }

        var zip = BombPackage.Zip(parts);
        // Method 99 (AE-x encryption) in the local header (offset 8) and the central directory entry (offset 10).
        var name = System.Text.Encoding.ASCII.GetBytes("word/aaa.xml");
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var (methodAt, nameAt) = signature switch { 0x04034b50 => (8, 30), 0x02014b50 => (10, 46), _ => (0, 0) };
            if (methodAt > 0 && zip.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + methodAt, 2), (ushort)99);
            }
        }

        return zip;
    }

    /// <summary>Rewrites the uncompressed size a ZIP declares for one entry (local header and central directory) to 1 KB.</summary>
    private static byte[] DeclareSmall(byte[] zip, string name)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (0, 0, 0),
            };
            if (sizeAt > 0 && BitConverter.ToUInt16(zip, i + nameLengthAt) == nameBytes.Length && zip.AsSpan(i + nameAt, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + sizeAt, 4), 1024u);
            }
        }

        return zip;
    }
}

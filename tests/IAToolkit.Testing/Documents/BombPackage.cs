using System.IO.Compression;
using System.Text;

namespace IAToolkit.Testing.Documents;

/// <summary>
/// DOCX and XLSX packages written entry by entry with <see cref="ZipArchive"/>, as a zip bomb is: parts streamed out
/// in pieces so a part that expands to tens of megabytes never exists whole in the test's memory.
/// </summary>
public static class BombPackage
{
    private const string DocxTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>""";
    private const string DocxRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";
    private const string DocumentRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";
    private const string XlsxTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";
    private const string XlsxRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    private const string Workbook = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private const string WorkbookRels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""";
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A DOCX whose document body and styles part the caller writes (the XML around them is written here).</summary>
    public static byte[] Docx(Action<TextWriter> body, Action<TextWriter>? styles = null, params (string Name, Action<TextWriter> Write)[] extra)
    {
        var parts = new List<(string, Action<TextWriter>)>
        {
            ("[Content_Types].xml", w => w.Write(DocxTypes)),
            ("_rels/.rels", w => w.Write(DocxRels)),
            ("word/_rels/document.xml.rels", w => w.Write(DocumentRels)),
            ("word/document.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>""");
                body(w);
                w.Write("</w:body></w:document>");
            }),
            ("word/styles.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">""");
                styles?.Invoke(w);
                w.Write("</w:styles>");
            }),
        };
        parts.AddRange(extra);
        return Zip(parts);
    }

    /// <summary>An XLSX of one sheet named Data whose rows and shared strings the caller writes.</summary>
    public static byte[] Xlsx(Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null, string dimension = "A1")
        => Zip(
        [
            ("[Content_Types].xml", w => w.Write(XlsxTypes)),
            ("_rels/.rels", w => w.Write(XlsxRels)),
            ("xl/workbook.xml", w => w.Write(Workbook)),
            ("xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels)),
            ("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S}"><dimension ref="{dimension}"/><sheetData>""");
                rows(w);
                w.Write("</sheetData></worksheet>");
            }),
            ("xl/sharedStrings.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{S}">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            }),
        ]);

    /// <summary>Writes <paramref name="text"/> <paramref name="times"/> times.</summary>
    public static Action<TextWriter> Repeat(string text, long times) => w =>
    {
        for (long i = 0; i < times; i++)
        {
            w.Write(text);
        }
    };

    public static byte[] Zip(IEnumerable<(string Name, Action<TextWriter> Write)> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
                write(writer);
            }
        }

        return stream.ToArray();
    }
}

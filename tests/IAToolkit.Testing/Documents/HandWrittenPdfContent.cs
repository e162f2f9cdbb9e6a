using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace IAToolkit.Testing.Documents;

/// <summary>
/// PDFs written byte by byte around content streams the test chooses, as an attacker would write them: many pages
/// that share one content stream, a stream compressed with FlateDecode, operators PdfPig's builder never emits.
/// </summary>
public static class HandWrittenPdfContent
{
    /// <summary>
    /// A PDF with <paramref name="pages"/> pages in Helvetica. With <paramref name="shared"/>, every page points at one
    /// content stream (the file stays small however many pages it has); otherwise the content is repeated per page.
    /// </summary>
    public static byte[] Write(string content, int pages = 1, bool shared = true, bool compress = false)
        => Write(Stream(Encoding.ASCII.GetBytes(content), compress), pages, shared);

    /// <summary>
    /// A one-page PDF whose content stream shows a line of text and then holds <paramref name="padding"/> bytes of
    /// spaces, FlateDecoded: a few hundred kilobytes that expand to any size.
    /// </summary>
    public static byte[] FlateBomb(long padding, int pages = 1)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize))
        {
            zlib.Write(Encoding.ASCII.GetBytes("BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET\n"));
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < padding; written += spaces.Length)
            {
                zlib.Write(spaces, 0, (int)Math.Min(spaces.Length, padding - written));
            }
        }

        var data = packed.ToArray();
        return Write([.. Ascii($"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n"), .. data, .. Ascii("\nendstream")], pages, shared: true);
    }

    private static byte[] Write(byte[] contentStream, int pages, bool shared)
    {
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Array.Empty<byte>(), // the page tree, written once the page objects are numbered
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        var streams = shared ? 1 : pages;
        var firstStream = objects.Count + 1;
        for (var i = 0; i < streams; i++)
        {
            objects.Add(contentStream);
        }

        var kids = new StringBuilder();
        for (var i = 0; i < pages; i++)
        {
            var stream = shared ? firstStream : firstStream + i;
            kids.Append(CultureInfo.InvariantCulture, $"{objects.Count + 1} 0 R ");
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {stream} 0 R >>"));
        }

        objects[1] = Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        return Assemble(objects);
    }

    /// <summary>A content stream of <paramref name="count"/> one-letter runs on one line, each placed by its own matrix.</summary>
    public static string TinyRunsOnOneLine(int count)
    {
        var content = new StringBuilder("BT /F1 1 Tf\n");
        for (var i = 0; i < count; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {10 + (i * 0.5 % 590):0.##} 400 Tm ({(char)('a' + (i % 26))}) Tj\n");
        }

        return content.Append("ET").ToString();
    }

    /// <summary>A content stream of <paramref name="count"/> short words spread over a page in lines, as ordinary text is.</summary>
    public static string WordsOnLines(int count)
    {
        var content = new StringBuilder("BT /F1 4 Tf\n");
        for (var i = 0; i < count; i++)
        {
            var x = 10 + (i % 60 * 10);
            var y = 780 - (i / 60 % 190 * 4);
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {x} {y} Tm (w{i % 100}) Tj\n");
        }

        return content.Append("ET").ToString();
    }

    /// <summary>One TJ array of <paramref name="glyphs"/> glyphs with kerning between them.</summary>
    public static string HugeTjArray(int glyphs)
    {
        var content = new StringBuilder("BT /F1 2 Tf 10 400 Td [");
        for (var i = 0; i < glyphs; i++)
        {
            content.Append('(').Append((char)('a' + (i % 26))).Append(") -5 ");
        }

        return content.Append("] TJ ET").ToString();
    }

    private static byte[] Stream(byte[] data, bool compress)
    {
        if (compress)
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize))
            {
                zlib.Write(data);
            }

            data = packed.ToArray();
        }

        var head = Ascii($"<< /Length {data.Length}{(compress ? " /Filter /FlateDecode" : string.Empty)} >>\nstream\n");
        return [.. head, .. data, .. Ascii("\nendstream")];
    }

    private static byte[] Assemble(List<byte[]> objects)
    {
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

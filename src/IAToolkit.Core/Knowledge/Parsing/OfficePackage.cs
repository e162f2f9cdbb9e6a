using DocumentFormat.OpenXml.Packaging;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Opens a DOCX or XLSX read-only once <see cref="OfficePackageGuard"/> has checked it against the budget, turning the
/// ways it can fail into a reason a person understands.
/// </summary>
internal static class OfficePackage
{
    // Password-protected Office files are OLE compound files (as old .doc and .xls files are), not ZIP packages.
    private static readonly byte[] s_compoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static T Open<T>(string fileName, string format, Stream content, ParseBudget budget, Func<Stream, T> open)
        where T : OpenXmlPackage
    {
        if (IsCompoundFile(content))
        {
            throw new DocumentUnreadableException(fileName, $"encrypted (password protected), or an old binary Office file rather than {format}");
        }

        OfficePackageGuard.Check(content, budget);
        try
        {
            return open(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentUnreadableException(fileName, $"not a valid {format} (corrupt or another format?): {e.Message}", e);
        }
    }

    private static bool IsCompoundFile(Stream content)
    {
        var start = content.Position;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;
        return read == head.Length && head.SequenceEqual(s_compoundFileSignature);
    }
}

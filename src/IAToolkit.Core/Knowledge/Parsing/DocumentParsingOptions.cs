using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// Limits on what the knowledge base reads from a document (section <c>IAToolkit:Knowledge:Parsing</c>). Every
/// budget is enforced while the document is read, so a small file that expands to gigabytes (a zip bomb) or makes the
/// reader work for minutes is refused with <c>document_too_complex</c> (HTTP 422) before it costs the host its memory.
/// </summary>
internal sealed class DocumentParsingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Knowledge:Parsing";

    /// <summary>
    /// The most rows read from one spreadsheet sheet (5,000 by default); the rest are left out and the sheet's text
    /// ends with a note saying so.
    /// </summary>
    public int MaxSheetRows { get; set; } = 5000;

    /// <summary>
    /// The most characters of text one document may give (2,000,000 by default, about 600 pages of prose). A document
    /// with more is refused rather than cut, so what is indexed is never silently a part of the file.
    /// </summary>
    public int MaxCharacters { get; set; } = 2_000_000;

    /// <summary>The most bytes one part of a DOCX or XLSX package (one file inside the ZIP) may expand to; 20 MB by default.</summary>
    public long MaxPartBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most bytes all the parts of a DOCX or XLSX package may expand to together; 100 MB by default.</summary>
    public long MaxPackageBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most files a DOCX or XLSX package may hold; 2,000 by default.</summary>
    public int MaxPackageEntries { get; set; } = 2000;

    /// <summary>How deeply the XML of a DOCX or XLSX part may nest; 256 by default (real documents stay far below 100).</summary>
    public int MaxXmlDepth { get; set; } = 256;

    /// <summary>The most cells (empty or not) read from a whole workbook, and the most shared strings it may hold; 2,000,000 by default.</summary>
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>The most pages a PDF, or a document a host's own <see cref="DocumentReader"/> reads, may have; 2,000 by default.</summary>
    public int MaxPdfPages { get; set; } = 2000;

    /// <summary>The most objects a PDF's cross-reference table may list; 500,000 by default.</summary>
    public int MaxPdfObjects { get; set; } = 500_000;

    /// <summary>The most bytes one PDF stream (a page's content, a font) may decode to; 20 MB by default.</summary>
    public long MaxPdfStreamBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// The most bytes all the streams a PDF's pages decode may add up to (a stream decoded for each page that uses it
    /// counts each time); 200 MB by default.
    /// </summary>
    public long MaxPdfDecodedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// Pages with more glyphs than this (10,000 by default; a dense page of prose has about 4,000) are read in the
    /// order their text was written instead of through layout analysis, whose cost grows faster than the glyph count.
    /// </summary>
    public int MaxLayoutLetters { get; set; } = 10_000;

    /// <summary>
    /// How long reading one document may take (10 s by default; a 500-page report takes about 3 s); a document that
    /// takes longer is refused with <c>document_too_complex</c>.
    /// </summary>
    public TimeSpan MaxParseTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many documents one host reads at a time: uploads, file-store and the loader share these slots. 0 (the
    /// default) means one per processor core.
    /// </summary>
    public int MaxConcurrentParses { get; set; }

    /// <summary>
    /// How long an upload or file-store request waits for a free slot before it is answered 503 with
    /// <c>Retry-After</c> (<c>parsing_busy</c>); 2 s by default. The loader always waits.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The number of reading slots <see cref="MaxConcurrentParses"/> gives on this machine.</summary>
    internal int ConcurrentParses => MaxConcurrentParses > 0 ? MaxConcurrentParses : Environment.ProcessorCount;
}

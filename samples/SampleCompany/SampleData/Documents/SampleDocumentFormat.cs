namespace SampleCompany.SampleData.Documents;

/// <summary>The file format a sample document is written in.</summary>
internal enum SampleDocumentFormat
{
    /// <summary>A PDF with a real text layer (PdfPig, standard Helvetica).</summary>
    Pdf,

    /// <summary>A Word document (Open XML).</summary>
    Docx,
}

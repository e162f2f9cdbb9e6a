using SampleCompany.SampleData.Documents;

namespace IAToolkit.Benchmarks;

/// <summary>
/// A larger corpus made by the sample company's own document writers and renderers, so that its pages parse, chunk
/// and embed like the sample's. Round 0 is the sample's 18 documents; each later round gives the contract terms to
/// the next employee and the manual terms to the next supplier, and writes PDFs as DOCX and DOCX as PDFs on odd rounds,
/// so no two files have the same text. Every run gives the same files.
/// </summary>
internal static class ScaledSampleDocuments
{
    /// <summary>18 files per round, under <c>employee_contracts/round_NN/</c> and <c>supplier_manuals/round_NN/</c>.</summary>
    public static IEnumerable<SampleDocument> Generate(int rounds)
    {
        var staff = StaffMember.All().OrderBy(e => e.Id).ToList();
        var suppliers = SupplierProfile.All().OrderBy(s => s.Id).ToList();
        for (var round = 0; round < rounds; round++)
        {
            var folder = $"round_{round:00}";
            foreach (var terms in ContractTermsList.All)
            {
                var employee = staff[(staff.FindIndex(e => e.Id == terms.EmployeeId) + round) % staff.Count];
                var manager = staff.Find(e => e.Id == employee.ReportsTo);
                var name = $"contract_{PlainText.FileNamePart(employee.FirstName)}_{PlainText.FileNamePart(employee.LastName)}";
                yield return Render($"{SampleDocumentSet.ContractsFolder}/{folder}/{name}", EmployeeContractWriter.Write(employee, manager, terms), FormatIn(round, terms.Format));
            }

            foreach (var terms in ManualTermsList.All)
            {
                var supplier = suppliers[(suppliers.FindIndex(s => s.Id == terms.SupplierId) + round) % suppliers.Count];
                var name = $"quality_manual_{PlainText.FileNamePart(supplier.Name).ToLowerInvariant().Trim('_')}";
                yield return Render($"{SampleDocumentSet.ManualsFolder}/{folder}/{name}", SupplierManualWriter.Write(supplier, terms), FormatIn(round, terms.Format));
            }
        }
    }

    private static SampleDocumentFormat FormatIn(int round, SampleDocumentFormat format)
        => round % 2 == 0 ? format : format == SampleDocumentFormat.Pdf ? SampleDocumentFormat.Docx : SampleDocumentFormat.Pdf;

    private static SampleDocument Render(string pathWithoutExtension, DocumentOutline outline, SampleDocumentFormat format) => format switch
    {
        SampleDocumentFormat.Pdf => new SampleDocument(pathWithoutExtension + ".pdf", PdfOutlineRenderer.Render(outline)),
        _ => new SampleDocument(pathWithoutExtension + ".docx", DocxOutlineRenderer.Render(outline)),
    };
}

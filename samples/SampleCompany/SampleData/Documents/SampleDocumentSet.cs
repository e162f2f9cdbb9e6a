namespace SampleCompany.SampleData.Documents;

/// <summary>
/// The sample company's documents: one employment contract per employee of the sample database and a quality
/// manual for eight of its suppliers, as PDF or DOCX. Everything is derived from code and fixed data, so every run
/// gives the same bytes (the committed files are checked against a fresh run by the tests).
/// </summary>
internal static class SampleDocumentSet
{
    /// <summary>The folder under <c>sample_data/</c> of the <c>employee_contracts</c> document source.</summary>
    public const string ContractsFolder = "employee_contracts";

    /// <summary>The folder under <c>sample_data/</c> of the <c>supplier_manuals</c> document source.</summary>
    public const string ManualsFolder = "supplier_manuals";

    public static IReadOnlyList<SampleDocument> Generate() => [.. Contracts(), .. Manuals()];

    private static IEnumerable<SampleDocument> Contracts()
    {
        var staff = StaffMember.All().ToDictionary(e => e.Id);
        if (ContractTermsList.All.Select(t => t.EmployeeId).Order().SequenceEqual(staff.Keys.Order()) is false)
        {
            throw new InvalidOperationException("ContractTermsList must have exactly one entry per employee of StaffRows.");
        }

        foreach (var terms in ContractTermsList.All)
        {
            var employee = staff[terms.EmployeeId];
            var manager = employee.ReportsTo is { } id ? staff[id] : null;
            var outline = EmployeeContractWriter.Write(employee, manager, terms);
            var name = $"contract_{PlainText.FileNamePart(employee.FirstName)}_{PlainText.FileNamePart(employee.LastName)}";
            yield return Render($"{ContractsFolder}/{name}", outline, terms.Format);
        }
    }

    private static IEnumerable<SampleDocument> Manuals()
    {
        var suppliers = SupplierProfile.All().ToDictionary(s => s.Id);
        foreach (var terms in ManualTermsList.All)
        {
            var supplier = suppliers[terms.SupplierId];
            var outline = SupplierManualWriter.Write(supplier, terms);
            var name = $"quality_manual_{PlainText.FileNamePart(supplier.Name).ToLowerInvariant().Trim('_')}";
            yield return Render($"{ManualsFolder}/{name}", outline, terms.Format);
        }
    }

    private static SampleDocument Render(string pathWithoutExtension, DocumentOutline outline, SampleDocumentFormat format) => format switch
    {
        SampleDocumentFormat.Pdf => new SampleDocument(pathWithoutExtension + ".pdf", PdfOutlineRenderer.Render(outline)),
        _ => new SampleDocument(pathWithoutExtension + ".docx", DocxOutlineRenderer.Render(outline)),
    };
}

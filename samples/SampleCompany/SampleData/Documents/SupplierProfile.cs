namespace SampleCompany.SampleData.Documents;

/// <summary>A supplier as the sample database has it (SupplierRows), with the products it supplies (ProductList).</summary>
internal sealed record SupplierProfile(
    int Id, string Name, string ContactName, string ContactTitle, string Address, string Phone, IReadOnlyList<Product> Products)
{
    /// <summary>Every supplier of the sample database, by id.</summary>
    public static IReadOnlyList<SupplierProfile> All()
    {
        var table = SupplierRows.Build();
        var columns = table.Columns.ToList();
        string? Value(object?[] row, string column) => row[columns.IndexOf(column)] as string;
        return
        [
            .. table.Rows.Select(row =>
            {
                var id = (int)row[columns.IndexOf("supplier_id")]!;
                var place = string.Join(", ", new[] { Value(row, "address"), $"{Value(row, "postal_code")} {Value(row, "city")}", Value(row, "region"), Value(row, "country") }.Where(p => !string.IsNullOrWhiteSpace(p)));
                return new SupplierProfile(
                    id, Value(row, "company_name")!, Value(row, "contact_name")!, Value(row, "contact_title")!, place, Value(row, "phone")!,
                    [.. ProductList.All.Where(p => p.SupplierId == id)]);
            }),
        ];
    }
}

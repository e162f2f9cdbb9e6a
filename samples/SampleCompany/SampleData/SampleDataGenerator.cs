namespace SampleCompany.SampleData;

/// <summary>
/// Generates every row of the sample database. The seed is fixed and each concern draws from its own PCG32
/// stream, so the output never changes from one run, machine or .NET version to the next, and a change to how
/// customers are generated does not reshuffle the stock levels.
/// </summary>
internal static class SampleDataGenerator
{
    private const ulong Seed = 20230101;

    /// <summary>The tables, in an order that satisfies their foreign keys.</summary>
    public static IReadOnlyList<SampleTable> Generate()
    {
        var products = ProductList.All;
        var customers = CustomerGenerator.Generate(new Pcg32(Seed, stream: 1));
        var stock = ProductRows.Build(products, new Pcg32(Seed, stream: 2));
        var (orders, details) = OrderGenerator.Generate(customers, products, new Pcg32(Seed, stream: 3));
        return
        [
            CategoryRows.Build(),
            SupplierRows.Build(),
            stock,
            CustomerGenerator.Rows(customers),
            StaffRows.Employees(),
            StaffRows.Shippers(),
            TerritoryRows.Regions(),
            TerritoryRows.Territories(),
            StaffRows.EmployeeTerritories(),
            orders,
            details,
        ];
    }
}

namespace SampleCompany.SampleData;

/// <summary>The sales team (a vice president, two managers, seven representatives), their territories and the shippers.</summary>
internal static class StaffRows
{
    /// <summary>Who covers which territory; the representative comes first, a manager who also covers it second.</summary>
    private static readonly (int EmployeeId, int TerritoryId)[] s_coverage =
    [
        (2, 1), (3, 9),
        (4, 4), (4, 8),
        (5, 3), (5, 2),
        (6, 1), (6, 6),
        (7, 5), (7, 7),
        (8, 9), (8, 11),
        (9, 13), (9, 14), (9, 15),
        (10, 12), (10, 10), (10, 16),
    ];

    public static SampleTable Employees()
    {
        var table = new SampleTable(
            "employees", "employee_id", "first_name", "last_name", "title", "email", "birth_date", "hire_date", "city", "country", "reports_to");
        table.Add(1, "Margaret", "Holloway", "Vice President, Sales", "margaret.holloway@samplecompany.example", new DateOnly(1969, 4, 12), new DateOnly(2012, 9, 3), "London", "United Kingdom", null);
        table.Add(2, "Daniel", "Okafor", "Sales Manager, Europe", "daniel.okafor@samplecompany.example", new DateOnly(1978, 11, 2), new DateOnly(2015, 1, 12), "London", "United Kingdom", 1);
        table.Add(3, "Lucía", "Fernández", "Sales Manager, Americas", "lucia.fernandez@samplecompany.example", new DateOnly(1981, 6, 25), new DateOnly(2016, 5, 2), "Miami", "USA", 1);
        table.Add(4, "Julia", "Bianchi", "Sales Representative", "julia.bianchi@samplecompany.example", new DateOnly(1988, 2, 14), new DateOnly(2018, 3, 5), "Milan", "Italy", 2);
        table.Add(5, "Tomás", "Herrera", "Sales Representative", "tomas.herrera@samplecompany.example", new DateOnly(1985, 9, 30), new DateOnly(2017, 10, 16), "Madrid", "Spain", 2);
        table.Add(6, "Oliver", "Grant", "Sales Representative", "oliver.grant@samplecompany.example", new DateOnly(1991, 7, 8), new DateOnly(2020, 2, 3), "Manchester", "United Kingdom", 2);
        table.Add(7, "Sofie", "Lindqvist", "Sales Representative", "sofie.lindqvist@samplecompany.example", new DateOnly(1990, 12, 19), new DateOnly(2019, 8, 19), "Stockholm", "Sweden", 2);
        table.Add(8, "Ethan", "Brooks", "Sales Representative", "ethan.brooks@samplecompany.example", new DateOnly(1986, 3, 3), new DateOnly(2018, 11, 5), "Boston", "USA", 3);
        table.Add(9, "Camila", "Duarte", "Sales Representative", "camila.duarte@samplecompany.example", new DateOnly(1993, 5, 21), new DateOnly(2021, 4, 12), "São Paulo", "Brazil", 3);
        table.Add(10, "Diego", "Morales", "Sales Representative", "diego.morales@samplecompany.example", new DateOnly(1984, 10, 9), new DateOnly(2022, 6, 1), "Mexico City", "Mexico", 3);
        return table;
    }

    public static SampleTable EmployeeTerritories()
    {
        var table = new SampleTable("employee_territories", "employee_id", "territory_id");
        foreach (var (employeeId, territoryId) in s_coverage.OrderBy(c => c.EmployeeId).ThenBy(c => c.TerritoryId))
        {
            table.Add(employeeId, territoryId);
        }

        return table;
    }

    public static SampleTable Shippers()
    {
        var table = new SampleTable("shippers", "shipper_id", "company_name", "phone");
        table.Add(1, "Swift Parcel Logistics", "+44 20 7946 0301");
        table.Add(2, "BlueWave Freight", "+31 20 555 0172");
        table.Add(3, "Continental Express Cargo", "+1 305 555 0148");
        return table;
    }

    /// <summary>The employees who take the orders of a territory: the representative first, then any manager.</summary>
    public static IReadOnlyList<int> CoveringEmployees(int territoryId)
        => [.. s_coverage.Where(c => c.TerritoryId == territoryId).Select(c => c.EmployeeId).OrderByDescending(id => id)];
}

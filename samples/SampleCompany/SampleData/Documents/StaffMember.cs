namespace SampleCompany.SampleData.Documents;

/// <summary>An employee as the sample database has it (StaffRows), with the names of the territories they cover.</summary>
internal sealed record StaffMember(
    int Id, string FirstName, string LastName, string Title, string Email, DateOnly HireDate, string City, string Country, int? ReportsTo, IReadOnlyList<string> Territories)
{
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Every employee of the sample database, by id.</summary>
    public static IReadOnlyList<StaffMember> All()
    {
        var employees = StaffRows.Employees();
        var territoryNames = TerritoryRows.Territories().Rows.ToDictionary(r => (int)r[0]!, r => (string)r[1]!);
        var coverage = StaffRows.EmployeeTerritories().Rows.Select(r => (Employee: (int)r[0]!, Territory: (int)r[1]!)).ToList();
        var columns = employees.Columns;
        T Value<T>(object?[] row, string column) => (T)row[columns.ToList().IndexOf(column)]!;
        return
        [
            .. employees.Rows.Select(row => new StaffMember(
                Value<int>(row, "employee_id"),
                Value<string>(row, "first_name"),
                Value<string>(row, "last_name"),
                Value<string>(row, "title"),
                Value<string>(row, "email"),
                Value<DateOnly>(row, "hire_date"),
                Value<string>(row, "city"),
                Value<string>(row, "country"),
                row[columns.ToList().IndexOf("reports_to")] as int?,
                [.. coverage.Where(c => c.Employee == Value<int>(row, "employee_id")).Select(c => territoryNames[c.Territory])])),
        ];
    }
}

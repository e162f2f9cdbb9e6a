namespace SampleCompany.SampleData;

/// <summary>The four sales regions and their sixteen territories.</summary>
internal static class TerritoryRows
{
    private static readonly (int Id, string Name, int RegionId)[] s_territories =
    [
        (1, "British Isles", 1),
        (2, "France", 1),
        (3, "Iberia", 1),
        (4, "Italy", 1),
        (5, "Nordics", 2),
        (6, "Benelux", 2),
        (7, "Germany, Austria & Switzerland", 2),
        (8, "Central & Eastern Europe", 2),
        (9, "USA East", 3),
        (10, "USA West", 3),
        (11, "Canada", 3),
        (12, "Mexico", 3),
        (13, "Brazil", 4),
        (14, "Southern Cone", 4),
        (15, "Andean", 4),
        (16, "Central America & Caribbean", 4),
    ];

    public static SampleTable Regions()
    {
        var table = new SampleTable("regions", "region_id", "region_description");
        table.Add(1, "Western Europe");
        table.Add(2, "Northern & Central Europe");
        table.Add(3, "North America");
        table.Add(4, "Latin America");
        return table;
    }

    public static SampleTable Territories()
    {
        var table = new SampleTable("territories", "territory_id", "territory_description", "region_id");
        foreach (var (id, name, regionId) in s_territories)
        {
            table.Add(id, name, regionId);
        }

        return table;
    }

    /// <summary>Whether the territory is in Europe (regions 1 and 2), which decides the usual shipper.</summary>
    public static bool IsInEurope(int territoryId) => s_territories[territoryId - 1].RegionId <= 2;
}
